import { LoopbackServer, listenLoopback } from '../emulator/loopback';

/**
 * CloudFormation's side of the one call the handler makes to it, DescribeStacks, on loopback: the
 * stack statuses are the ones the simulated CloudFormation sets as it sends requests.
 */
export class CloudFormationStandIn {
  private constructor(
    private readonly server: LoopbackServer,
    private readonly statuses: Map<string, string>,
  ) {}

  static async start(): Promise<CloudFormationStandIn> {
    const statuses = new Map<string, string>();
    const server = await listenLoopback((_request, body) => ({
      ...CloudFormationStandIn.answer(statuses, new URLSearchParams(body)),
      headers: { 'content-type': 'text/xml' },
    }));
    return new CloudFormationStandIn(server, statuses);
  }

  get endpoint(): string {
    return this.server.endpoint;
  }

  /** What DescribeStacks reports for the stack from now on. */
  setStatus(stackId: string, status: string): void {
    this.statuses.set(stackId, status);
  }

  stop(): Promise<void> {
    return this.server.close();
  }

  /** The AWS query protocol's answer: XML, and errors as CloudFormation words them. */
  private static answer(statuses: Map<string, string>, form: URLSearchParams): { status: number; body: string } {
    const stackId = form.get('StackName') ?? '';
    const status = statuses.get(stackId);
    if (form.get('Action') !== 'DescribeStacks' || status === undefined) {
      const message = status === undefined ? `Stack with id ${stackId} does not exist` : `${form.get('Action')} is not simulated`;
      return {
        status: 400,
        body: `<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>${escape(message)}</Message></Error><RequestId>0</RequestId></ErrorResponse>`,
      };
    }
    const name = stackId.split('/')[1] ?? stackId;
    return {
      status: 200,
      body:
        '<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member>' +
        `<StackId>${escape(stackId)}</StackId><StackName>${escape(name)}</StackName><StackStatus>${status}</StackStatus>` +
        '<CreationTime>2026-01-01T00:00:00Z</CreationTime></member></Stacks></DescribeStacksResult>' +
        '<ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></DescribeStacksResponse>',
    };
  }
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
