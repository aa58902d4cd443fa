import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Inventory, InventoryAccount } from '../../../shared/inventory';
import { writeFileAtomic } from '../aws-files/atomic-write';

/**
 * The last discovery of each session, in `<SSO_TRAY_HOME>/inventory/<sha1 of the name>.json`, so
 * the tray and `sso-tray accounts` show the accounts at once. Nothing secret: ids, names, emails
 * and role names. A file that cannot be read or parsed is treated as absent (it is only a cache).
 */
export class InventoryCache {
  private readonly folder: string;

  constructor(appHome: string) {
    this.folder = join(appHome, 'inventory');
  }

  pathFor(session: string): string {
    return join(this.folder, `${createHash('sha1').update(session).digest('hex')}.json`);
  }

  async read(session: string): Promise<Inventory | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathFor(session), 'utf8');
    } catch {
      return undefined;
    }
    try {
      return parseInventory(JSON.parse(text), session);
    } catch {
      return undefined;
    }
  }

  async write(inventory: Inventory): Promise<void> {
    await writeFileAtomic(this.pathFor(inventory.session), `${JSON.stringify(inventory)}\n`, {
      mode: 0o600,
      forceMode: true,
    });
  }
}

/** Accepts only the shape SSO Tray writes, for the session asked about. */
function parseInventory(value: unknown, session: string): Inventory | undefined {
  if (!isRecord(value) || value.session !== session || typeof value.fetchedAt !== 'string') return undefined;
  if (!Array.isArray(value.accounts) || typeof value.complete !== 'boolean') return undefined;
  const accounts: InventoryAccount[] = [];
  for (const item of value.accounts) {
    if (!isRecord(item)) return undefined;
    const { accountId, accountName, emailAddress, roles, error } = item;
    if (typeof accountId !== 'string' || typeof accountName !== 'string') return undefined;
    if (typeof emailAddress !== 'string' || !Array.isArray(roles)) return undefined;
    if (!roles.every((role): role is string => typeof role === 'string')) return undefined;
    accounts.push({
      accountId,
      accountName,
      emailAddress,
      roles,
      ...(typeof error === 'string' ? { error } : {}),
    });
  }
  return { session, fetchedAt: value.fetchedAt, accounts, complete: value.complete };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
