import { resolveAppPaths } from '../app/app-paths';
import { systemClock } from '../app/clock';
import { SettingsStore } from '../app/settings';
import { appKeychain } from '../secrets/app-keychain';
import { RoleCredentialCache } from './role-credential-cache';
import type { RoleCredentials, RoleRef } from './role-credentials';

/**
 * The fast path of `credential_process`, which a tool may run before every AWS call: credentials
 * still in the keychain cache, found without building the core (no AWS config read, no session
 * token loaded). Undefined when there are none; the caller then takes the full path.
 */
export async function cachedRoleCredentials(
  env: Readonly<Record<string, string | undefined>>,
  role: RoleRef,
): Promise<RoleCredentials | undefined> {
  const settings = await new SettingsStore(resolveAppPaths(env).appHome).read();
  const keychain = appKeychain(settings, process.platform);
  return keychain ? new RoleCredentialCache(keychain, systemClock).get(role) : undefined;
}
