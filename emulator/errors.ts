/**
 * An error the emulator answers with, as Proton would: its `type` travels as `__type` and
 * `x-amzn-errortype`, which is what the SDK uses to pick the exception class.
 */
export class ProtonError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export function validationError(message: string): ProtonError {
  return new ProtonError('ValidationException', message);
}

export function notFound(message: string): ProtonError {
  return new ProtonError('ResourceNotFoundException', message);
}

export function conflict(message: string): ProtonError {
  return new ProtonError('ConflictException', message);
}

/** JSON-protocol services answer throttling with 400; the SDK retries it by its error code. */
export function throttled(): ProtonError {
  return new ProtonError('ThrottlingException', 'Rate exceeded');
}

export function internalError(message = 'An internal error occurred. Try again.'): ProtonError {
  return new ProtonError('InternalServerException', message, 500);
}

export function serializationError(message: string): ProtonError {
  return new ProtonError('SerializationException', message);
}
