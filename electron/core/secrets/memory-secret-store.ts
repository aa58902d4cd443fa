import type { SecretStore } from './secret-store';

/**
 * Secrets held in memory only, for the life of the process: client registrations when tokens are
 * kept in the AWS CLI's cache instead of the keychain, and fakes in unit tests.
 */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.values.get(key));
  }

  set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.values.delete(key));
  }

  keys(): string[] {
    return [...this.values.keys()];
  }
}
