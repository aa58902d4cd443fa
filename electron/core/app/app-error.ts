import type { ErrorCode, ErrorPayload } from '../../../shared/error-code';

/**
 * The one error type the core raises on purpose: a code from a closed union, a message a person
 * can act on ("what is wrong, what to do"), and the underlying cause for debugging. Messages never
 * carry tokens or credentials.
 */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
