// Role credentials in process: the real SDK portal client against the emulator, a fake clock
// shared by both, and a keychain stand-in shared by two cores (as two CLI processes share one).
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/app/app-error';
import { type Core } from '../../electron/core/app/create-core';
import { MemorySecretStore } from '../../electron/core/secrets/memory-secret-store';
import type { Emulator } from '../emulator';
import { FakeClock } from '../support/fake-clock';
import { type TempHome } from '../support/temp-home';
import type { SecretStore } from '../../electron/core/secrets/secret-store';
import { startEmulatorCore } from '../support/emulator-core';

let emulator: Emulator;
let home: TempHome;

afterEach(async () => {
  await emulator.close();
  await home.dispose();
});

async function setUp(
  clock: FakeClock,
  keychain: SecretStore = new MemorySecretStore(),
): Promise<{ core: Core; newCore: () => Promise<Core> }> {
  const rig = await startEmulatorCore({
    clock,
    keychain,
    accounts: 2,
    rolesPerAccount: 2,
    knobs: { credentialLifetimeSeconds: 3600 },
  });
  ({ emulator, home } = rig);
  await rig.core.sessions.signIn('corp', { flow: 'device-code', noBrowser: true });
  return { core: rig.core, newCore: rig.newCore };
}

function firstRole() {
  const account = emulator.org.accounts[0];
  if (!account) throw new Error('no account');
  return { session: 'corp', accountId: account.accountId, roleName: account.roles[0] ?? '' };
}

describe('role credentials', () => {
  it('are reused until 5 minutes before they expire, then fetched again', async () => {
    const clock = new FakeClock(undefined, true);
    const { core } = await setUp(clock);
    const role = firstRole();
    const first = await core.credentials.get(role);
    expect(emulator.findIssuedCredentials(first.accessKeyId)).toEqual({
      accountId: role.accountId,
      roleName: role.roleName,
    });
    expect(first.expiresAtMs).toBe(clock.now() + 3600_000);
    clock.advance(54 * 60_000);
    expect(await core.credentials.get(role)).toEqual(first);
    expect(emulator.log.count('GetRoleCredentials')).toBe(1);
    clock.advance(60_001); // now 4:59 before expiry
    const second = await core.credentials.get(role);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(emulator.log.count('GetRoleCredentials')).toBe(2);
  });

  it('are shared through the keychain with the next process, and forgotten on sign-out', async () => {
    const clock = new FakeClock(undefined, true);
    const keychain = new MemorySecretStore();
    const { core, newCore } = await setUp(clock, keychain);
    const role = firstRole();
    const first = await core.credentials.get(role);
    const next = await newCore();
    expect(await next.credentials.get(role)).toEqual(first);
    expect(emulator.log.count('GetRoleCredentials')).toBe(1);
    await next.logout('corp');
    expect(await keychain.get('credentials:corp')).toBeUndefined();
  });

  it('mark the session expired when the portal refuses the token, and say how to sign in', async () => {
    const clock = new FakeClock(undefined, true);
    const { core } = await setUp(clock);
    emulator.revokeAllSessions();
    const error = await core.credentials.get(firstRole()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toPayload()).toEqual({
      code: 'SessionExpired',
      message: 'The session "corp" has expired. Sign in again: sso-tray login corp',
    });
    expect(core.sessions.snapshot()[0]?.status).toBe('expired');
  });

  it('say so when the user lost the role (ForbiddenException: No access)', async () => {
    const clock = new FakeClock(undefined, true);
    const { core } = await setUp(clock);
    const role = firstRole();
    emulator.setAssignmentRevoked(role.accountId, role.roleName, true);
    const error = await core.credentials.get(role).catch((caught: unknown) => caught);
    expect((error as AppError).toPayload()).toEqual({
      code: 'AccessDenied',
      message: `You no longer have the role ${role.roleName} in account ${role.accountId}; list your roles again with: sso-tray accounts --refresh`,
    });
  });

  it('share one call between concurrent callers', async () => {
    const clock = new FakeClock(undefined, true);
    const { core } = await setUp(clock);
    const role = firstRole();
    const [a, b] = await Promise.all([core.credentials.get(role), core.credentials.get(role)]);
    expect(a).toEqual(b);
    expect(emulator.log.count('GetRoleCredentials')).toBe(1);
  });
});
