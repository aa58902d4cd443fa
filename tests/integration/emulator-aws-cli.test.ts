// The emulator driven by the real AWS CLI (/usr/bin/aws, 2.9.19 from Debian), redirected with the
// endpoint rule set of aws-sso-reference.md appendix A.1: `aws sso login` signs in and writes its
// token cache, and `aws configure export-credentials` gets the emulator's role credentials.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Emulator } from '../emulator';
import { pointAwsCliAt, runAwsCli, writeAwsConfig } from '../support/aws-cli';
import { createTempHome, type TempHome } from '../support/temp-home';

let emulator: Emulator;
let home: TempHome;

beforeAll(async () => {
  emulator = await Emulator.start({
    accounts: 4,
    rolesPerAccount: 2,
    seed: 9,
    knobs: { autoApprove: true, pendingPolls: 1, devicePollIntervalSeconds: 1 },
  });
  home = await createTempHome();
  await pointAwsCliAt(home, emulator);
});

afterAll(async () => {
  await emulator.close();
  await home.dispose();
});

describe('the real AWS CLI against the emulator', () => {
  it('signs in with `aws sso login --no-browser`, writes its token cache, and exports the role credentials', async () => {
    const account = emulator.org.accounts[2];
    if (!account) throw new Error('the org is too small');
    await writeAwsConfig(
      home,
      `[sso-session emulator]
sso_start_url = ${emulator.org.startUrl}
sso_region = ${emulator.org.region}
sso_registration_scopes = sso:account:access

[profile p]
sso_session = emulator
sso_account_id = ${account.accountId}
sso_role_name = ${account.roles[1] ?? ''}
region = eu-west-1
`,
    );

    const login = await runAwsCli(home, ['sso', 'login', '--no-browser', '--sso-session', 'emulator']);
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(`Successfully logged into Start URL: ${emulator.org.startUrl}`);
    expect(login.stdout).toContain(`${emulator.url}/device?user_code=`);

    const cacheFile = join(
      home.root,
      '.aws',
      'sso',
      'cache',
      `${createHash('sha1').update('emulator').digest('hex')}.json`,
    );
    expect((await stat(cacheFile)).mode & 0o777).toBe(0o600);
    const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as Record<string, string>;
    expect(cached).toMatchObject({ startUrl: emulator.org.startUrl, region: emulator.org.region });
    expect(cached.accessToken).toMatch(/^aoa/);
    expect(cached.refreshToken).toMatch(/^aor/);
    expect(cached.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(emulator.log.counters()).toMatchObject({
      RegisterClient: { ok: 1 },
      StartDeviceAuthorization: { ok: 1 },
      CreateToken: { ok: 1 },
    });

    const exported = await runAwsCli(home, [
      'configure',
      'export-credentials',
      '--profile',
      'p',
      '--format',
      'process',
    ]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const credentials = JSON.parse(exported.stdout) as Record<string, unknown>;
    expect(credentials).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) as unknown });
    expect(emulator.findIssuedCredentials(String(credentials.AccessKeyId))).toEqual({
      accountId: account.accountId,
      roleName: account.roles[1],
    });
    expect(emulator.log.count('GetRoleCredentials', (entry) => entry.status === 200)).toBe(1);
  });
});
