// The snapshot the tray and the window render: composed from the sessions, the remembered choices
// and the inventories, published on every change, with a background listing after sign-in.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppSnapshot } from '../../shared/session-snapshot';
import { AppState } from '../../electron/core/app/app-state';
import { type Core } from '../../electron/core/app/create-core';
import type { Emulator } from '../emulator';
import { type TempHome } from '../support/temp-home';
import { startEmulatorCore } from '../support/emulator-core';

let emulator: Emulator;
let home: TempHome;
let state: AppState | undefined;

afterEach(async () => {
  state?.dispose();
  await emulator.close();
  await home.dispose();
});

async function setUp(): Promise<{ core: Core; state: AppState; snapshots: AppSnapshot[] }> {
  let core: Core;
  ({ emulator, home, core } = await startEmulatorCore({ accounts: 3, rolesPerAccount: 2 }));
  state = new AppState(core);
  const snapshots: AppSnapshot[] = [];
  state.onDidChange(() => snapshots.push(state?.snapshot() as AppSnapshot));
  await state.load();
  return { core, state, snapshots };
}

describe('AppState', () => {
  it('starts signed out with an empty summary, then lists the accounts in the background after sign-in', async () => {
    const { core, state, snapshots } = await setUp();
    expect(state.snapshot()).toMatchObject({
      sessions: [{ name: 'corp', status: 'signed-out' }],
      active: null,
      recent: [],
      favourites: [],
      inventories: [
        { session: 'corp', fetchedAt: null, accounts: 0, roles: 0, complete: true, progress: null },
      ],
    });
    await core.sessions.signIn('corp', { flow: 'device-code', noBrowser: true });
    await expect.poll(() => state.snapshot().inventories[0]?.accounts).toBe(3);
    expect(state.snapshot().inventories[0]).toMatchObject({ roles: 6, complete: true, progress: null });
    expect(snapshots.some((snapshot) => snapshot.inventories[0]?.progress !== null)).toBe(true);
    expect(state.inventory('corp')?.accounts).toHaveLength(3);
  });

  it('publishes a switch (active choice with its account name, recent list) and favourites', async () => {
    const { core, state } = await setUp();
    await core.sessions.signIn('corp', { flow: 'device-code', noBrowser: true });
    await state.refreshAccounts('corp');
    const account = state.inventory('corp')?.accounts[1];
    if (!account) throw new Error('no account');
    const role = {
      session: 'corp',
      accountId: account.accountId,
      accountName: account.accountName,
      roleName: account.roles[0] ?? '',
    };
    const outcome = await state.use(role);
    expect(outcome.changed).toBe(true);
    expect(state.snapshot().active).toEqual({
      profile: 'default',
      session: 'corp',
      accountId: role.accountId,
      roleName: role.roleName,
      accountName: role.accountName,
    });
    expect(state.snapshot().recent).toMatchObject([role]);
    await state.setFavourite(role, true);
    expect(state.snapshot().favourites).toEqual([role]);
    // A new process sees the same (it is all remembered in the app data).
    const again = new AppState(core);
    await again.load();
    expect(again.snapshot().favourites).toEqual([role]);
    again.dispose();
  });
});
