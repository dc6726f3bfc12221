import { CloudFormationClient, DescribeStacksCommand, GetTemplateCommand } from '@aws-sdk/client-cloudformation';

/** A deployed stack as takeover-check reads it. */
export interface LiveStack {
  readonly status: string;
  /** The stack's outputs by OutputKey. */
  readonly outputs: Readonly<Record<string, string>>;
}

/** The CloudFormation reads takeover-check makes: reads only, so a check cannot change anything. Tests hand in fakes. */
export interface LiveStacks {
  /** The stack's status and outputs (DescribeStacks); undefined when there is no such stack. */
  describe(stackName: string): Promise<LiveStack | undefined>;
  /**
   * The template the stack was last deployed with, as it was submitted (GetTemplate, TemplateStage
   * Original: before any transform); undefined when there is no such stack.
   */
  originalTemplate(stackName: string): Promise<string | undefined>;
}

/** LiveStacks over the AWS SDK: the only file that knows the SDK's shapes. */
export class CloudFormationLiveStacks implements LiveStacks {
  constructor(private readonly client: CloudFormationClient) {}

  async describe(stackName: string): Promise<LiveStack | undefined> {
    const answer = await orNoSuchStack(() => this.client.send(new DescribeStacksCommand({ StackName: stackName })));
    const stack = answer?.Stacks?.[0];
    if (!stack) return undefined;
    const outputs = (stack.Outputs ?? []).flatMap(({ OutputKey, OutputValue }) => (OutputKey ? [[OutputKey, OutputValue ?? '']] : []));
    return { status: stack.StackStatus ?? '', outputs: Object.fromEntries(outputs) };
  }

  async originalTemplate(stackName: string): Promise<string | undefined> {
    const answer = await orNoSuchStack(() => this.client.send(new GetTemplateCommand({ StackName: stackName, TemplateStage: 'Original' })));
    return answer && (answer.TemplateBody ?? '');
  }
}

/** CloudFormation's answer, or undefined when it says `Stack with id X does not exist` (a ValidationError). */
async function orNoSuchStack<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof Error && e.name === 'ValidationError' && /does not exist/.test(e.message)) return undefined;
    throw e;
  }
}
