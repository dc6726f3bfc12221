/**
 * Limits of each attempt of an AWS call. A service that takes a connection and never answers would
 * otherwise hold it until Lambda's timeout, or hang the plan command: 3 s to connect and 6 s to be
 * answered, then a TimeoutError that the SDK retries and the handler treats like a 5xx. With 5 attempts,
 * a read, a component list and a write stay inside isComplete's 2 minutes.
 */
export const ATTEMPT_TIMEOUTS = { connectionTimeout: 3_000, requestTimeout: 6_000, throwOnRequestTimeout: true };
