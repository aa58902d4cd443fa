/** Failed calls in plain words: the core's own message, and what the window can offer to do. */
import type { ErrorCode } from '../../../shared/error-code';
import { isIpcError } from '../../../shared/preload-api';

export interface ProblemText {
  readonly code: ErrorCode | null;
  readonly message: string;
}

/** Any rejection as a message for people; the core's messages already say what to do. */
export function problemOf(error: unknown): ProblemText {
  if (isIpcError(error)) return { code: error.code, message: error.message };
  if (error instanceof Error && error.message !== '') return { code: null, message: error.message };
  return { code: null, message: 'Something went wrong in SSO Tray; try again.' };
}

/** A hint added to a message, for the codes where the next step is not obvious. */
export function adviceFor(code: ErrorCode | null): string | undefined {
  switch (code) {
    case 'NotSignedIn':
    case 'SessionExpired':
      return 'Sign in to continue.';
    case 'Throttled':
      return 'AWS is limiting requests; try again in a minute.';
    case 'NetworkError':
      return 'Check your network connection, then try again.';
    case 'KeychainUnavailable':
      return 'Unlock your keychain, or keep tokens in the AWS CLI cache only (Settings).';
    case 'AccessDenied':
      return 'Ask your AWS administrator for access to this account or role.';
    case 'ConfigConflict':
      return 'Another program changed your AWS config; look at it, then try again.';
    default:
      return undefined;
  }
}

/** Cancelling is the user's own doing: nothing to report. */
export function isCancelled(error: unknown): boolean {
  return isIpcError(error) && error.code === 'Cancelled';
}
