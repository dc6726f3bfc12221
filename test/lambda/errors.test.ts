import { AccessDeniedException, ConflictException, ThrottlingException, ValidationException } from '@aws-sdk/client-proton';
import { errorLabel, isTransient } from '../../lambda/errors';

/** An SDK error as the SDK builds one from an answer it does not model: a name and the HTTP status. */
const answered = (name: string, status: number) => Object.assign(new Error(`${name} answer`), { name, $metadata: { httpStatusCode: status } });
/** A Node.js network error, as the SDK's HTTP handler rethrows it. */
const network = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('isTransient', () => {
  it.each([
    ['ThrottlingException', new ThrottlingException({ message: 'Rate exceeded', $metadata: {} })],
    ['ConflictException', new ConflictException({ message: 'busy', $metadata: {} })],
    ['a 503 ServiceUnavailableException', answered('ServiceUnavailableException', 503)],
    ['a 500 the SDK does not model', answered('InternalFailure', 500)],
    ['a 429 Too Many Requests', answered('TooManyRequests', 429)],
    ['a reset connection', network('ECONNRESET', 'socket hang up')],
    ['a refused connection', network('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1')],
    ['a name server that did not answer', network('EAI_AGAIN', 'getaddrinfo EAI_AGAIN proton.example')],
    ['a request timeout', answered('TimeoutError', 0)],
  ])('waits on %s', (_name, error) => {
    expect(isTransient(error)).toBe(true);
  });

  it.each([
    ['AccessDeniedException', new AccessDeniedException({ message: 'not authorized', $metadata: { httpStatusCode: 400 } })],
    ['UnrecognizedClientException', answered('UnrecognizedClientException', 400)],
    ['SubscriptionRequiredException (not subscribed)', answered('SubscriptionRequiredException', 400)],
    ['ValidationException', new ValidationException({ message: 'bad', $metadata: { httpStatusCode: 400 } })],
    ['any other 4xx', answered('NotFound', 404)],
    ['a 403 without a modelled name', answered('Forbidden', 403)],
    ['an endpoint that does not resolve', network('ENOTFOUND', 'getaddrinfo ENOTFOUND proton.invalid')],
  ])('fails at once on %s', (_name, error) => {
    expect(isTransient(error)).toBe(false);
  });
});

describe('errorLabel', () => {
  it("names an SDK error by its exception and Proton's message", () => {
    expect(errorLabel(answered('ServiceUnavailableException', 503))).toBe('ServiceUnavailableException: ServiceUnavailableException answer');
  });

  it('names a network error by its code, which says more than its name (Error)', () => {
    expect(errorLabel(network('ECONNRESET', 'socket hang up'))).toBe('ECONNRESET: socket hang up');
  });
});
