/**
 * The closed set of failure kinds that cross a boundary (core → CLI, core → window). Each has a
 * human message saying what to do; the code lets a UI pick an action (sign in, retry, open settings).
 */
export const errorCodes = [
  'InvalidInput',
  'NotSignedIn',
  'SessionExpired',
  'AccessDenied',
  'Throttled',
  'ConfigConflict',
  'FileWriteFailed',
  'KeychainUnavailable',
  'NetworkError',
  'Cancelled',
  'Internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The shape an error takes when it crosses IPC or is printed as JSON. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}
