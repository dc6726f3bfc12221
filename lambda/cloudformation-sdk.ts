import type { CloudFormationClient, CloudFormationClientConfig } from '@aws-sdk/client-cloudformation';

/** The one CloudFormation read the instance handler makes. Tests hand in fakes. */
export interface StackPort {
  /** True while CloudFormation rolls the stack back after a failed update. */
  isRollingBack(stackId: string): Promise<boolean>;
}

/** The one CloudFormation read the stack outputs lookup makes. Tests hand in fakes. */
export interface OutputsPort {
  /** The stack's outputs by key; throws CloudFormation's ValidationError when there is no such stack. */
  outputsOf(stackName: string): Promise<Record<string, string>>;
}

/**
 * The StackPort over the AWS SDK. Only an Update about to fail asks CloudFormation, so its client is
 * loaded and built on that first question rather than when the container starts: loading it up front
 * made every cold start about an eighth slower (bench/RESULTS.md, cold start).
 */
export class CloudFormationSdk implements StackPort, OutputsPort {
  private client?: CloudFormationClient;

  constructor(private readonly config: CloudFormationClientConfig) {}

  async isRollingBack(stackId: string): Promise<boolean> {
    const stack = await this.describe(stackId);
    return stack?.StackStatus === 'UPDATE_ROLLBACK_IN_PROGRESS';
  }

  async outputsOf(stackName: string): Promise<Record<string, string>> {
    const stack = await this.describe(stackName);
    return Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
  }

  private async describe(stackName: string) {
    const { CloudFormationClient, DescribeStacksCommand } = await import('./cloudformation-client.js');
    this.client ??= new CloudFormationClient(this.config);
    const { Stacks } = await this.client.send(new DescribeStacksCommand({ StackName: stackName }));
    return Stacks?.[0];
  }
}
