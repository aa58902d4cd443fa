import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  jsonReply,
  parseJsonObject,
  redirectReply,
  stringListMember,
  stringMember,
  type EmulatorRequest,
  type Reply,
} from './http-kit';
import type { IdentityStore, RegisteredClient } from './identity-store';
import type { EmulatorKnobs } from './knobs';
import { oidcFault } from './oidc-errors';

export const deviceCodeGrant = 'urn:ietf:params:oauth:grant-type:device_code';
const knownGrantTypes = new Set([deviceCodeGrant, 'refresh_token', 'authorization_code']);
/** Scopes this instance accepts: the access-portal scope and the legacy one (no refresh tokens). */
const knownScopes = new Set(['sso:account:access', 'sso-portal:*']);
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

type ApprovalState = 'pending' | 'approved' | 'denied' | 'consumed';

interface DeviceAuthorization {
  clientId: string;
  userCode: string;
  startUrl: string;
  expiresAtMs: number;
  state: ApprovalState;
  polls: number;
}

/** A browser's `/authorize` request waiting for the user's decision on the approval page. */
export interface AuthorizeRequest {
  clientId: string;
  clientName: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scopes: string[];
}

interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  expiresAtMs: number;
  used: boolean;
}

/**
 * SSO OIDC: RegisterClient, StartDeviceAuthorization, CreateToken (device code, refresh token,
 * authorization code with PKCE S256) and the browser side of both flows (aws-sso-reference.md §1).
 */
export class OidcService {
  private readonly deviceAuthorizations = new Map<string, DeviceAuthorization>();
  private readonly userCodes = new Map<string, string>();
  private readonly authorizeRequests = new Map<string, AuthorizeRequest>();
  private readonly authorizationCodes = new Map<string, AuthorizationCode>();

  constructor(
    private readonly store: IdentityStore,
    private readonly knobs: () => EmulatorKnobs,
    private readonly now: () => number,
  ) {}

  registerClient(request: EmulatorRequest): Reply {
    const body = this.body(request);
    const clientName = stringMember(body, 'clientName');
    const clientType = stringMember(body, 'clientType');
    const scopes = stringListMember(body, 'scopes');
    const grantTypes = stringListMember(body, 'grantTypes');
    const redirectUris = stringListMember(body, 'redirectUris');
    if (!clientName || !clientType)
      throw oidcFault('InvalidRequestException', 'clientName and clientType are required');
    if (scopes === null || grantTypes === null || redirectUris === null) {
      throw oidcFault(
        'InvalidRequestException',
        'scopes, grantTypes and redirectUris must be lists of strings',
      );
    }
    if (clientType !== 'public')
      throw oidcFault('InvalidClientMetadataException', 'Only public clients are supported');
    for (const grant of grantTypes ?? []) {
      if (!knownGrantTypes.has(grant))
        throw oidcFault('UnsupportedGrantTypeException', `Unsupported grant type: ${grant}`);
    }
    for (const scope of scopes ?? []) {
      if (!knownScopes.has(scope)) throw oidcFault('InvalidScopeException', `Invalid scope: ${scope}`);
    }
    for (const uri of redirectUris ?? []) {
      if (!isLoopbackRedirect(uri))
        throw oidcFault('InvalidRedirectUriException', `Invalid redirect URI: ${uri}`);
    }
    if (grantTypes?.includes('authorization_code') && !redirectUris?.length) {
      throw oidcFault('InvalidRedirectUriException', 'The authorization_code grant needs a redirect URI');
    }
    const client = this.store.registerClient(
      { clientName, scopes, grantTypes, redirectUris },
      this.knobs().registrationLifetimeSeconds,
    );
    return jsonReply(200, {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      clientIdIssuedAt: client.issuedAtMs / 1000,
      clientSecretExpiresAt: client.expiresAtMs / 1000,
    });
  }

  startDeviceAuthorization(request: EmulatorRequest, baseUrl: string): Reply {
    const body = this.body(request);
    const startUrl = stringMember(body, 'startUrl');
    const client = this.authenticate(body);
    if (!startUrl || !/^https:\/\/[^/\s]+/.test(startUrl)) {
      throw oidcFault('InvalidRequestException', 'startUrl must be an https URL');
    }
    if (client.grantTypes && !client.grantTypes.includes(deviceCodeGrant)) {
      throw oidcFault(
        'UnauthorizedClientException',
        'This client is not registered for the device code grant',
      );
    }
    const knobs = this.knobs();
    const deviceCode = randomBytes(48).toString('base64url');
    const userCode = this.newUserCode();
    this.deviceAuthorizations.set(deviceCode, {
      clientId: client.clientId,
      userCode,
      startUrl,
      expiresAtMs: this.now() + knobs.deviceCodeLifetimeSeconds * 1000,
      state: 'pending',
      polls: 0,
    });
    this.userCodes.set(userCode, deviceCode);
    return jsonReply(200, {
      deviceCode,
      userCode,
      verificationUri: `${baseUrl}/device`,
      verificationUriComplete: `${baseUrl}/device?user_code=${userCode}`,
      expiresIn: knobs.deviceCodeLifetimeSeconds,
      interval: knobs.devicePollIntervalSeconds,
    });
  }

  createToken(request: EmulatorRequest): Reply {
    const body = this.body(request);
    const grantType = stringMember(body, 'grantType');
    if (!grantType) throw oidcFault('InvalidRequestException', 'grantType is required');
    const client = this.authenticate(body);
    switch (grantType) {
      case deviceCodeGrant:
        return this.deviceCodeToken(client, body);
      case 'refresh_token':
        return this.refreshToken(client, body);
      case 'authorization_code':
        return this.authorizationCodeToken(client, body);
      default:
        throw oidcFault('UnsupportedGrantTypeException', `Unsupported grant type: ${grantType}`);
    }
  }

  /** `GET /authorize`: checks the request, then redirects at once (auto-approve) or asks the user. */
  authorize(
    request: EmulatorRequest,
  ):
    | { kind: 'redirect'; reply: Reply }
    | { kind: 'ask'; requestId: string; pending: AuthorizeRequest }
    | { kind: 'invalid'; message: string } {
    const query = request.url.searchParams;
    const client = this.store.findClient(query.get('client_id') ?? '');
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!client || client.expiresAtMs <= this.now())
      return { kind: 'invalid', message: 'Unknown or expired client_id.' };
    if (!client.grantTypes?.includes('authorization_code')) {
      return { kind: 'invalid', message: 'This client is not registered for the authorization code grant.' };
    }
    if (!client.redirectUris?.some((registered) => redirectMatches(registered, redirectUri))) {
      return { kind: 'invalid', message: 'redirect_uri does not match a registered redirect URI.' };
    }
    const state = query.get('state') ?? undefined;
    const refuse = (error: string, description: string): { kind: 'redirect'; reply: Reply } => ({
      kind: 'redirect',
      reply: redirectReply(withQuery(redirectUri, { error, error_description: description, state })),
    });
    if (query.get('response_type') !== 'code')
      return refuse('unsupported_response_type', 'response_type must be code');
    const codeChallenge = query.get('code_challenge') ?? '';
    if (query.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) {
      return refuse('invalid_request', 'A PKCE code_challenge with code_challenge_method=S256 is required');
    }
    const scopes = (query.get('scopes') ?? '').split(' ').filter((scope) => scope !== '');
    if (scopes.some((scope) => !knownScopes.has(scope))) return refuse('invalid_scope', 'Unknown scope');
    const pending: AuthorizeRequest = {
      clientId: client.clientId,
      clientName: client.clientName,
      redirectUri,
      state,
      codeChallenge,
      scopes,
    };
    const knobs = this.knobs();
    if (knobs.denyApprovals || knobs.autoApprove)
      return { kind: 'redirect', reply: this.decide(pending, !knobs.denyApprovals) };
    const requestId = randomUUID();
    this.authorizeRequests.set(requestId, pending);
    return { kind: 'ask', requestId, pending };
  }

  /** The user's answer on the approval page; `undefined` when the request is unknown or answered. */
  decideAuthorizeRequest(requestId: string, approve: boolean): Reply | undefined {
    const pending = this.authorizeRequests.get(requestId);
    if (!pending) return undefined;
    this.authorizeRequests.delete(requestId);
    return this.decide(pending, approve && !this.knobs().denyApprovals);
  }

  /** Looks up a device authorization by user code, for the verification page. */
  findUserCode(userCode: string): { userCode: string; state: ApprovalState; expired: boolean } | undefined {
    const deviceCode = this.userCodes.get(userCode.trim().toUpperCase());
    const authorization = deviceCode === undefined ? undefined : this.deviceAuthorizations.get(deviceCode);
    if (!authorization) return undefined;
    return {
      userCode: authorization.userCode,
      state: authorization.state,
      expired: authorization.expiresAtMs <= this.now(),
    };
  }

  /** The user approves or denies a device code. Returns false when there is nothing to decide. */
  decideUserCode(userCode: string, approve: boolean): boolean {
    const deviceCode = this.userCodes.get(userCode.trim().toUpperCase());
    const authorization = deviceCode === undefined ? undefined : this.deviceAuthorizations.get(deviceCode);
    if (authorization?.state !== 'pending' || authorization.expiresAtMs <= this.now()) return false;
    authorization.state = approve && !this.knobs().denyApprovals ? 'approved' : 'denied';
    return true;
  }

  /** User codes still waiting for a decision, newest last (for tests and the admin API). */
  pendingUserCodes(): string[] {
    return [...this.deviceAuthorizations.values()]
      .filter((authorization) => authorization.state === 'pending' && authorization.expiresAtMs > this.now())
      .map((authorization) => authorization.userCode);
  }

  private decide(pending: AuthorizeRequest, approve: boolean): Reply {
    if (!approve) {
      return redirectReply(
        withQuery(pending.redirectUri, {
          error: 'access_denied',
          error_description: 'The user denied the request',
          state: pending.state,
        }),
      );
    }
    const code = randomBytes(32).toString('base64url');
    this.authorizationCodes.set(code, {
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      codeChallenge: pending.codeChallenge,
      scopes: pending.scopes,
      expiresAtMs: this.now() + this.knobs().authorizationCodeLifetimeSeconds * 1000,
      used: false,
    });
    return redirectReply(withQuery(pending.redirectUri, { code, state: pending.state }));
  }

  private deviceCodeToken(client: RegisteredClient, body: Record<string, unknown>): Reply {
    if (client.grantTypes && !client.grantTypes.includes(deviceCodeGrant)) {
      throw oidcFault(
        'UnauthorizedClientException',
        'This client is not registered for the device code grant',
      );
    }
    const deviceCode = stringMember(body, 'deviceCode');
    if (!deviceCode) throw oidcFault('InvalidRequestException', 'deviceCode is required');
    const authorization = this.deviceAuthorizations.get(deviceCode);
    if (authorization?.clientId !== client.clientId || authorization.state === 'consumed') {
      throw oidcFault('InvalidGrantException', 'Invalid device code provided');
    }
    if (authorization.expiresAtMs <= this.now())
      throw oidcFault('ExpiredTokenException', 'Device code has expired');
    const knobs = this.knobs();
    authorization.polls++;
    if (authorization.polls <= knobs.slowDownPolls)
      throw oidcFault('SlowDownException', 'Client is polling too quickly');
    if (
      authorization.state === 'pending' &&
      knobs.autoApprove &&
      authorization.polls > knobs.slowDownPolls + knobs.pendingPolls
    ) {
      authorization.state = knobs.denyApprovals ? 'denied' : 'approved';
    }
    if (authorization.state === 'pending')
      throw oidcFault('AuthorizationPendingException', 'Authorization is still pending');
    if (authorization.state === 'denied')
      throw oidcFault('AccessDeniedException', 'The user denied the authorization request');
    authorization.state = 'consumed';
    const scopes = client.scopes ?? [];
    return this.tokenReply(client, scopes, this.refreshable(client, scopes));
  }

  private refreshToken(client: RegisteredClient, body: Record<string, unknown>): Reply {
    if (client.grantTypes && !client.grantTypes.includes('refresh_token')) {
      throw oidcFault(
        'UnauthorizedClientException',
        'This client is not registered for the refresh token grant',
      );
    }
    const refreshToken = stringMember(body, 'refreshToken');
    if (!refreshToken) throw oidcFault('InvalidRequestException', 'refreshToken is required');
    const grant = this.store.findRefreshGrant(refreshToken, client.clientId);
    if (!grant) throw oidcFault('InvalidGrantException', 'Invalid refresh token provided');
    const rotate = this.knobs().rotateRefreshTokens;
    if (rotate) this.store.retireRefreshToken(refreshToken);
    const tokens = this.store.issueTokens(
      client.clientId,
      grant.scopes,
      rotate,
      this.knobs().accessTokenLifetimeSeconds,
      grant.grantId,
    );
    return jsonReply(200, {
      accessToken: tokens.accessToken,
      tokenType: 'Bearer',
      expiresIn: this.knobs().accessTokenLifetimeSeconds,
      refreshToken: tokens.refreshToken ?? refreshToken,
    });
  }

  private authorizationCodeToken(client: RegisteredClient, body: Record<string, unknown>): Reply {
    if (!client.grantTypes?.includes('authorization_code')) {
      throw oidcFault(
        'UnauthorizedClientException',
        'This client is not registered for the authorization code grant',
      );
    }
    const code = stringMember(body, 'code');
    const redirectUri = stringMember(body, 'redirectUri');
    const codeVerifier = stringMember(body, 'codeVerifier');
    if (!code || !redirectUri || !codeVerifier) {
      throw oidcFault('InvalidRequestException', 'code, redirectUri and codeVerifier are required');
    }
    const issued = this.authorizationCodes.get(code);
    if (issued?.clientId !== client.clientId || issued.used)
      throw oidcFault('InvalidGrantException', 'Invalid authorization code provided');
    issued.used = true;
    if (issued.expiresAtMs <= this.now())
      throw oidcFault('ExpiredTokenException', 'Authorization code has expired');
    if (issued.redirectUri !== redirectUri)
      throw oidcFault('InvalidGrantException', 'redirectUri does not match the authorization request');
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(codeVerifier) || s256(codeVerifier) !== issued.codeChallenge) {
      throw oidcFault('InvalidGrantException', 'PKCE verification failed');
    }
    const scopes = issued.scopes.length > 0 ? issued.scopes : (client.scopes ?? ['sso:account:access']);
    return this.tokenReply(client, scopes, this.refreshable(client, scopes));
  }

  /** Refresh tokens come with the `sso:account:access` scope, not with the legacy `sso-portal:*`. */
  private refreshable(client: RegisteredClient, scopes: string[]): boolean {
    const allowed = client.grantTypes === undefined || client.grantTypes.includes('refresh_token');
    return allowed && scopes.includes('sso:account:access');
  }

  private tokenReply(client: RegisteredClient, scopes: string[], withRefreshToken: boolean): Reply {
    const lifetime = this.knobs().accessTokenLifetimeSeconds;
    const tokens = this.store.issueTokens(client.clientId, scopes, withRefreshToken, lifetime);
    return jsonReply(200, {
      accessToken: tokens.accessToken,
      tokenType: 'Bearer',
      expiresIn: lifetime,
      ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
    });
  }

  private authenticate(body: Record<string, unknown>): RegisteredClient {
    const clientId = stringMember(body, 'clientId');
    const clientSecret = stringMember(body, 'clientSecret');
    if (!clientId || !clientSecret)
      throw oidcFault('InvalidRequestException', 'clientId and clientSecret are required');
    const client = this.store.authenticateClient(clientId, clientSecret);
    if (client === 'invalid') throw oidcFault('InvalidClientException', 'Invalid client provided');
    if (client === 'expired') throw oidcFault('InvalidClientException', 'Client registration has expired');
    return client;
  }

  private body(request: EmulatorRequest): Record<string, unknown> {
    const body = parseJsonObject(request.body);
    if (!body) throw oidcFault('InvalidRequestException', 'The request body must be a JSON object');
    return body;
  }

  private newUserCode(): string {
    const letters = 'BCDFGHJKLMNPQRSTVWXZ';
    for (;;) {
      const bytes = randomBytes(8);
      const chars = [...bytes].map((byte) => letters[byte % letters.length]).join('');
      const code = `${chars.slice(0, 4)}-${chars.slice(4)}`;
      if (!this.userCodes.has(code)) return code;
    }
  }
}

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function isLoopbackRedirect(uri: string): boolean {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && loopbackHosts.has(url.hostname);
  } catch {
    return false;
  }
}

/** RFC 8252 §7.3: a loopback redirect URI matches whatever port the client listens on. */
function redirectMatches(registered: string, requested: string): boolean {
  try {
    const a = new URL(registered);
    const b = new URL(requested);
    return (
      a.protocol === b.protocol &&
      a.hostname === b.hostname &&
      a.pathname === b.pathname &&
      (a.port === '' || a.port === b.port)
    );
  } catch {
    return false;
  }
}

function withQuery(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}
