import type { AwsCliTokenCache } from '../aws-files/aws-cli-token-cache';
import type { SsoSessionConfig } from '../aws-files/aws-config';
import type { SecretStore } from '../secrets/secret-store';
import type { SsoToken } from './sso-token';

/**
 * Where a session's token lives: the OS keychain (`token:<session>`), mirrored into the AWS CLI's
 * cache so `aws` and the SDKs share the sign-in; or, with `tokenStore: "aws-cli-cache"`, only the
 * CLI's cache. Loading reconciles the two: the newest `expiresAt` wins in both directions, so a
 * token from `aws sso login` (or a CLI refresh) is adopted instead of asking for a new sign-in.
 */
export class TokenVault {
  constructor(
    /** The keychain, or undefined when tokens are kept only in the AWS CLI's cache. */
    private readonly keychain: SecretStore | undefined,
    private readonly cliCache: AwsCliTokenCache,
    private readonly mirror: boolean,
  ) {}

  private get sharesWithCli(): boolean {
    return this.mirror || this.keychain === undefined;
  }

  async load(session: SsoSessionConfig): Promise<SsoToken | undefined> {
    const fromKeychain = this.keychain
      ? parseToken(await this.keychain.get(tokenKey(session.name)))
      : undefined;
    const fromCli = this.sharesWithCli ? await this.cliCache.read(session.name) : undefined;
    if (fromCli && (!fromKeychain || fromCli.expiresAtMs > fromKeychain.expiresAtMs)) {
      // The CLI signed in or refreshed more recently: keep its token (with its registration).
      if (this.keychain) await this.keychain.set(tokenKey(session.name), JSON.stringify(fromCli));
      return fromCli;
    }
    if (fromKeychain && this.sharesWithCli && (!fromCli || fromKeychain.expiresAtMs > fromCli.expiresAtMs)) {
      await this.cliCache.write(session.name, session, fromKeychain);
    }
    return fromKeychain;
  }

  async save(session: SsoSessionConfig, token: SsoToken): Promise<void> {
    if (this.keychain) await this.keychain.set(tokenKey(session.name), JSON.stringify(token));
    if (this.sharesWithCli) await this.cliCache.write(session.name, session, token);
  }

  /** Forgets the token everywhere SSO Tray put it (the keychain item and the mirrored CLI file). */
  async remove(session: SsoSessionConfig): Promise<void> {
    if (this.keychain) await this.keychain.delete(tokenKey(session.name));
    if (this.sharesWithCli) await this.cliCache.remove(session.name);
  }
}

function tokenKey(sessionName: string): string {
  return `token:${sessionName}`;
}

function parseToken(text: string | undefined): SsoToken | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<SsoToken>;
    return typeof value.accessToken === 'string' && typeof value.expiresAtMs === 'number'
      ? (value as SsoToken)
      : undefined;
  } catch {
    return undefined;
  }
}
