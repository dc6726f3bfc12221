import { IncomingMessage, Server, ServerResponse, createServer } from 'http';
import { AddressInfo } from 'net';
import { Dispatcher } from './dispatcher';

const CONTENT_TYPE = 'application/x-amz-json-1.0';

/**
 * Proton's wire protocol (AWS JSON 1.0) on loopback: every request is a POST whose
 * `X-Amz-Target` names the operation. Signatures are not checked, so any credentials work.
 */
export class ProtonHttpServer {
  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
  ) {}

  static async listen(dispatcher: Dispatcher, port: number): Promise<ProtonHttpServer> {
    const server = createServer((request, response) => {
      answer(dispatcher, request, response).catch(() => response.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.address() as AddressInfo;
    return new ProtonHttpServer(server, `http://127.0.0.1:${address.port}`);
  }

  /** Closes kept-alive SDK connections too, so stopping never waits for a client's idle socket. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}

async function answer(dispatcher: Dispatcher, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  const target = request.headers['x-amz-target'];
  const body = Buffer.concat(chunks).toString('utf8');
  const reply = await dispatcher.dispatch(Array.isArray(target) ? target[0] : target, body);
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPE,
    'x-amzn-requestid': reply.requestId,
  };
  if (reply.errorType) {
    headers['x-amzn-errortype'] = reply.errorType;
  }
  response.writeHead(reply.status, headers);
  response.end(reply.body);
}
