import { randomBytes } from 'node:crypto';

/** A public client registered through RegisterClient. */
export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  clientName: string;
  scopes: string[] | undefined;
  grantTypes: string[] | undefined;
  redirectUris: string[] | undefined;
  issuedAtMs: number;
  expiresAtMs: number;
}

/** One sign-in of the user: its access and refresh tokens share it, and Logout revokes it whole. */
interface Grant {
  clientId: string;
  scopes: string[];
  revoked: boolean;
}

interface AccessTokenRecord {
  grantId: string;
  expiresAtMs: number;
}

/** Role credentials handed out by GetRoleCredentials, kept so the federation endpoint can check them. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAtMs: number;
  accountId: string;
  roleName: string;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string | undefined;
  expiresAtMs: number;
}

/** Random opaque text of about the length the real service uses, so storage limits are exercised. */
function opaque(prefix: string, bytes: number): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

/**
 * The emulator's memory of who registered, who signed in and what was handed out. Lookups compare
 * against the clock at call time, so a test can move time forward and see tokens expire.
 */
export class IdentityStore {
  private readonly clients = new Map<string, RegisteredClient>();
  private readonly grants = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, AccessTokenRecord>();
  private readonly refreshTokens = new Map<string, string>();
  private readonly credentials = new Map<string, IssuedCredentials>();
  private readonly retired: string[] = [];

  constructor(private readonly now: () => number) {}

  registerClient(
    fields: Omit<RegisteredClient, 'clientId' | 'clientSecret' | 'issuedAtMs' | 'expiresAtMs'>,
    lifetimeSeconds: number,
  ): RegisteredClient {
    const issuedAtMs = Math.floor(this.now() / 1000) * 1000;
    const client: RegisteredClient = {
      ...fields,
      clientId: opaque('', 24),
      clientSecret: opaque('eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0.', 900),
      issuedAtMs,
      expiresAtMs: issuedAtMs + lifetimeSeconds * 1000,
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  /** The client for these credentials, or why not: unknown id, wrong secret, or an expired registration. */
  authenticateClient(clientId: string, clientSecret: string): RegisteredClient | 'invalid' | 'expired' {
    const client = this.clients.get(clientId);
    if (client?.clientSecret !== clientSecret) return 'invalid';
    return client.expiresAtMs <= this.now() ? 'expired' : client;
  }

  findClient(clientId: string): RegisteredClient | undefined {
    return this.clients.get(clientId);
  }

  issueTokens(
    clientId: string,
    scopes: string[],
    withRefreshToken: boolean,
    lifetimeSeconds: number,
    grantId?: string,
  ): IssuedTokens {
    const id = grantId ?? opaque('grant-', 12);
    if (grantId === undefined) this.grants.set(id, { clientId, scopes, revoked: false });
    const accessToken = opaque('aoa', 720);
    const expiresAtMs = this.now() + lifetimeSeconds * 1000;
    this.accessTokens.set(accessToken, { grantId: id, expiresAtMs });
    let refreshToken: string | undefined;
    if (withRefreshToken) {
      refreshToken = opaque('aor', 540);
      this.refreshTokens.set(refreshToken, id);
    }
    return { accessToken, refreshToken, expiresAtMs };
  }

  /** The grant behind a refresh token issued to this client, if it is still good. */
  findRefreshGrant(
    refreshToken: string,
    clientId: string,
  ): { grantId: string; scopes: string[] } | undefined {
    const grantId = this.refreshTokens.get(refreshToken);
    const grant = grantId === undefined ? undefined : this.grants.get(grantId);
    if (grantId === undefined || grant === undefined || grant.revoked || grant.clientId !== clientId)
      return undefined;
    return { grantId, scopes: grant.scopes };
  }

  retireRefreshToken(refreshToken: string): void {
    this.refreshTokens.delete(refreshToken);
    this.retired.push(refreshToken);
  }

  /** The scopes of a live access token, or why it is refused. */
  checkAccessToken(
    accessToken: string | undefined,
  ): { grantId: string; scopes: string[] } | 'invalid' | 'expired' {
    const record = accessToken === undefined ? undefined : this.accessTokens.get(accessToken);
    const grant = record === undefined ? undefined : this.grants.get(record.grantId);
    if (record === undefined || grant === undefined || grant.revoked) return 'invalid';
    if (record.expiresAtMs <= this.now()) return 'expired';
    return { grantId: record.grantId, scopes: grant.scopes };
  }

  revokeGrant(grantId: string): void {
    const grant = this.grants.get(grantId);
    if (grant) grant.revoked = true;
  }

  /** Revokes every sign-in: what an administrator's "revoke sessions" does. Returns how many. */
  revokeAllGrants(): number {
    let count = 0;
    for (const grant of this.grants.values()) {
      if (!grant.revoked) count++;
      grant.revoked = true;
    }
    return count;
  }

  /** Expires every registration now, so clients must register again. */
  expireAllClients(): void {
    for (const client of this.clients.values()) client.expiresAtMs = this.now();
  }

  issueCredentials(accountId: string, roleName: string, lifetimeSeconds: number): IssuedCredentials {
    const credentials: IssuedCredentials = {
      accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: opaque('IQoJb3JpZ2luX2VjE', 600),
      expiresAtMs: Math.floor((this.now() + lifetimeSeconds * 1000) / 1000) * 1000,
      accountId,
      roleName,
    };
    this.credentials.set(credentials.accessKeyId, credentials);
    return credentials;
  }

  /** Every secret handed out so far, for tests that scan output and files for leaks. */
  issuedSecrets(): string[] {
    return [
      ...[...this.clients.values()].map((client) => client.clientSecret),
      ...this.accessTokens.keys(),
      ...this.refreshTokens.keys(),
      ...this.retired,
      ...[...this.credentials.values()].flatMap((c) => [c.secretAccessKey, c.sessionToken]),
    ];
  }

  findCredentials(accessKeyId: string): IssuedCredentials | undefined {
    return this.credentials.get(accessKeyId);
  }
}
