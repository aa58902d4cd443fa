import type { Clock } from '../app/clock';
import type { SecretStore } from '../secrets/secret-store';
import { parseRoleCredentials, type RoleCredentials, type RoleRef } from './role-credentials';

/** Credentials are handed out until this long before they expire (tools need time to use them). */
export const credentialReuseMarginMs = 5 * 60 * 1000;

/**
 * Role credentials kept until 5 minutes before they expire: in memory, and in the keychain so that
 * the next `sso-tray credential-process` (a new process each time a tool asks) answers without a
 * network call. One keychain item per session (`credentials:<session>`), so signing out forgets
 * them all at once. Without a keychain (tokenStore aws-cli-cache) they last for the process only.
 */
export class RoleCredentialCache {
  private readonly memory = new Map<string, RoleCredentials>();

  constructor(
    private readonly keychain: SecretStore | undefined,
    private readonly clock: Clock,
  ) {}

  async get(role: RoleRef): Promise<RoleCredentials | undefined> {
    const fresh = (credentials: RoleCredentials | undefined): RoleCredentials | undefined =>
      credentials && credentials.expiresAtMs - this.clock.now() > credentialReuseMarginMs
        ? credentials
        : undefined;
    const inMemory = fresh(this.memory.get(memoryKey(role)));
    if (inMemory) return inMemory;
    const stored = fresh((await this.readSession(role.session)).get(roleKey(role)));
    if (stored) this.memory.set(memoryKey(role), stored);
    return stored;
  }

  async put(role: RoleRef, credentials: RoleCredentials): Promise<void> {
    this.memory.set(memoryKey(role), credentials);
    if (!this.keychain) return;
    const all = await this.readSession(role.session);
    all.set(roleKey(role), credentials);
    // Expired entries go on every write, so the item never grows past the roles in use.
    for (const [key, value] of all) if (value.expiresAtMs <= this.clock.now()) all.delete(key);
    await this.keychain.set(itemKey(role.session), JSON.stringify(Object.fromEntries(all)));
  }

  /** Forgets every role of a session (sign-out, or the session was refused). */
  async forget(session: string): Promise<void> {
    for (const key of [...this.memory.keys()]) if (key.startsWith(`${session}\n`)) this.memory.delete(key);
    await this.keychain?.delete(itemKey(session));
  }

  private async readSession(session: string): Promise<Map<string, RoleCredentials>> {
    const text = this.keychain ? await this.keychain.get(itemKey(session)) : undefined;
    const result = new Map<string, RoleCredentials>();
    if (!text) return result;
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      for (const [key, value] of Object.entries(parsed)) {
        const credentials = parseRoleCredentials(value);
        if (credentials) result.set(key, credentials);
      }
    } catch {
      // A damaged item is only a cache: it is rewritten on the next put.
    }
    return result;
  }
}

const itemKey = (session: string): string => `credentials:${session}`;
const roleKey = (role: RoleRef): string => `${role.accountId}/${role.roleName}`;
const memoryKey = (role: RoleRef): string => `${role.session}\n${roleKey(role)}`;
