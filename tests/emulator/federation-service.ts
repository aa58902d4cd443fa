import { randomBytes } from 'node:crypto';
import { jsonReply, redirectReply, textReply, type EmulatorRequest, type Reply } from './http-kit';
import type { IdentityStore } from './identity-store';
import type { EmulatorKnobs } from './knobs';

/** A console sign-in the federation endpoint let through: what a browser would now be signed in as. */
export interface ConsoleLogin {
  accountId: string;
  roleName: string;
  issuer: string;
  destination: string;
  sessionDurationSeconds: number | undefined;
}

interface SigninToken {
  accountId: string;
  roleName: string;
  expiresAtMs: number;
  sessionDurationSeconds: number | undefined;
  used: boolean;
}

/** Console hosts a `Destination` may point at, per partition (aws-sso-reference.md §5). */
const consoleHost = /^([a-z0-9-]+\.)?console\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/;

/**
 * The console federation endpoint: `Action=getSigninToken` checks the Session JSON against the
 * role credentials this emulator issued, and `Action=login` accepts the sign-in token once and
 * redirects to the destination. `GET /oauth?Action=logout` plays the console sign-out.
 */
export class FederationService {
  private readonly signinTokens = new Map<string, SigninToken>();
  readonly consoleLogins: ConsoleLogin[] = [];
  consoleLogouts = 0;

  constructor(
    private readonly store: IdentityStore,
    private readonly knobs: () => EmulatorKnobs,
    private readonly now: () => number,
  ) {}

  federation(request: EmulatorRequest): Reply {
    const query = request.url.searchParams;
    switch (query.get('Action')) {
      case 'getSigninToken':
        return this.getSigninToken(query);
      case 'login':
        return this.login(query);
      default:
        return textReply(400, 'Action must be getSigninToken or login');
    }
  }

  logout(request: EmulatorRequest): Reply {
    if (request.url.searchParams.get('Action') !== 'logout') return textReply(400, 'Action must be logout');
    this.consoleLogouts++;
    const redirect = request.url.searchParams.get('redirect_uri');
    return redirect ? redirectReply(redirect) : textReply(200, 'Signed out of the AWS console');
  }

  private getSigninToken(query: URLSearchParams): Reply {
    const session = parseSession(query.get('Session'));
    if (!session) return textReply(400, 'Session must be JSON with sessionId, sessionKey and sessionToken');
    const rawDuration = query.get('SessionDuration');
    let sessionDurationSeconds: number | undefined;
    if (rawDuration !== null) {
      sessionDurationSeconds = Number(rawDuration);
      if (!/^\d+$/.test(rawDuration) || sessionDurationSeconds < 900 || sessionDurationSeconds > 43200) {
        return textReply(400, 'SessionDuration must be between 900 and 43200 seconds');
      }
    }
    const issued = this.store.findCredentials(session.sessionId);
    if (issued?.secretAccessKey !== session.sessionKey || issued.sessionToken !== session.sessionToken) {
      return textReply(400, 'The credentials in Session are not valid');
    }
    if (issued.expiresAtMs <= this.now()) return textReply(400, 'The credentials in Session have expired');
    const token = randomBytes(96).toString('base64url');
    this.signinTokens.set(token, {
      accountId: issued.accountId,
      roleName: issued.roleName,
      expiresAtMs: this.now() + this.knobs().signinTokenLifetimeSeconds * 1000,
      sessionDurationSeconds,
      used: false,
    });
    return jsonReply(200, { SigninToken: token });
  }

  private login(query: URLSearchParams): Reply {
    const token = this.signinTokens.get(query.get('SigninToken') ?? '');
    const issuer = query.get('Issuer') ?? '';
    const destination = query.get('Destination') ?? '';
    if (!token || token.used || token.expiresAtMs <= this.now())
      return textReply(400, 'The sign-in token is invalid or expired');
    if (!isConsoleUrl(destination)) return textReply(400, 'Destination must be an https AWS console URL');
    token.used = true;
    this.consoleLogins.push({
      accountId: token.accountId,
      roleName: token.roleName,
      issuer,
      destination,
      sessionDurationSeconds: token.sessionDurationSeconds,
    });
    return redirectReply(destination);
  }
}

function parseSession(
  raw: string | null,
): { sessionId: string; sessionKey: string; sessionToken: string } | undefined {
  if (raw === null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { sessionId, sessionKey, sessionToken } = value as Record<string, unknown>;
    return typeof sessionId === 'string' && typeof sessionKey === 'string' && typeof sessionToken === 'string'
      ? { sessionId, sessionKey, sessionToken }
      : undefined;
  } catch {
    return undefined;
  }
}

function isConsoleUrl(destination: string): boolean {
  try {
    const url = new URL(destination);
    return url.protocol === 'https:' && consoleHost.test(url.hostname);
  } catch {
    return false;
  }
}
