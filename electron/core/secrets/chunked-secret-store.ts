import { AppError } from '../app/app-error';
import type { SecretStore } from './secret-store';

const header = 'sso-tray-chunks:';

/**
 * Splits values longer than one keychain item can hold into numbered parts behind one header
 * item. Windows Credential Manager caps a secret at 2,560 bytes (about 1,280 UTF-16 characters),
 * and IAM Identity Center tokens and client secrets are longer than that.
 */
export class ChunkedSecretStore implements SecretStore {
  constructor(
    private readonly inner: SecretStore,
    private readonly maxChars: number,
  ) {
    if (maxChars <= header.length + 8) throw new Error('maxChars is too small to hold a chunk header');
  }

  async get(key: string): Promise<string | undefined> {
    const value = await this.inner.get(key);
    const parts = chunkCount(value);
    if (parts === undefined) return value;
    const chunks = await Promise.all(
      Array.from({ length: parts }, (_, index) => this.inner.get(partKey(key, index))),
    );
    // A missing part means a write was interrupted: treat the secret as absent, never as garbage.
    return chunks.every((chunk) => chunk !== undefined) ? chunks.join('') : undefined;
  }

  async set(key: string, value: string): Promise<void> {
    const previousParts = chunkCount(await this.inner.get(key)) ?? 0;
    if (value.length <= this.maxChars && !value.startsWith(header)) {
      await this.inner.set(key, value);
      await this.deleteParts(key, 0, previousParts);
      return;
    }
    const parts: string[] = [];
    for (let from = 0; from < value.length; from += this.maxChars)
      parts.push(value.slice(from, from + this.maxChars));
    // Parts first, header last: a reader never sees a header whose parts are not all written.
    for (const [index, part] of parts.entries()) await this.inner.set(partKey(key, index), part);
    await this.inner.set(key, `${header}${parts.length}`);
    await this.deleteParts(key, parts.length, previousParts);
  }

  async delete(key: string): Promise<boolean> {
    const parts = chunkCount(await this.inner.get(key)) ?? 0;
    const deleted = await this.inner.delete(key);
    await this.deleteParts(key, 0, parts);
    return deleted;
  }

  private async deleteParts(key: string, from: number, to: number): Promise<void> {
    for (let index = from; index < to; index++) await this.inner.delete(partKey(key, index));
  }
}

/** The item size to split at on each platform (characters; Windows stores UTF-16). */
export function keychainItemLimit(platform: NodeJS.Platform): number {
  return platform === 'win32' ? 1200 : Number.POSITIVE_INFINITY;
}

function partKey(key: string, index: number): string {
  return `${key}#${index + 1}`;
}

function chunkCount(value: string | undefined): number | undefined {
  if (!value?.startsWith(header)) return undefined;
  const count = Number(value.slice(header.length));
  if (!Number.isInteger(count) || count < 1)
    throw new AppError(
      'KeychainUnavailable',
      'A keychain item of SSO Tray is damaged; sign out and sign in again.',
    );
  return count;
}
