import { InstanceRef } from './proton-port';

/** CloudFormation's whole response is 4 KB and the framework adds a stack trace: stay well below. */
const MAX_MESSAGE = 1000;

/** Proton errors that mean "try again later", not "this cannot work". */
const TRANSIENT_ERRORS = new Set([
  'ConflictException',
  'ThrottlingException',
  'InternalServerException',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
]);

const NETWORK_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE']);

/** A final verdict about one instance, worded for the CloudFormation console. */
export class InstanceError extends Error {
  constructor(ref: InstanceRef, doing: string, detail: string) {
    const message = `Proton service instance ${ref.serviceName}/${ref.instanceName}: ${doing}: ${detail}`;
    super(message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message);
    this.name = 'InstanceError';
  }
}

/** True for throttling, server errors, conflicts and network failures that outlived the SDK's retries. */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof Error) || e instanceof InstanceError) return false;
  const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const code = (e as { code?: string }).code;
  return (
    TRANSIENT_ERRORS.has(e.name) ||
    (status !== undefined && status >= 500) ||
    (code !== undefined && NETWORK_ERRORS.has(code))
  );
}

/** "Proton answered <ErrorName>: <message>" for an SDK error. */
export function protonAnswer(e: unknown): string {
  return e instanceof Error ? `Proton answered ${e.name}: ${e.message}` : `Proton answered ${String(e)}`;
}
