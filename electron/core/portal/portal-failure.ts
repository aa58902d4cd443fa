/**
 * What a failed portal call means for whoever retries it. The portal names its errors
 * (`TooManyRequestsException`, `UnauthorizedException`, …); the SDK puts the HTTP status in
 * `$metadata`, and network failures carry a Node error code and no status at all.
 */
export type PortalFailureKind =
  /** 429: slow down and try again. */
  | 'throttled'
  /** 401: the access token is no longer accepted; the session needs a new sign-in. */
  | 'unauthorized'
  /** 5xx, a dropped connection, a timeout: worth a few more tries. */
  | 'transient'
  /** The caller's signal aborted the call. */
  | 'cancelled'
  /** Anything else (400, 403, 404): trying again would get the same answer. */
  | 'permanent';

export function classifyPortalFailure(error: unknown, signal?: AbortSignal): PortalFailureKind {
  if (signal?.aborted) return 'cancelled';
  const name = error instanceof Error ? error.name : '';
  const status = httpStatusOf(error);
  if (name === 'TooManyRequestsException' || status === 429) return 'throttled';
  if (name === 'UnauthorizedException' || status === 401) return 'unauthorized';
  if (name === 'AbortError') return 'cancelled';
  if (status === undefined || status >= 500 || name === 'TimeoutError') return 'transient';
  return 'permanent';
}

/** A short reason for a person: the error's name and status, never its whole text (no tokens). */
export function portalFailureSummary(error: unknown): string {
  const name = error instanceof Error ? error.name : 'unknown error';
  const code = (error as { code?: unknown }).code;
  const status = httpStatusOf(error);
  if (status !== undefined) return `${name} (HTTP ${String(status)})`;
  return typeof code === 'string' ? `${name} (${code})` : name;
}

function httpStatusOf(error: unknown): number | undefined {
  const metadata = (error as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata;
  return typeof metadata?.httpStatusCode === 'number' ? metadata.httpStatusCode : undefined;
}
