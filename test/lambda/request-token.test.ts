import { encodeToken, isRollbackToken, ownerOf, requestToken } from '../../lambda/request-token';
import { resourceEvent } from './fixtures';

const event = resourceEvent('Update');

describe('request tokens', () => {
  it("fit Proton's clientToken shape", () => {
    expect(encodeToken(requestToken(event), true)).toMatch(/^[!-~]{64}$/);
  });

  it('are the same for a retried request', () => {
    expect(encodeToken(requestToken({ ...event }), false)).toBe(encodeToken(requestToken(event), false));
  });

  it('tell this request, another request of the resource and someone else apart', () => {
    const token = requestToken(event);
    expect(ownerOf(encodeToken(token, false), token)).toBe('this-request');
    expect(ownerOf(encodeToken(requestToken({ ...event, RequestId: 'req-2' }), false), token)).toBe('this-resource');
    expect(ownerOf(encodeToken(requestToken({ ...event, LogicalResourceId: 'Staging' }), false), token)).toBe('someone-else');
    expect(ownerOf('f81d4fae-7dec-11d0-a765-00a0c91e6bf6', token)).toBe('someone-else');
    expect(ownerOf(undefined, token)).toBe('someone-else');
  });

  it('carry the rollback mark', () => {
    expect(isRollbackToken(encodeToken(requestToken(event), true))).toBe(true);
    expect(isRollbackToken(encodeToken(requestToken(event), false))).toBe(false);
  });

  it('do not depend on the provider that sent the request', () => {
    const viaOtherProvider = { ...event, ResourceProperties: { ...event.ResourceProperties, ServiceToken: 'arn:other' } as never };
    expect(requestToken(viaOtherProvider)).toEqual(requestToken(event));
  });
});
