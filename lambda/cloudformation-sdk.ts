import type { CloudFormationClient, CloudFormationClientConfig } from '@aws-sdk/client-cloudformation';

/** The one CloudFormation read the handler makes. Tests hand in fakes. */
export interface StackPort {
  /** True while CloudFormation rolls the stack back after a failed update. */
  isRollingBack(stackId: string): Promise<boolean>;
}

/**
 * The StackPort over the AWS SDK. Only an Update about to fail asks CloudFormation, so its client is
 * loaded and built on that first question rather than when the container starts: loading it up front
 * made every cold start about an eighth slower (bench/RESULTS.md, cold start).
 */
export class CloudFormationSdk implements StackPort {
  private client?: CloudFormationClient;

  constructor(private readonly config: CloudFormationClientConfig) {}

  async isRollingBack(stackId: string): Promise<boolean> {
    const { CloudFormationClient, DescribeStacksCommand } = await import('./cloudformation-client.js');
    this.client ??= new CloudFormationClient(this.config);
    const { Stacks } = await this.client.send(new DescribeStacksCommand({ StackName: stackId }));
    return Stacks?.[0]?.StackStatus === 'UPDATE_ROLLBACK_IN_PROGRESS';
  }
}
