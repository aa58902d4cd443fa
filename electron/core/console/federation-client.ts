import { AppError } from '../app/app-error';
import { getSigninTokenUrl, type SessionCredentials } from './federation-url';

/** How long the sign-in endpoint may take before we give up, so a console link never hangs. */
const timeoutMs = 20_000;

/**
 * Exchanges role credentials for a console sign-in token (`Action=getSigninToken`, §5). The
 * request URL carries the credentials in its query, so no message or error cause here ever holds
 * it: messages name only the endpoint's host, and the fetch error kept as cause names no URL.
 */
export async function fetchSigninToken(
  base: string,
  credentials: SessionCredentials,
  options: { sessionDurationSeconds?: number; signal?: AbortSignal } = {},
): Promise<string> {
  const url = getSigninTokenUrl(base, credentials, options.sessionDurationSeconds);
  const host = new URL(base).host;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let status: number;
  let body: string;
  try {
    // A redirect is not followed: it would repeat the credentials to wherever it points.
    const response = await fetch(url, {
      signal,
      redirect: 'manual',
      headers: { accept: 'application/json' },
    });
    status = response.status;
    body = await response.text();
  } catch (error) {
    if (options.signal?.aborted)
      throw new AppError('Cancelled', 'Opening the AWS console was cancelled.', { cause: error });
    if (timeout.aborted)
      throw new AppError(
        'NetworkError',
        `The AWS sign-in endpoint ${host} did not answer within ${timeoutMs / 1000} seconds; check your network and try again.`,
      );
    throw new AppError(
      'NetworkError',
      `Could not reach the AWS sign-in endpoint ${host} (${networkReason(error)}); check your network and try again.`,
      { cause: error },
    );
  }
  if (status === 200) return signinTokenOf(body, host);
  const detail = serverDetail(body, credentials);
  if (status === 400 || status === 401 || status === 403)
    throw new AppError(
      'AccessDenied',
      `The AWS sign-in endpoint ${host} refused the role credentials (HTTP ${status}${detail}); they may have expired or be chained: sign in again with sso-tray login and retry.`,
    );
  throw new AppError(
    'NetworkError',
    `The AWS sign-in endpoint ${host} failed to issue a sign-in token (HTTP ${status}${detail}); try again in a moment.`,
  );
}

function signinTokenOf(body: string, host: string): string {
  let token: unknown;
  try {
    token = (JSON.parse(body) as { SigninToken?: unknown } | null)?.SigninToken;
  } catch {
    token = undefined;
  }
  if (typeof token !== 'string' || token === '')
    throw new AppError(
      'NetworkError',
      `The AWS sign-in endpoint ${host} answered without a sign-in token; try again, and check AWS_ENDPOINT_URL_SIGNIN if it is set.`,
    );
  return token;
}

/**
 * The first line of a short plain answer ("The credentials in Session have expired"), which says
 * more than the status alone; anything long or markup-like is dropped, and the credentials are
 * blanked out in case an endpoint echoes them.
 */
function serverDetail(body: string, credentials: SessionCredentials): string {
  let line = body.trim().split(/\r?\n/, 1)[0] ?? '';
  if (line === '' || line.length > 160 || line.includes('<')) return '';
  for (const secret of [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken])
    if (secret !== '') line = line.replaceAll(secret, '…');
  return `: ${line}`;
}

/** Node's fetch says only "fetch failed"; the error under it (ECONNREFUSED, ENOTFOUND, …) says why. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error)
    return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return error instanceof Error ? error.message : 'unknown error';
}
