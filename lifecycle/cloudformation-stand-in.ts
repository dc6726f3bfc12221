import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * CloudFormation's side of the one call the handler makes to it, DescribeStacks, on loopback: the
 * stack statuses are the ones the simulated CloudFormation sets as it sends requests.
 */
export class CloudFormationStandIn {
  private readonly statuses = new Map<string, string>();

  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
  ) {}

  static async start(): Promise<CloudFormationStandIn> {
    let standIn: CloudFormationStandIn | undefined;
    const server = createServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const { status, body } = standIn!.answer(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      response.writeHead(status, { 'content-type': 'text/xml' });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    standIn = new CloudFormationStandIn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return standIn;
  }

  /** What DescribeStacks reports for the stack from now on. */
  setStatus(stackId: string, status: string): void {
    this.statuses.set(stackId, status);
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** The AWS query protocol's answer: XML, and errors as CloudFormation words them. */
  private answer(form: URLSearchParams): { status: number; body: string } {
    const stackId = form.get('StackName') ?? '';
    const status = this.statuses.get(stackId);
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
