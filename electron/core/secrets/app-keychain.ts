import type { Settings } from '../app/settings';
import { ChunkedSecretStore, keychainItemLimit } from './chunked-secret-store';
import { KeyringSecretStore } from './keyring-secret-store';
import type { SecretStore } from './secret-store';

/**
 * The keychain SSO Tray uses under its settings: the OS keychain (or the one a test passes), split
 * into parts where the platform limits item size; none when tokens stay in the AWS CLI's cache.
 */
export function appKeychain(
  settings: Settings,
  platform: NodeJS.Platform,
  override?: SecretStore,
): SecretStore | undefined {
  if (settings.tokenStore !== 'keychain') return undefined;
  return new ChunkedSecretStore(
    override ?? new KeyringSecretStore(undefined, platform),
    keychainItemLimit(platform),
  );
}
