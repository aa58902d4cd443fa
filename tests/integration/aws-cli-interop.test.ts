// Sharing one sign-in with the real AWS CLI (/usr/bin/aws 2.9.19), both ways; the keychain-less
// modes; and a scan of everything the CLI printed and wrote for secrets.
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pointAwsCliAt, runAwsCli } from '../support/aws-cli';
import { keychainItem } from '../support/keychain';
import { SignInRig } from '../support/sign-in-rig';
import { uniqueName } from '../support/temp-home';

let rig: SignInRig;

afterEach(async () => {
  await rig.dispose();
});

/** Every file under the temp home except the AWS CLI's own caches, with its text. */
async function appFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const relativePath = relative(root, path);
    if (relativePath.startsWith('.aws/sso/cache/') || relativePath.startsWith('.aws/cli/cache/')) continue;
    files.set(relativePath, await readFile(path, 'utf8'));
  }
  return files;
}

describe('sharing the sign-in with the AWS CLI', () => {
  it('after sso-tray login, the AWS CLI exports credentials without aws sso login', async () => {
    rig = await SignInRig.start();
    await pointAwsCliAt(rig.home, rig.emulator);
    const name = uniqueName('share');
    expect(
      (await rig.cli(['login', name, '--start-url', rig.emulator.org.startUrl, '--region', 'us-east-1']))
        .code,
    ).toBe(0);
    const account = rig.emulator.org.accounts[0];
    const config = rig.home.env.AWS_CONFIG_FILE ?? '';
    const text = await readFile(config, 'utf8');
    await writeFile(
      config,
      `${text}\n[profile p]\nsso_session = ${name}\nsso_account_id = ${account?.accountId ?? ''}\nsso_role_name = ${account?.roles[0] ?? ''}\n`,
    );
    const exported = await runAwsCli(rig.home, [
      'configure',
      'export-credentials',
      '--profile',
      'p',
      '--format',
      'process',
    ]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const keyId = (JSON.parse(exported.stdout) as { AccessKeyId: string }).AccessKeyId;
    expect(rig.emulator.findIssuedCredentials(keyId)).toEqual({
      accountId: account?.accountId,
      roleName: account?.roles[0],
    });
    expect(rig.emulator.log.count('StartDeviceAuthorization')).toBe(0);
    expect(rig.emulator.log.count('CreateToken')).toBe(1); // ours; the AWS CLI signed in with nothing
  });

  it('after aws sso login, sso-tray status shows the session active and adopts the token into the keychain', async () => {
    rig = await SignInRig.start({ knobs: { autoApprove: true, pendingPolls: 1 } });
    await pointAwsCliAt(rig.home, rig.emulator);
    const name = uniqueName('adopt');
    const config = rig.home.env.AWS_CONFIG_FILE ?? '';
    await mkdir(join(rig.home.root, '.aws'), { recursive: true });
    await writeFile(
      config,
      `[sso-session ${name}]\nsso_start_url = ${rig.emulator.org.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
    );
    const login = await runAwsCli(rig.home, ['sso', 'login', '--no-browser', '--sso-session', name]);
    expect(login.code).toBe(0);

    const status = await rig.cli(['status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      sessions: [{ name, status: 'active', refreshable: true }],
    });
    const adopted = JSON.parse((await keychainItem(`token:${name}`)) ?? '{}') as { accessToken?: string };
    const cliFile = (await readdir(join(rig.home.root, '.aws', 'sso', 'cache'))).map((file) =>
      join(rig.home.root, '.aws', 'sso', 'cache', file),
    );
    const cliTokens = await Promise.all(
      cliFile.map(
        async (file) => (JSON.parse(await readFile(file, 'utf8')) as { accessToken?: string }).accessToken,
      ),
    );
    expect(cliTokens).toContain(adopted.accessToken);
    expect(rig.emulator.log.count('CreateToken', (entry) => entry.status === 200)).toBe(1); // no second sign-in
    await rig.cli(['logout', name]);
  });
});

describe('without a keychain', () => {
  it('says what is wrong and what to do, and works with tokenStore aws-cli-cache', async () => {
    rig = await SignInRig.start();
    const name = uniqueName('headless');
    const noBus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    const refused = await rig.cli(
      ['login', name, '--start-url', rig.emulator.org.startUrl, '--region', 'us-east-1'],
      'approve',
      noBus,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr.split('\n').filter(Boolean).pop()).toBe(
      "sso-tray: The OS keychain is not available: no unlocked Secret Service (gnome-keyring or KWallet) answered on the D-Bus session bus. Start and unlock one, or keep tokens only in the AWS CLI's cache: sso-tray settings set tokenStore aws-cli-cache",
    );
    expect((await rig.cli(['settings', 'set', 'tokenStore', 'aws-cli-cache'], 'approve', noBus)).code).toBe(
      0,
    );
    const login = await rig.cli(['login', name], 'approve', noBus);
    expect(login.code).toBe(0);
    expect(await keychainItem(`token:${name}`)).toBeUndefined();
    const status = await rig.cli(['status', '--json'], 'approve', noBus);
    expect(JSON.parse(status.stdout)).toMatchObject({ sessions: [{ name, status: 'active' }] });
    const cacheFiles = await readdir(join(rig.home.root, '.aws', 'sso', 'cache'));
    expect(cacheFiles).toHaveLength(1);
    expect((await stat(join(rig.home.root, '.aws', 'sso', 'cache', cacheFiles[0] ?? ''))).mode & 0o777).toBe(
      0o600,
    );
  });

  it('with the mirror off, writes no AWS CLI cache file', async () => {
    rig = await SignInRig.start();
    const name = uniqueName('nomirror');
    expect((await rig.cli(['settings', 'set', 'awsCliCacheMirror', 'false'])).code).toBe(0);
    expect(
      (await rig.cli(['login', name, '--start-url', rig.emulator.org.startUrl, '--region', 'us-east-1']))
        .code,
    ).toBe(0);
    expect(await readdir(join(rig.home.root, '.aws', 'sso', 'cache')).catch(() => [])).toEqual([]);
    expect(await keychainItem(`token:${name}`)).toContain('accessToken');
    await rig.cli(['logout', name]);
  });
});

describe('secrets never leak', () => {
  it('no token, refresh token or client secret appears in any output or in any file but the caches', async () => {
    rig = await SignInRig.start();
    const name = uniqueName('leak');
    await rig.cli(['login', name, '--start-url', rig.emulator.org.startUrl, '--region', 'us-east-1']);
    await rig.cli(['login', name, '--device-code']);
    await rig.cli(['status']);
    await rig.cli(['status', '--json']);
    await rig.cli(['login', name, '--device-code'], 'deny');
    await rig.cli(['logout', name]);
    const secrets = rig.emulator.issuedSecrets();
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    const files = await appFiles(rig.home.root);
    expect([...files.keys()].sort()).toEqual(
      expect.arrayContaining(['.aws/config', 'browser.log', 'sso-tray-data/settings.json']),
    );
    const haystack = [...rig.outputs, ...files.values()].join('\n');
    for (const secret of secrets)
      expect(haystack.includes(secret), 'a secret leaked into output or a file').toBe(false);
  });
});
