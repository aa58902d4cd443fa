// Discovery through the real SDK portal client against the emulator, with its throttle, 500s,
// dropped connections and revoked tokens: the result is complete, or partial with each failed
// account marked, or a clear error; never a crash, and never the SDK's retries stacked on ours.
import { readFile, stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiscoveryProgress, Inventory } from '../../shared/inventory';
import { AppError } from '../../electron/core/app/app-error';
import { createCore, type Core } from '../../electron/core/app/create-core';
import { InventoryCache } from '../../electron/core/inventory/inventory-cache';
import { MemorySecretStore } from '../../electron/core/secrets/memory-secret-store';
import type { Emulator } from '../emulator';
import { type EmulatorOptions } from '../emulator';
import { type TempHome } from '../support/temp-home';
import { startEmulatorCore } from '../support/emulator-core';

let emulator: Emulator;
let home: TempHome;

afterEach(async () => {
  await emulator.close();
  await home.dispose();
});

async function signedInCore(options: EmulatorOptions): Promise<Core> {
  const rig = await startEmulatorCore(options);
  ({ emulator, home } = rig);
  const { core } = rig;
  await core.sessions.signIn('corp', { flow: 'device-code', noBrowser: true });
  emulator.log.clear();
  return core;
}

/** The org as the emulator serves it, in the inventory's shape and order. */
function expectedAccounts(): Inventory['accounts'] {
  return emulator.org.accounts
    .map((account) => ({
      accountId: account.accountId,
      accountName: account.accountName,
      emailAddress: account.emailAddress,
      roles: [...account.roles].sort(),
    }))
    .sort(
      (a, b) =>
        a.accountName.localeCompare(b.accountName, 'en', { sensitivity: 'base' }) ||
        a.accountId.localeCompare(b.accountId),
    );
}

describe('discovery', () => {
  it('lists every page of accounts and of roles, and caches the result without secrets', async () => {
    const core = await signedInCore({ accounts: 230, rolesPerAccount: 3 });
    const first = emulator.org.accounts[0];
    if (!first) throw new Error('no accounts');
    // One account with more roles than a page holds, so role paging is exercised too.
    first.roles = Array.from({ length: 130 }, (_, index) => `Role${String(index).padStart(3, '0')}`);
    const progress: DiscoveryProgress[] = [];
    const { inventory, changes } = await core.inventory.refresh('corp', {
      onProgress: (event) => progress.push(event),
    });
    expect(inventory.accounts).toEqual(expectedAccounts());
    expect(inventory.complete).toBe(true);
    expect(emulator.log.count('ListAccounts')).toBe(3);
    expect(emulator.log.count('ListAccountRoles')).toBe(231);
    expect(changes.removed).toEqual([]);
    expect(changes.added).toHaveLength(229 * 3 + 130);
    const last = progress.at(-1);
    expect(last).toEqual({ session: 'corp', accountsDone: 230, accountsTotal: 230, totalKnown: true });
    expect(progress.some((event) => !event.totalKnown)).toBe(true);

    const cacheFile = new InventoryCache(home.env.SSO_TRAY_HOME ?? '').pathFor('corp');
    expect((await stat(cacheFile)).mode & 0o777).toBe(0o600);
    const cached = await readFile(cacheFile, 'utf8');
    for (const secret of emulator.issuedSecrets()) expect(cached).not.toContain(secret);

    const again = await createCore({
      env: { ...home.env, ...emulator.env },
      keychain: new MemorySecretStore(),
    });
    expect(await again.inventory.cached('corp')).toEqual(inventory);
  });

  it('follows a throttle limit with one attempt per SDK call, and completes', async () => {
    const core = await signedInCore({ accounts: 120, rolesPerAccount: 2 });
    emulator.setKnobs({ tps: 40, latencyMs: 5 });
    const { inventory } = await core.inventory.refresh('corp');
    expect(inventory.accounts).toEqual(expectedAccounts());
    expect(inventory.complete).toBe(true);
    expect(emulator.log.throttled()).toBeGreaterThan(0);
    // Every request the emulator saw is one of ours: successes plus the throttles we retried.
    const requests = emulator.log.count('ListAccountRoles') + emulator.log.count('ListAccounts');
    expect(requests).toBe(120 + 2 + emulator.log.throttled());
  });

  it('rides out server errors and dropped connections', async () => {
    const core = await signedInCore({ accounts: 60, rolesPerAccount: 2 });
    emulator.setKnobs({ errorRate: 0.15, dropRate: 0.1 });
    const { inventory } = await core.inventory.refresh('corp');
    // With four tries per call, a failure that sticks is possible but must then be marked.
    const failed = inventory.accounts.filter((account) => account.error !== undefined);
    expect(inventory.complete).toBe(failed.length === 0);
    const expected = expectedAccounts();
    for (const account of inventory.accounts) {
      if (account.error === undefined)
        expect(account).toEqual(expected.find((candidate) => candidate.accountId === account.accountId));
    }
    expect(inventory.accounts.map((account) => account.accountId).sort()).toEqual(
      expected.map((account) => account.accountId).sort(),
    );
  });

  it('marks the accounts whose roles could not be listed, keeping the roles known before', async () => {
    const core = await signedInCore({ accounts: 5, rolesPerAccount: 3 });
    const before = (await core.inventory.refresh('corp')).inventory;
    emulator.injectFault({ operation: 'ListAccountRoles', error: 'ResourceNotFoundException', times: 2 });
    const { inventory, changes } = await core.inventory.refresh('corp');
    expect(inventory.complete).toBe(false);
    const failed = inventory.accounts.filter((account) => account.error !== undefined);
    expect(failed).toHaveLength(2);
    for (const account of failed) {
      expect(account.error).toBe('could not list roles: ResourceNotFoundException (HTTP 404)');
      expect(account.roles).toEqual(
        before.accounts.find((old) => old.accountId === account.accountId)?.roles,
      );
    }
    expect(changes).toEqual({ added: [], removed: [] });
  });

  it('keeps the accounts known before, marked, when the account listing breaks off', async () => {
    const core = await signedInCore({ accounts: 150, rolesPerAccount: 1 });
    await core.inventory.refresh('corp');
    // The first page of accounts comes through; the second fails on every one of its four tries.
    let injected = false;
    const { inventory } = await core.inventory.refresh('corp', {
      onProgress: (event) => {
        if (injected || event.totalKnown) return;
        injected = true;
        emulator.injectFault({ operation: 'ListAccounts', error: 'InternalServerException', times: 4 });
      },
    });
    expect(inventory.complete).toBe(false);
    expect(inventory.accounts).toHaveLength(150);
    const unconfirmed = inventory.accounts.filter((account) => account.error !== undefined);
    expect(unconfirmed).toHaveLength(50);
    expect(new Set(unconfirmed.map((account) => account.error))).toEqual(
      new Set(['not confirmed: listing the accounts failed (InternalServerException (HTTP 500))']),
    );
  });

  it('marks the session expired when the portal refuses the token', async () => {
    const core = await signedInCore({ accounts: 3, rolesPerAccount: 1 });
    emulator.revokeAllSessions();
    const error = await core.inventory.refresh('corp').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SessionExpired');
    expect((error as AppError).message).toBe(
      'The session "corp" has expired. Sign in again: sso-tray login corp',
    );
    expect(core.sessions.snapshot()[0]?.status).toBe('expired');
    expect(await core.inventory.cached('corp')).toBeUndefined();
  });

  it('stops when cancelled and writes nothing', async () => {
    const core = await signedInCore({ accounts: 200, rolesPerAccount: 1 });
    emulator.setKnobs({ latencyMs: 5 });
    const stop = new AbortController();
    const error = await core.inventory
      .refresh('corp', {
        signal: stop.signal,
        onProgress: (event) => {
          if (event.accountsDone === 10) stop.abort();
        },
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('Cancelled');
    expect(await core.inventory.cached('corp')).toBeUndefined();
    const seen = emulator.log.count('ListAccountRoles');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emulator.log.count('ListAccountRoles')).toBe(seen);
  });

  it('reports what a refresh added and removed', async () => {
    const core = await signedInCore({ accounts: 4, rolesPerAccount: 2 });
    await core.inventory.refresh('corp');
    const [gone, grown] = emulator.org.accounts;
    if (!gone || !grown) throw new Error('no accounts');
    const lostRole = gone.roles[0] ?? '';
    emulator.setAssignmentRevoked(gone.accountId, lostRole, true);
    grown.roles.push('BrandNewRole');
    const { changes } = await core.inventory.refresh('corp');
    expect(changes).toEqual({
      added: [{ accountId: grown.accountId, accountName: grown.accountName, roleName: 'BrandNewRole' }],
      removed: [{ accountId: gone.accountId, accountName: gone.accountName, roleName: lostRole }],
    });
  });
});
