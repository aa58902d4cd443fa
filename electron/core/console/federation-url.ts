import { signinHostOf } from '../../../shared/partitions';
import { AppError } from '../app/app-error';
import { consolePartition } from './console-partition';

type Env = Readonly<Record<string, string | undefined>>;

/** Temporary role credentials as the federation endpoint takes them. Secret: never logged. */
export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/**
 * The federation endpoint a region's console sign-in uses, e.g.
 * `https://signin.aws.amazon.com/federation` or `https://eu-west-1.signin.aws.amazon.com/federation`
 * (host rule: `signinHostOf`). `AWS_ENDPOINT_URL_SIGNIN` replaces the origin, as the SDK's
 * per-service variables do, so tests and the demo reach the emulator. The catch-all
 * `AWS_ENDPOINT_URL` is deliberately not followed: it usually points at a local AWS stand-in
 * that has no console, and the browser would be sent there with a sign-in token.
 */
export function federationBase(region: string, env: Env): string {
  const override = signinOverride(env);
  if (override !== undefined) return `${override}/federation`;
  return `https://${signinHostOf(consolePartition(region), region)}/federation`;
}

/**
 * Step 1 of §5: the `getSigninToken` request. The `Session` keys are exactly `sessionId`,
 * `sessionKey` and `sessionToken`; each value is percent-encoded (secret keys hold `+` and `/`).
 * `SessionDuration` is for credentials from GetRoleCredentials (an AssumeRole* kind); leave it out
 * for chained role credentials, which the endpoint refuses it for.
 */
export function getSigninTokenUrl(
  base: string,
  credentials: SessionCredentials,
  sessionDurationSeconds?: number,
): string {
  const session = JSON.stringify({
    sessionId: credentials.accessKeyId,
    sessionKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
  });
  const duration =
    sessionDurationSeconds === undefined
      ? ''
      : `&SessionDuration=${checkedSessionDuration(sessionDurationSeconds)}`;
  return `${base}?Action=getSigninToken${duration}&Session=${encodeURIComponent(session)}`;
}

/** Step 2 of §5: the URL the browser opens to be signed in to `destination` as the role. */
export function loginUrl(
  base: string,
  login: { issuer: string; destination: string; signinToken: string },
): string {
  return (
    `${base}?Action=login&Issuer=${encodeURIComponent(login.issuer)}` +
    `&Destination=${encodeURIComponent(login.destination)}` +
    `&SigninToken=${encodeURIComponent(login.signinToken)}`
  );
}

/**
 * The console sign-out (undocumented, §5): `https://<signin host>/oauth?Action=logout`. With
 * `redirectUri`, the sign-out goes on there; that chained form is sent to the partition's
 * `chainedLogoutHost` (`us-east-1.signin.aws.amazon.com` in aws), the host aws-vault and Leapp
 * chain through. `AWS_ENDPOINT_URL_SIGNIN` replaces the origin for both.
 */
export function logoutUrl(region: string, env: Env, options: { redirectUri?: string } = {}): string {
  const override = signinOverride(env);
  const partition = consolePartition(region);
  const origin =
    override ??
    `https://${options.redirectUri === undefined ? partition.signinHost : partition.chainedLogoutHost}`;
  const redirect =
    options.redirectUri === undefined ? '' : `&redirect_uri=${encodeURIComponent(options.redirectUri)}`;
  return `${origin}/oauth?Action=logout${redirect}`;
}

/**
 * One URL that signs the browser out of any console session and then in with `login`: the sign-in
 * answers 400 while the browser still holds a console session that ended on AWS's side
 * (aws/aws-cli#10186), and opening two tabs in order is racy, so the sign-out redirects to it.
 */
export function signOutThenLoginUrl(region: string, env: Env, login: string): string {
  return logoutUrl(region, env, { redirectUri: login });
}

/** `AWS_ENDPOINT_URL_SIGNIN` without a trailing slash, or undefined when unset or blank. */
function signinOverride(env: Env): string | undefined {
  const raw = env.AWS_ENDPOINT_URL_SIGNIN?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '')
    throw new AppError(
      'InvalidInput',
      'AWS_ENDPOINT_URL_SIGNIN is not an http(s) URL without a query; fix it or unset it to use AWS.',
    );
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** SessionDuration as §5 allows it: whole seconds from 900 (15 min) to 43 200 (12 h). */
export function checkedSessionDuration(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 900 || seconds > 43200)
    throw new AppError(
      'InvalidInput',
      'The console session duration must be whole seconds from 900 to 43200 (15 minutes to 12 hours); pick one in that range.',
    );
  return seconds;
}
