import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import { AppError } from '../app/app-error';
import type { SecretStore } from './secret-store';

/** The keychain service name every SSO Tray item is filed under. */
export const keychainService = 'sso-tray';

/**
 * The OS keychain through @napi-rs/keyring: macOS Keychain, Windows Credential Manager, the
 * Secret Service (gnome-keyring, KWallet) on Linux. The Linux store is pinned to the Secret
 * Service so a missing one fails loudly instead of falling back to the non-persistent kernel
 * keyring, and any failure becomes `KeychainUnavailable` with what to do.
 */
export class KeyringSecretStore implements SecretStore {
  private readonly options: EntryOptions = { linux: { store: 'secret-service' } };

  constructor(
    private readonly service = keychainService,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return this.guard(async () => (await this.entry(key).getPassword()) ?? undefined);
  }

  async set(key: string, value: string): Promise<void> {
    await this.guard(() => this.entry(key).setPassword(value));
  }

  async delete(key: string): Promise<boolean> {
    return this.guard(() => this.entry(key).deletePassword());
  }

  private entry(key: string): AsyncEntry {
    return new AsyncEntry(this.service, key, this.options);
  }

  private async guard<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (cause) {
      throw new AppError('KeychainUnavailable', keychainAdvice(this.platform), { cause });
    }
  }
}

/** What to tell the user when the keychain refuses, per platform. */
export function keychainAdvice(platform: NodeJS.Platform): string {
  const fallback =
    "or keep tokens only in the AWS CLI's cache: sso-tray settings set tokenStore aws-cli-cache";
  switch (platform) {
    case 'darwin':
      return `The macOS Keychain refused access: unlock the login keychain and allow SSO Tray when asked, ${fallback}`;
    case 'win32':
      return `Windows Credential Manager refused access: sign in to Windows with your own account, ${fallback}`;
    default:
      return `The OS keychain is not available: no unlocked Secret Service (gnome-keyring or KWallet) answered on the D-Bus session bus. Start and unlock one, ${fallback}`;
  }
}
