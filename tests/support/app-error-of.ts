import { AppError } from '../../electron/core/app/app-error';

/** The AppError `run` throws; anything else it throws is rethrown, and not throwing fails. */
export function appErrorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** The AppError `run` rejects with; any other rejection is rethrown, and resolving fails. */
export async function appErrorOfAsync(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
