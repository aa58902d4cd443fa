/**
 * Where secrets live: the OS keychain in production, an in-memory map in unit tests. Keys are
 * short names such as `token:corp`; values are text. Every method may fail with
 * `KeychainUnavailable`; none falls back silently to somewhere less safe.
 */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Returns whether something was deleted. */
  delete(key: string): Promise<boolean>;
}
