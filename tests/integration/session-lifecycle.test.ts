// The token lifecycle in process: the real SDK clients against the emulator, the real keychain
// (a unique keychain service per test), a fake clock shared by the app and the emulator.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/app/app-error';
import { createCore, type Core } from '../../electron/core/app/create-core';
import type { UrlOpener } from '../../electron/core/app/url-opener';
import { AwsCliTokenCache } from '../../electron/core/aws-files/aws-cli-token-cache';
import { KeyringSecretStore } from '../../electron/core/secrets/keyring-secret-store';
import { RefreshScheduler } from '../../electron/core/sso/refresh-scheduler';
import { Emulator, type EmulatorOptions } from '../emulator';
import { FakeClock } from '../support/fake-clock';
import { createTempHome, type TempHome } from '../support/temp-home';

let emulator: Emulator;
let home: TempHome;
let keychain: KeyringSecretStore;
const keys: string[] = [];

afterEach(async () => {
  for (const key of keys.splice(0)) await keychain.delete(key).catch(() => false);
  await emulator.close();
  await home.dispose();
});

/** A person approving every device code the app opens, straight on the emulator. */
const approvingOpener = (): UrlOpener => ({
  open: (url) => {
    const code = new URL(url).searchParams.get('user_code');
    if (code) emulator.decideUserCode(code, true);
    return Promise.resolve();
  },
});

async function setUp(clock: FakeClock, knobs: EmulatorOptions['knobs'] = {}): Promise<Core> {
  emulator = await Emulator.start({ now: clock.now, knobs });
  home = await createTempHome();
  keychain = new KeyringSecretStore(`sso-tray-test-${randomUUID()}`);
  await mkdir(join(home.root, '.aws'), { recursive: true });
  await writeFile(
    home.env.AWS_CONFIG_FILE ?? '',
    `[sso-session corp]\nsso_start_url = ${emulator.org.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
  );
  keys.push('token:corp', 'registration:corp:device-code', 'registration:corp:pkce');
  return createCore({ env: { ...home.env, ...emulator.env }, clock, keychain, opener: approvingOpener() });
}

const statusOf = (core: Core) => core.sessions.snapshot()[0];

describe('device code polling', () => {
  it('adds 5 s to the interval on every slow_down and keeps polling', async () => {
    const clock = new FakeClock(undefined, true);
    const core = await setUp(clock, { slowDownPolls: 2, autoApprove: true });
    await core.sessions.signIn('corp', { flow: 'device-code' });
    expect(clock.delays).toEqual([6000, 11000]);
    expect(emulator.log.counters().CreateToken?.errors).toEqual({ SlowDownException: 2 });
  });
});

describe('one sign-in per session', () => {
  it('shares one flight between concurrent callers', async () => {
    const clock = new FakeClock(undefined, true);
    const core = await setUp(clock);
    const [a, b] = await Promise.all([
      core.sessions.signIn('corp', { flow: 'device-code' }),
      core.sessions.signIn('corp', { flow: 'device-code' }),
    ]);
    expect(a).toBe(b);
    expect(emulator.log.count('StartDeviceAuthorization')).toBe(1);
    expect(statusOf(core)).toMatchObject({ status: 'active', refreshable: true });
  });

  it('reuses the registration, registers again 15 minutes before it expires, and once after InvalidClientException', async () => {
    const clock = new FakeClock(undefined, true);
    const core = await setUp(clock, { registrationLifetimeSeconds: 30 * 60 });
    await core.sessions.signIn('corp', { flow: 'device-code' });
    await core.sessions.signIn('corp', { flow: 'device-code' });
    expect(emulator.log.count('RegisterClient')).toBe(1);
    clock.advance(16 * 60 * 1000); // 14 minutes of the registration left
    await core.sessions.signIn('corp', { flow: 'device-code' });
    expect(emulator.log.count('RegisterClient')).toBe(2);
    emulator.expireRegistrations();
    await core.sessions.signIn('corp', { flow: 'device-code' });
    expect(emulator.log.count('RegisterClient')).toBe(3);
    expect(emulator.log.counters().StartDeviceAuthorization?.errors).toEqual({ InvalidClientException: 1 });
  });
});

describe('refresh', () => {
  it('renews silently inside the 15-minute window and stores the rotated refresh token everywhere', async () => {
    const clock = new FakeClock(undefined, true);
    const core = await setUp(clock, { accessTokenLifetimeSeconds: 3600 });
    const first = await core.sessions.signIn('corp', { flow: 'device-code' });
    expect(core.sessions.nextEventAt('corp')).toBe(first.expiresAtMs - 15 * 60 * 1000);
    clock.advance(40 * 60 * 1000);
    expect(await core.sessions.accessToken('corp')).toBe(first.accessToken); // not due yet
    clock.advance(10 * 60 * 1000); // 10 minutes left
    const [x, y] = await Promise.all([core.sessions.accessToken('corp'), core.sessions.accessToken('corp')]);
    expect(x).toBe(y);
    expect(x).not.toBe(first.accessToken);
    expect(emulator.log.count('CreateToken', (entry) => entry.status === 200)).toBe(2);
    const stored = JSON.parse((await keychain.get('token:corp')) ?? '{}') as {
      accessToken: string;
      refreshToken: string;
      expiresAtMs: number;
    };
    expect(stored.accessToken).toBe(x);
    expect(stored.refreshToken).not.toBe(first.refreshToken);
    expect(stored.expiresAtMs).toBe(clock.now() + 3600 * 1000);
    expect((await new AwsCliTokenCache(core.paths.awsSsoCacheDir).read('corp'))?.refreshToken).toBe(
      stored.refreshToken,
    );
  });

  it('becomes expiring, then expired, when the refresh is refused; no browser is opened', async () => {
    const clock = new FakeClock(undefined, true);
    const core = await setUp(clock, { accessTokenLifetimeSeconds: 3600 });
    const opened: string[] = [];
    const token = await core.sessions.signIn('corp', { flow: 'device-code' });
    emulator.revokeAllSessions();
    clock.advance(50 * 60 * 1000);
    expect(await core.sessions.accessToken('corp')).toBe(token.accessToken); // still good for 10 minutes
    expect(statusOf(core)).toMatchObject({ status: 'expiring', refreshable: false });
    clock.advance(11 * 60 * 1000);
    expect(statusOf(core)?.status).toBe('expired');
    await expect(core.sessions.accessToken('corp')).rejects.toThrow(
      new AppError('SessionExpired', 'The session "corp" has expired. Sign in again: sso-tray login corp'),
    );
    expect(opened).toEqual([]);
    expect(emulator.log.count('StartDeviceAuthorization')).toBe(1);
  });

  it('marks a session expired when the portal refuses its token', async () => {
    const clock = new FakeClock(undefined, true);
    const core = await setUp(clock);
    await core.sessions.signIn('corp', { flow: 'device-code' });
    core.sessions.markExpired('corp');
    expect(statusOf(core)?.status).toBe('expired');
  });
});

describe('the refresh scheduler', () => {
  it('refreshes silently 15 minutes ahead less the jitter, and warns then expires when refresh is refused', async () => {
    const clock = new FakeClock();
    const core = await setUp(clock, { accessTokenLifetimeSeconds: 3600, autoApprove: true });
    const signIn = core.sessions.signIn('corp', { flow: 'device-code' });
    const first = await signIn;
    const scheduler = new RefreshScheduler(core.sessions, clock, () => 0.5);
    const changes: string[] = [];
    core.sessions.onDidChange(() => changes.push(core.sessions.snapshot()[0]?.status ?? ''));
    scheduler.start();
    clock.advance(44 * 60 * 1000); // the refresh is due at 45 min less one minute of jitter
    await expect.poll(() => emulator.log.count('CreateToken', (entry) => entry.status === 200)).toBe(2);
    await expect
      .poll(() => core.sessions.snapshot()[0]?.expiresAt)
      .toBe(new Date(clock.now() + 3600_000).toISOString());
    expect(first.expiresAtMs).toBeLessThan(clock.now() + 3600_000);

    emulator.revokeAllSessions();
    clock.advance(44 * 60 * 1000);
    await expect.poll(() => core.sessions.snapshot()[0]?.refreshable).toBe(false);
    expect(core.sessions.snapshot()[0]?.status).toBe('active'); // 16 minutes left: no warning yet
    clock.advance(2 * 60 * 1000);
    await expect.poll(() => changes[changes.length - 1]).toBe('expiring');
    clock.advance(15 * 60 * 1000);
    await expect.poll(() => changes[changes.length - 1]).toBe('expired');
    expect(emulator.log.count('StartDeviceAuthorization')).toBe(1); // never a sign-in by itself
    scheduler.stop();
  });
});

describe('sign-in failures', () => {
  it.each([
    [
      'InvalidRequestException',
      'InvalidInput',
      /rejected the sign-in request \(InvalidRequestException\); check the session's start URL/,
    ],
    ['InternalServerException', 'NetworkError', /internal error; try again in a minute/],
    ['AccessDeniedException', 'AccessDenied', /denied the sign-in; check with your administrator/],
  ])('explains %s from StartDeviceAuthorization in one line', async (error, code, message) => {
    const clock = new FakeClock(undefined, true);
    const core = await setUp(clock);
    emulator.injectFault({
      operation: 'StartDeviceAuthorization',
      error: error as 'InvalidRequestException',
      times: 5,
    });
    const failure = await core.sessions.signIn('corp', { flow: 'device-code' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe(code);
    expect((failure as AppError).message).toMatch(message);
    expect(core.sessions.snapshot()[0]?.status).toBe('signed-out');
  });
});
