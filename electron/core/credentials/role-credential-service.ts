import type { SSOClient } from '@aws-sdk/client-sso';
import { AppError } from '../app/app-error';
import type { SessionService } from '../sso/session-service';
import { classifyPortalFailure, portalFailureSummary } from '../portal/portal-failure';
import { portalSdk } from '../portal/portal-sdk';
import type { RoleCredentialCache } from './role-credential-cache';
import type { RoleCredentials, RoleRef } from './role-credentials';

export interface RoleCredentialDeps {
  sessions: SessionService;
  cache: RoleCredentialCache;
  portalClient: (region: string) => Promise<SSOClient>;
}

/**
 * Credentials for a role: from the cache while they last, else GetRoleCredentials with the
 * session's access token. A refused token marks the session expired; a role the user lost says so.
 */
export class RoleCredentialService {
  private readonly flights = new Map<string, Promise<RoleCredentials>>();

  constructor(private readonly deps: RoleCredentialDeps) {}

  async get(
    role: RoleRef,
    options: { signal?: AbortSignal; fresh?: boolean } = {},
  ): Promise<RoleCredentials> {
    if (!options.fresh) {
      const cached = await this.deps.cache.get(role);
      if (cached) return cached;
    }
    const key = `${role.session}\n${role.accountId}\n${role.roleName}`;
    const flying = this.flights.get(key);
    if (flying) return flying;
    const flight = this.fetch(role, options.signal).finally(() => this.flights.delete(key));
    this.flights.set(key, flight);
    return flight;
  }

  /** Forgets a session's cached credentials (on sign-out). */
  forget(session: string): Promise<void> {
    return this.deps.cache.forget(session);
  }

  private async fetch(role: RoleRef, signal: AbortSignal | undefined): Promise<RoleCredentials> {
    const session = this.deps.sessions.session(role.session);
    const accessToken = await this.deps.sessions.accessToken(role.session);
    const client = await this.deps.portalClient(session.region);
    const { GetRoleCredentialsCommand } = await portalSdk();
    try {
      const { roleCredentials } = await client.send(
        new GetRoleCredentialsCommand({ accessToken, accountId: role.accountId, roleName: role.roleName }),
        { abortSignal: signal },
      );
      const { accessKeyId, secretAccessKey, sessionToken, expiration } = roleCredentials ?? {};
      if (!accessKeyId || !secretAccessKey || !sessionToken || expiration === undefined)
        throw new AppError(
          'Internal',
          'IAM Identity Center returned incomplete role credentials; try again.',
        );
      const credentials = { accessKeyId, secretAccessKey, sessionToken, expiresAtMs: expiration };
      await this.deps.cache.put(role, credentials);
      return credentials;
    } catch (error) {
      throw this.describe(error, role, signal);
    } finally {
      client.destroy();
    }
  }

  private describe(error: unknown, role: RoleRef, signal: AbortSignal | undefined): AppError {
    if (error instanceof AppError) return error;
    const name = error instanceof Error ? error.name : '';
    if (name === 'ForbiddenException')
      return new AppError(
        'AccessDenied',
        `You no longer have the role ${role.roleName} in account ${role.accountId}; list your roles again with: sso-tray accounts --refresh`,
        { cause: error },
      );
    switch (classifyPortalFailure(error, signal)) {
      case 'unauthorized':
        void this.deps.cache.forget(role.session);
        return this.deps.sessions.markExpired(role.session);
      case 'cancelled':
        return new AppError('Cancelled', 'Getting the role credentials was cancelled.', { cause: error });
      case 'throttled':
        return new AppError(
          'Throttled',
          'IAM Identity Center is throttling requests; try again in a few seconds.',
          {
            cause: error,
          },
        );
      default:
        return new AppError(
          'NetworkError',
          `Could not get credentials for ${role.roleName} in ${role.accountId} (${portalFailureSummary(error)}); check your network and try again.`,
          { cause: error },
        );
    }
  }
}
