import { createHash } from 'node:crypto';
import { InstanceProperties, ResourceEvent } from './resource-event';

/**
 * Proton's clientToken for one CloudFormation request, 64 characters in four parts:
 *
 *   resource (16 hex)  stack id + logical id: which custom resource sent the deployment
 *   props    (16 hex)  the request's properties: which declared state it deploys
 *   rollback (1 char)  'r' when the request undoes a failed request of the same resource, else '-'
 *   request  (31 hex)  the CloudFormation request id
 *
 * Proton keeps the last token on the instance (lastClientRequestToken), so from one read the handler
 * knows whether the running deployment is its own, another request of the same resource (abandoned by
 * CloudFormation, safe to cancel), or someone else's (waited for, never cancelled). A retried onEvent
 * or isComplete carries the same request id, hence the same token, and Proton starts nothing new.
 */
export interface RequestToken {
  readonly resource: string;
  readonly props: string;
  readonly request: string;
}

const ROLLBACK = 'r';
const FORWARD = '-';

export function requestToken(event: ResourceEvent): RequestToken {
  return {
    resource: hash(`${event.StackId}\n${event.LogicalResourceId}`, 16),
    props: propsHash(event.ResourceProperties),
    request: hash(event.RequestId, 31),
  };
}

/** The token sent to Proton; `rollback` is stored in it so later polls know what the request was. */
export function encodeToken(token: RequestToken, rollback: boolean): string {
  return `${token.resource}${token.props}${rollback ? ROLLBACK : FORWARD}${token.request}`;
}

/** The parts of a token encodeToken wrote; undefined for any other token (someone else's). */
function decodeToken(token: string | undefined): (RequestToken & { readonly rollback: boolean }) | undefined {
  if (token?.length !== 64) return undefined;
  return { resource: token.slice(0, 16), props: token.slice(16, 32), rollback: token[32] === ROLLBACK, request: token.slice(33) };
}

/** Who started the deployment Proton last recorded, relative to this request. */
export type TokenOwner = 'this-request' | 'this-resource' | 'someone-else';

export function ownerOf(lastToken: string | undefined, token: RequestToken): TokenOwner {
  const last = decodeToken(lastToken);
  if (!last || last.resource !== token.resource) return 'someone-else';
  const sameRequest = last.props === token.props && last.request === token.request;
  return sameRequest ? 'this-request' : 'this-resource';
}

/** True when the token marks a request that was undoing a failed request of its resource. */
export function isRollbackToken(lastToken: string | undefined): boolean {
  return decodeToken(lastToken)?.rollback === true;
}

/** True when Proton's last token is the request whose properties were `props` (by hash). */
export function deployedProps(lastToken: string | undefined, props: InstanceProperties | undefined): boolean {
  return props !== undefined && decodeToken(lastToken)?.props === propsHash(props);
}

function propsHash(props: InstanceProperties): string {
  // ServiceToken names the provider, not the declared state.
  const { ServiceToken: _serviceToken, ...declared } = props as InstanceProperties & { ServiceToken?: string };
  const canonical = JSON.stringify(Object.keys(declared).sort().map((k) => [k, (declared as Record<string, unknown>)[k]]));
  return hash(canonical, 16);
}

function hash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
