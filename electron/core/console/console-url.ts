import { AppError } from '../app/app-error';
import { consoleDestination } from './console-destination';
import { fetchSigninToken } from './federation-client';
import {
  checkedSessionDuration,
  federationBase,
  loginUrl,
  signOutThenLoginUrl,
  type SessionCredentials,
} from './federation-url';
import { portalShortcutUrl } from './portal-shortcut';

/**
 * How the browser gets into the console: `federation` signs in with the role's credentials through
 * the sign-in endpoint (works in any browser profile, no portal session needed); `portal` opens
 * the access portal's shortcut link (no credentials leave SSO Tray; the browser's portal session
 * does the sign-in).
 */
export type ConsoleMode = 'federation' | 'portal';

export interface ConsoleUrlRequest {
  mode: ConsoleMode;
  /** The session's start URL: the portal link's base, and the federation `Issuer`. */
  startUrl: string;
  /** The console region, and the partition every host comes from. */
  region: string;
  accountId: string;
  roleName: string;
  /**
   * Where to land. Federation always needs one and defaults to the region's console home; the
   * portal link leaves it out when none is given, so the permission set's relay state applies.
   */
  destination?: { service?: string; url?: string };
  /** The role's credentials; called in federation mode only (the role-credentials service). */
  credentials?: () => Promise<SessionCredentials>;
  /** For `AWS_ENDPOINT_URL_SIGNIN`. */
  env: Readonly<Record<string, string | undefined>>;
  /** Federation only: sign the browser out of any console session first, in the same URL. */
  signOutFirst?: boolean;
  /** Federation only: `SessionDuration`, 900–43200 s; leave out for chained role credentials. */
  sessionDurationSeconds?: number;
  signal?: AbortSignal;
}

/**
 * The one URL to open for a role's console. Inputs are all checked before credentials are asked
 * for, so a typo never costs a GetRoleCredentials call or sends credentials anywhere.
 */
export async function buildConsoleUrl(request: ConsoleUrlRequest): Promise<string> {
  const { region, destination: where = {} } = request;
  if (request.mode === 'portal') {
    // The portal signs in on its own; a sign-out first would have to redirect off AWS's sign-in
    // host to the portal, which no one has shown to work, so say so rather than ignore it.
    if (request.signOutFirst)
      throw new AppError(
        'InvalidInput',
        'Signing out of the console first works only with federation sign-in; leave it out for the portal link.',
      );
    const wanted = where.service !== undefined || where.url !== undefined;
    return portalShortcutUrl(request.startUrl, {
      accountId: request.accountId,
      roleName: request.roleName,
      ...(wanted ? { destination: consoleDestination({ region, ...where }) } : {}),
    });
  }
  const destination = consoleDestination({ region, ...where });
  const base = federationBase(region, request.env);
  if (request.sessionDurationSeconds !== undefined) checkedSessionDuration(request.sessionDurationSeconds);
  if (!request.credentials)
    throw new AppError(
      'Internal',
      'Federation sign-in needs a role credentials provider; this is a bug in SSO Tray.',
    );
  const credentials = await request.credentials();
  if (request.signal?.aborted) throw new AppError('Cancelled', 'Opening the AWS console was cancelled.');
  const signinToken = await fetchSigninToken(base, credentials, {
    sessionDurationSeconds: request.sessionDurationSeconds,
    signal: request.signal,
  });
  const login = loginUrl(base, { issuer: request.startUrl, destination, signinToken });
  return request.signOutFirst ? signOutThenLoginUrl(region, request.env, login) : login;
}
