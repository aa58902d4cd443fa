import { expect } from 'vitest';
import { AppError } from '../../electron/core/app/app-error';

/** The error a write fails with, checked to be a FileWriteFailed of one line a user can act on. */
export async function fileWriteFailure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe('FileWriteFailed');
  expect(appError.message).not.toContain('\n');
  return appError;
}
