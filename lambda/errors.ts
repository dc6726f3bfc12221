import { InstanceRef } from './proton-port';

/** CloudFormation's whole response is 4 KB and the framework adds a stack trace: stay well below. */
const MAX_MESSAGE = 1000;

/** Proton errors that mean "try again later", not "this cannot work". */
const TRANSIENT_ERRORS = new Set([
  'ConflictException',
  'ThrottlingException',
  'TooManyRequestsException',
  'InternalServerException',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

/**
 * Connections that broke or never opened, and a name server that did not answer: the network may heal.
 * A name that does not resolve (ENOTFOUND) is not here: an endpoint that does not exist never will.
 */
const NETWORK_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** A final verdict about one instance, worded for the CloudFormation console. */
export class InstanceError extends Error {
  constructor(ref: InstanceRef, doing: string, detail: string) {
    const message = `Proton service instance ${ref.serviceName}/${ref.instanceName}: ${doing}: ${detail}`;
    super(message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message);
    this.name = 'InstanceError';
  }
}

/**
 * True for throttling, server errors, conflicts and network failures that outlived the SDK's retries:
 * the next poll tries again. Everything else (access denied, an unknown client, a validation error, any
 * other 4xx, a name that does not resolve) cannot heal by waiting.
 */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof Error) || e instanceof InstanceError) return false;
  const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const code = (e as { code?: string }).code;
  return (
    TRANSIENT_ERRORS.has(e.name) ||
    (status !== undefined && (status >= 500 || status === 429)) ||
    (code !== undefined && NETWORK_ERRORS.has(code))
  );
}

/**
 * The error's type: the SDK's exception name, or for a network error its system code (ECONNRESET), which
 * says more than the name the SDK gives it (a reset connection is a "TimeoutError" to the SDK).
 */
export function errorType(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z_]+$/.test(code) ? code : e.name;
}

/** "ServiceUnavailableException: …", "ECONNRESET: socket hang up": the error's type, then its message. */
export function errorLabel(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const type = errorType(e);
  return e.message && e.message !== type ? `${type}: ${e.message}` : type;
}

/** "Proton answered <ErrorName>: <message>" for an SDK error. */
export function protonAnswer(e: unknown): string {
  return `Proton answered ${errorLabel(e)}`;
}
