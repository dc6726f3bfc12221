import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';

/** The one CloudFormation read the handler makes. Tests hand in fakes. */
export interface StackPort {
  /** True while CloudFormation rolls the stack back after a failed update. */
  isRollingBack(stackId: string): Promise<boolean>;
}

/** The StackPort over the AWS SDK. */
export class CloudFormationSdk implements StackPort {
  constructor(private readonly client: CloudFormationClient) {}

  async isRollingBack(stackId: string): Promise<boolean> {
    const { Stacks } = await this.client.send(new DescribeStacksCommand({ StackName: stackId }));
    return Stacks?.[0]?.StackStatus === 'UPDATE_ROLLBACK_IN_PROGRESS';
  }
}
