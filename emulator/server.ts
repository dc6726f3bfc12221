import { IncomingMessage } from 'http';
import { Dispatcher } from './dispatcher';
import { LoopbackReply, LoopbackServer, listenLoopback } from './loopback';

const CONTENT_TYPE = 'application/x-amz-json-1.0';

/**
 * Proton's wire protocol (AWS JSON 1.0) on loopback: every request is a POST whose
 * `X-Amz-Target` names the operation. Signatures are not checked, so any credentials work.
 */
export function listenProton(dispatcher: Dispatcher, port: number): Promise<LoopbackServer> {
  return listenLoopback((request, body) => answer(dispatcher, request, body), port);
}

async function answer(dispatcher: Dispatcher, request: IncomingMessage, body: string): Promise<LoopbackReply> {
  const target = request.headers['x-amz-target'];
  const reply = await dispatcher.dispatch(Array.isArray(target) ? target[0] : target, body);
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPE,
    'x-amzn-requestid': reply.requestId,
  };
  if (reply.errorType) {
    headers['x-amzn-errortype'] = reply.errorType;
  }
  return { status: reply.status, headers, body: reply.body };
}
