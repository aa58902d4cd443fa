import { describe, expect, it } from 'vitest';
import { ChunkedSecretStore } from '../../electron/core/secrets/chunked-secret-store';
import { MemorySecretStore } from '../../electron/core/secrets/memory-secret-store';

/** A store that refuses items over a size, as Windows Credential Manager does (2,560 bytes). */
class LimitedStore extends MemorySecretStore {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: string, value: string): Promise<void> {
    if (value.length > this.limit) return Promise.reject(new Error(`item too large: ${value.length}`));
    return super.set(key, value);
  }
}

describe('ChunkedSecretStore', () => {
  it('splits a long secret into parts that each fit, and reads it back whole', async () => {
    const inner = new LimitedStore(1280);
    const store = new ChunkedSecretStore(inner, 1200);
    const token = JSON.stringify({
      accessToken: 'a'.repeat(1100),
      refreshToken: 'r'.repeat(800),
      clientSecret: 's'.repeat(1300),
    });
    await store.set('token:corp', token);
    expect(await store.get('token:corp')).toBe(token);
    expect(inner.keys().sort()).toEqual(['token:corp', 'token:corp#1', 'token:corp#2', 'token:corp#3']);
  });

  it('drops parts a shorter value no longer needs, and deletes every part', async () => {
    const inner = new LimitedStore(1280);
    const store = new ChunkedSecretStore(inner, 1200);
    await store.set('k', 'x'.repeat(3000));
    await store.set('k', 'short');
    expect(inner.keys()).toEqual(['k']);
    expect(await store.get('k')).toBe('short');
    await store.set('k', 'y'.repeat(2500));
    expect(await store.delete('k')).toBe(true);
    expect(inner.keys()).toEqual([]);
  });

  it('treats a secret with a missing part as absent', async () => {
    const inner = new LimitedStore(1280);
    const store = new ChunkedSecretStore(inner, 1200);
    await store.set('k', 'z'.repeat(2500));
    await inner.delete('k#2');
    expect(await store.get('k')).toBeUndefined();
  });

  it('passes short values straight through without a header', async () => {
    const inner = new MemorySecretStore();
    await new ChunkedSecretStore(inner, Number.POSITIVE_INFINITY).set('k', 'v'.repeat(10_000));
    expect(await inner.get('k')).toBe('v'.repeat(10_000));
  });
});
