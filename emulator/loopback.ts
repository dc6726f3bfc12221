import { IncomingMessage, createServer } from 'http';
import { AddressInfo } from 'net';

/** One answer to a request. */
export interface LoopbackReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A server on 127.0.0.1 and where to reach it. */
export interface LoopbackServer {
  readonly endpoint: string;
  /** Closes kept-alive connections too, so stopping never waits for a client's idle socket. */
  close(): Promise<void>;
}

/**
 * Serves HTTP on 127.0.0.1, on `port` or, given 0, a free one. `answer` gets each request with its
 * whole body; an answer that fails drops the connection. The emulator and lifecycle's
 * CloudFormation stand-in both serve this way.
 */
export async function listenLoopback(
  answer: (request: IncomingMessage, body: string) => LoopbackReply | Promise<LoopbackReply>,
  port = 0,
): Promise<LoopbackServer> {
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => answer(request, body))
      .then((reply) => {
        response.writeHead(reply.status, reply.headers);
        response.end(reply.body);
      })
      .catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
