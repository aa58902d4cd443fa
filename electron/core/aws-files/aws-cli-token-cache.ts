import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { SsoToken } from '../sso/sso-token';
import { writeFileAtomic } from './atomic-write';
import { pythonJsonDumps } from './python-json';

/**
 * The AWS CLI's SSO token cache, `~/.aws/sso/cache/<sha1 of the session name or legacy start
 * URL>.json` (aws-sso-reference.md §4.6). Written in exactly the CLI's format (one line, Python
 * separators, `YYYY-MM-DDTHH:MM:SSZ`), mode 0600, atomically; read as leniently as botocore reads it.
 */
export class AwsCliTokenCache {
  constructor(private readonly folder: string) {}

  /** The cache file of a session: sha1 of the sso-session name, or of the legacy start URL. */
  pathFor(cacheKey: string): string {
    return join(this.folder, `${createHash('sha1').update(cacheKey, 'utf8').digest('hex')}.json`);
  }

  async read(cacheKey: string): Promise<SsoToken | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathFor(cacheKey), 'utf8');
    } catch {
      return undefined;
    }
    let data: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null) return undefined;
      data = parsed as Record<string, unknown>;
    } catch {
      return undefined; // a half-written or foreign file: treat as absent, never crash
    }
    const accessToken = stringField(data, 'accessToken');
    const expiresAtMs = parseTimestamp(data.expiresAt);
    if (!accessToken || expiresAtMs === undefined) return undefined;
    const registrationExpiresAtMs = parseTimestamp(data.registrationExpiresAt);
    return {
      accessToken,
      expiresAtMs,
      ...optional('refreshToken', stringField(data, 'refreshToken')),
      ...optional('clientId', stringField(data, 'clientId')),
      ...optional('clientSecret', stringField(data, 'clientSecret')),
      ...optional('registrationExpiresAtMs', registrationExpiresAtMs),
    };
  }

  async write(
    cacheKey: string,
    session: { startUrl: string; region: string },
    token: SsoToken,
  ): Promise<void> {
    const record: Record<string, string> = {
      startUrl: session.startUrl,
      region: session.region,
      accessToken: token.accessToken,
      expiresAt: cliTimestamp(token.expiresAtMs),
    };
    if (token.clientId && token.clientSecret) {
      record.clientId = token.clientId;
      record.clientSecret = token.clientSecret;
      if (token.registrationExpiresAtMs !== undefined)
        record.registrationExpiresAt = cliTimestamp(token.registrationExpiresAtMs);
    }
    if (token.refreshToken) record.refreshToken = token.refreshToken;
    await writeFileAtomic(this.pathFor(cacheKey), pythonJsonDumps(record), { mode: 0o600, forceMode: true });
  }

  async remove(cacheKey: string): Promise<void> {
    await unlink(this.pathFor(cacheKey)).catch(() => undefined);
  }
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the only form both botocore and the JS SDK parse the same way. */
export function cliTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Accepts what the CLI and the JS SDK write (`…Z`, `….123Z`, `…+00:00`) and botocore's `…UTC`. */
function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const normalized = value.trim().replace(/\s*UTC$/, 'Z');
  const ms = Date.parse(normalized);
  return Number.isNaN(ms) || !/(Z|[+-]\d\d:?\d\d)$/.test(normalized) ? undefined : ms;
}

function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
