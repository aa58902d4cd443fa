// With tokens in the keychain only (no AWS CLI cache mirror), the profiles SSO Tray writes call
// `sso-tray credential-process`: the real AWS CLI (botocore: shlex, no shell) and the JS SDK's
// fromIni (/bin/sh) both run those lines and get the right role's credentials. And every
// credentials format, env, and the failures a user meets.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IniDocument } from '../../electron/core/aws-files/ini-document';
import { managedProfiles } from '../../electron/core/profiles/managed-block';
import { pointAwsCliAt, runAwsCli, writeAwsConfig } from '../support/aws-cli';
import { runProcess } from '../support/built-cli';
import { resolveWithFromIni } from '../support/js-sdk-credentials';
import { SignInRig } from '../support/sign-in-rig';
import { uniqueName } from '../support/temp-home';

let rig: SignInRig;
let session: string;

beforeEach(async () => {
  rig = await SignInRig.start({ accounts: 2, rolesPerAccount: 2, seed: 5 });
  await pointAwsCliAt(rig.home, rig.emulator);
  session = uniqueName('cp');
  await writeAwsConfig(
    rig.home,
    `[sso-session ${session}]\nsso_start_url = ${rig.emulator.org.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`,
  );
  expect((await rig.cli(['settings', 'set', 'awsCliCacheMirror', 'false'])).code).toBe(0);
  expect((await rig.cli(['login', session, '--device-code'])).code).toBe(0);
});

afterEach(async () => {
  await rig.cli(['logout', session]);
  await rig.dispose();
});

const config = async (): Promise<string> => readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8');

async function exportedKeyId(profile: string): Promise<string> {
  const result = await runAwsCli(
    rig.home,
    ['configure', 'export-credentials', '--profile', profile, '--format', 'process'],
    60_000,
    rig.env(),
  );
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { AccessKeyId: string }).AccessKeyId;
}

describe('credential_process profiles', () => {
  it('profiles sync writes lines that the AWS CLI and fromIni run for the right role', async () => {
    expect((await rig.cli(['profiles', 'sync', session])).code).toBe(0);
    const text = await config();
    expect(text).not.toMatch(/^sso_session = /m);
    const generated = managedProfiles(IniDocument.parse(text));
    expect(generated.size).toBe(4);
    expect(text).toMatch(
      new RegExp(
        `^credential_process = \\S+ \\S+ credential-process --session ${session} \\d{12}/\\S+$`,
        'm',
      ),
    );
    const viaJs = await resolveWithFromIni(rig, [...generated.keys()]);
    for (const [name, role] of generated) {
      const expected = { accountId: role.accountId, roleName: role.roleName };
      expect(rig.emulator.findIssuedCredentials(await exportedKeyId(name))).toEqual(expected);
      expect(rig.emulator.findIssuedCredentials(viaJs[name] ?? '')).toEqual(expected);
    }
  });

  it('use points [default] at credential-process too, and the AWS CLI uses it', async () => {
    const account = rig.emulator.org.accounts[1];
    const role = account?.roles[1] ?? '';
    expect((await rig.cli(['use', `${account?.accountId ?? ''}/${role}`])).code).toBe(0);
    expect(await config()).toContain(
      `credential-process --session ${session} ${account?.accountId ?? ''}/${role}`,
    );
    expect(rig.emulator.findIssuedCredentials(await exportedKeyId('default'))).toEqual({
      accountId: account?.accountId,
      roleName: role,
    });
  });
});

describe('sso-tray credentials, credential-process and env', () => {
  const selector = () => {
    const account = rig.emulator.org.accounts[0];
    return {
      text: `${account?.accountName ?? ''}/${account?.roles[0] ?? ''}`,
      accountId: account?.accountId,
      roleName: account?.roles[0],
    };
  };

  it('prints each format, all for one set of credentials reused from the cache', async () => {
    const { text, accountId, roleName } = selector();
    const json = JSON.parse((await rig.cli(['credentials', text])).stdout) as Record<string, string>;
    expect(Object.keys(json)).toEqual(['AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration']);
    expect(rig.emulator.findIssuedCredentials(json.AccessKeyId ?? '')).toEqual({ accountId, roleName });
    expect(Number.isNaN(Date.parse(json.Expiration ?? ''))).toBe(false);

    const processOutput = JSON.parse((await rig.cli(['credential-process', text])).stdout) as Record<
      string,
      unknown
    >;
    expect(processOutput).toEqual({ Version: 1, ...json });

    const env = (await rig.cli(['credentials', text, '--format', 'env'])).stdout;
    expect(env).toBe(
      `export AWS_ACCESS_KEY_ID=${json.AccessKeyId ?? ''}\nexport AWS_SECRET_ACCESS_KEY=${json.SecretAccessKey ?? ''}\nexport AWS_SESSION_TOKEN=${json.SessionToken ?? ''}\nexport AWS_CREDENTIAL_EXPIRATION=${json.Expiration ?? ''}\n`,
    );
    expect(rig.emulator.log.count('GetRoleCredentials')).toBe(1);
  });

  it('the env format is what the AWS CLI and the JS SDK read from the environment', async () => {
    const { text } = selector();
    const lines = (await rig.cli(['credentials', text, '--format', 'env'])).stdout;
    const env = Object.fromEntries(
      lines
        .trim()
        .split('\n')
        .map((line) => /^export (\w+)=(.*)$/.exec(line)?.slice(1, 3) ?? []),
    ) as Record<string, string>;
    const exported = await runAwsCli(
      rig.home,
      ['configure', 'export-credentials', '--format', 'process'],
      60_000,
      env,
    );
    expect(exported.stderr).toBe('');
    expect(JSON.parse(exported.stdout)).toMatchObject({
      Version: 1,
      AccessKeyId: env.AWS_ACCESS_KEY_ID,
      SecretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      SessionToken: env.AWS_SESSION_TOKEN,
    });
    const script = `import { fromEnv } from '@aws-sdk/credential-provider-env';
      const c = await fromEnv()(); process.stdout.write(JSON.stringify({ id: c.accessKeyId, expiration: c.expiration?.toISOString() }));`;
    const viaJs = await runProcess(process.execPath, ['--input-type=module', '-e', script], {
      ...rig.env(),
      ...env,
    });
    expect(JSON.parse(viaJs.stdout)).toEqual({
      id: env.AWS_ACCESS_KEY_ID,
      expiration: env.AWS_CREDENTIAL_EXPIRATION,
    });
  });

  it('env exports AWS_PROFILE for a profile that uses the role, or the credentials', async () => {
    const { text } = selector();
    const before = await rig.cli(['env', text]);
    expect(before.stderr).toContain('no profile in');
    expect(before.stdout).toMatch(/^export AWS_ACCESS_KEY_ID=/);
    await rig.cli(['profiles', 'sync', session]);
    const after = await rig.cli(['env', text]);
    expect(after.stderr).toBe('');
    expect(after.stdout).toMatch(
      /^unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN\nexport AWS_PROFILE=\S+\n$/,
    );
    expect((await rig.cli(['env', text, '--credentials'])).stdout).toMatch(/^export AWS_ACCESS_KEY_ID=/);
  });

  it('fails in one line, exit 1, for a role the user lost or a selector that matches nothing', async () => {
    const { text, accountId, roleName } = selector();
    rig.emulator.setAssignmentRevoked(accountId ?? '', roleName ?? '', true);
    const lost = await rig.cli(['credential-process', text]);
    expect(lost).toMatchObject({ code: 1, stdout: '' });
    expect(lost.stderr).toBe(
      `sso-tray: You no longer have the role ${roleName ?? ''} in account ${accountId ?? ''}; list your roles again with: sso-tray accounts --refresh\n`,
    );
    const unknown = await rig.cli(['credentials', 'nothing/here']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
