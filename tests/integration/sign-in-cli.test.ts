// Sign-in end to end through the built `sso-tray` CLI against the emulator: both flows with the
// test browser as $BROWSER, denial, an expired code, Ctrl-C, logout; tokens in the real keychain
// (gnome-keyring in the private D-Bus session) and mirrored into the AWS CLI cache.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keychainItem } from '../support/keychain';
import { SignInRig } from '../support/sign-in-rig';
import { uniqueName } from '../support/temp-home';

let rig: SignInRig;

afterEach(async () => {
  await rig.dispose();
});

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

async function statusOf(name: string) {
  const result = await rig.cli(['status', '--json']);
  expect(result.code).toBe(0);
  const parsed = JSON.parse(result.stdout) as {
    sessions: { name: string; status: string; refreshable: boolean; expiresAt: string | null }[];
    active: unknown;
  };
  return { ...parsed, session: parsed.sessions.find((session) => session.name === name) };
}

describe('sso-tray login', () => {
  it('adds the session and signs in with PKCE in the browser; the token goes to the keychain and the AWS CLI cache', async () => {
    rig = await SignInRig.start();
    const name = uniqueName('corp');
    const { startUrl, region } = rig.emulator.org;
    const result = await rig.cli(['login', name, '--start-url', startUrl, '--region', region]);
    expect(result.stderr).toContain(`Added [sso-session ${name}]`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^Signed in to ${name} \\(${startUrl}\\); the session lasts 8 h and renews itself\\.\\n$`),
    );

    const config = await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8');
    expect(config).toBe(
      `[sso-session ${name}]\nsso_start_url = ${startUrl}\nsso_region = ${region}\nsso_registration_scopes = sso:account:access\n`,
    );
    const opened = await rig.browserLog();
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(
      new RegExp(
        `^${rig.emulator.url}/authorize\\?response_type=code&client_id=[^&]+&redirect_uri=http%3A%2F%2F127\\.0\\.0\\.1%3A\\d+%2Foauth%2Fcallback&state=[0-9a-f-]{36}&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess&code_challenge=[A-Za-z0-9_-]{43}$`,
      ),
    );
    expect(rig.emulator.log.counters().CreateToken).toEqual({ requests: 1, ok: 1, errors: {} });

    const stored = JSON.parse((await keychainItem(`token:${name}`)) ?? '{}') as Record<string, unknown>;
    expect(stored.accessToken).toMatch(/^aoa/);
    expect(stored.refreshToken).toMatch(/^aor/);
    expect(await keychainItem(`registration:${name}:pkce`)).toContain('clientSecret');

    const cacheFile = join(rig.home.root, '.aws', 'sso', 'cache', `${sha1(name)}.json`);
    expect((await stat(cacheFile)).mode & 0o777).toBe(0o600);
    const cacheText = await readFile(cacheFile, 'utf8');
    expect(cacheText).toMatch(
      /^\{"startUrl": "[^"]+", "region": "us-east-1", "accessToken": "aoa[^"]+", "expiresAt": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "clientId": "[^"]+", "clientSecret": "[^"]+", "registrationExpiresAt": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "refreshToken": "aor[^"]+"\}$/,
    );
    expect(JSON.parse(cacheText)).toMatchObject({
      accessToken: stored.accessToken,
      refreshToken: stored.refreshToken,
    });

    const { session, active } = await statusOf(name);
    expect(session).toMatchObject({ status: 'active', refreshable: true });
    expect(active).toBeNull();
    expect(
      JSON.parse(await readFile(join(rig.home.env.SSO_TRAY_HOME ?? '', 'settings.json'), 'utf8')),
    ).toMatchObject({ signInFlows: { [name]: 'pkce' } });
  });

  it('signs in with the device code, shows the code, and remembers the flow', async () => {
    rig = await SignInRig.start();
    const name = uniqueName('dev');
    const result = await rig.cli([
      'login',
      name,
      '--start-url',
      rig.emulator.org.startUrl,
      '--region',
      'us-east-1',
      '--device-code',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /and check that it shows the code: [A-Z]{4}-[A-Z]{4}\n3 accounts and 6 roles available; see them with: sso-tray accounts\n$/,
    );
    expect(await rig.browserLog()).toEqual([
      expect.stringMatching(new RegExp(`^${rig.emulator.url}/device\\?user_code=[A-Z]{4}-[A-Z]{4}$`)),
    ]);
    expect(rig.emulator.log.count('CreateToken')).toBeGreaterThanOrEqual(2); // the immediate attempt, then polls
    expect((await statusOf(name)).session).toMatchObject({ status: 'active', refreshable: true });

    // Signing in again without a flag uses the device code flow again, and reuses the registration.
    const again = await rig.cli(['login', name]);
    expect(again.code).toBe(0);
    expect(rig.emulator.log.count('StartDeviceAuthorization')).toBe(2);
    expect(rig.emulator.log.count('RegisterClient')).toBe(1);
  });

  it('--no-browser prints the URL and opens nothing', async () => {
    rig = await SignInRig.start({ knobs: { autoApprove: true, pendingPolls: 1 } });
    const name = uniqueName('nb');
    const result = await rig.cli([
      'login',
      name,
      '--start-url',
      rig.emulator.org.startUrl,
      '--region',
      'us-east-1',
      '--device-code',
      '--no-browser',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Open this page in a browser');
    expect(await rig.browserLog()).toEqual([]);
  });

  it.each([
    ['pkce', []],
    ['device code', ['--device-code']],
  ])('reports a denied approval (%s) in one line and stores nothing', async (_flow, flags) => {
    rig = await SignInRig.start();
    const name = uniqueName('deny');
    const result = await rig.cli(
      ['login', name, '--start-url', rig.emulator.org.startUrl, '--region', 'us-east-1', ...flags],
      'deny',
    );
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean).pop()).toMatch(
      /^sso-tray: Sign-in was (denied in the browser|not approved in the browser \(access_denied\))\. Sign in again and choose Allow$/,
    );
    expect(await keychainItem(`token:${name}`)).toBeUndefined();
    expect((await statusOf(name)).session?.status).toBe('signed-out');
  });

  it('stops with a clear message when the device code expires unapproved', async () => {
    rig = await SignInRig.start({ knobs: { deviceCodeLifetimeSeconds: 2 } });
    const name = uniqueName('exp');
    const result = await rig.cli(
      ['login', name, '--start-url', rig.emulator.org.startUrl, '--region', 'us-east-1', '--device-code'],
      'ignore',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /sso-tray: The sign-in code expired before it was approved\. Sign in again and approve the code sooner\n$/,
    );
  });

  it.each([
    ['pkce', []],
    ['device code', ['--device-code']],
  ])(
    'Ctrl-C (%s) stops the sign-in, closes the listener and leaves nothing behind',
    async (_flow, flags) => {
      rig = await SignInRig.start();
      const name = uniqueName('int');
      await mkdir(join(rig.home.root, '.aws'), { recursive: true });
      await writeFile(
        rig.home.env.AWS_CONFIG_FILE ?? '',
        `[sso-session ${name}]\nsso_start_url = ${rig.emulator.org.startUrl}\nsso_region = us-east-1\n`,
      );
      const run = rig.spawnCli(['login', name, ...flags], 'ignore');
      await expect.poll(() => run.output().stderr, { timeout: 20_000 }).toMatch(/https?:\/\/\S+/);
      const listenerUrl = decodeURIComponent(/redirect_uri=([^&\s]+)/.exec(run.output().stderr)?.[1] ?? '');
      run.child.kill('SIGINT');
      expect(await run.exit).toBe(130);
      expect(run.output().stderr).toMatch(/sso-tray: Sign-in cancelled; nothing was changed\n$/);
      expect(await keychainItem(`token:${name}`)).toBeUndefined();
      expect(await readdir(join(rig.home.root, '.aws', 'sso', 'cache')).catch(() => [])).toEqual([]);
      if (listenerUrl) await expect(fetch(listenerUrl)).rejects.toThrow();
    },
    30_000,
  );
});

describe('sso-tray logout', () => {
  it('calls the portal Logout and deletes the keychain items and the mirrored cache file', async () => {
    rig = await SignInRig.start();
    const names = [uniqueName('a'), uniqueName('b')];
    for (const name of names)
      expect(
        (await rig.cli(['login', name, '--start-url', rig.emulator.org.startUrl, '--region', 'us-east-1']))
          .code,
      ).toBe(0);
    const result = await rig.cli(['logout', '--all']);
    expect(result.code).toBe(0);
    expect(rig.emulator.log.count('Logout', (entry) => entry.status === 200)).toBe(2);
    for (const name of names) {
      expect(await keychainItem(`token:${name}`)).toBeUndefined();
      expect(await keychainItem(`registration:${name}:pkce`)).toBeUndefined();
      expect((await statusOf(name)).session?.status).toBe('signed-out');
    }
    expect(await readdir(join(rig.home.root, '.aws', 'sso', 'cache'))).toEqual([]);
  });
});
