// `use` and `profiles sync` judged by the real clients: after each, the real AWS CLI
// (/usr/bin/aws, redirected to the emulator) and the JS SDK's fromIni resolve credentials for the
// profiles we wrote, and the emulator confirms they are for the account and role chosen.
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IniDocument } from '../../electron/core/aws-files/ini-document';
import { managedProfiles } from '../../electron/core/profiles/managed-block';
import { pointAwsCliAt, runAwsCli, writeAwsConfig } from '../support/aws-cli';
import { resolveWithFromIni } from '../support/js-sdk-credentials';
import { SignInRig } from '../support/sign-in-rig';
import { uniqueName } from '../support/temp-home';

let rig: SignInRig;
let session: string;

const userConfig = (startUrl: string, name: string): string =>
  [
    '# my own settings: SSO Tray must keep every line of this',
    '[default]',
    'region = eu-west-1',
    'output = json',
    'aws_access_key_id = AKIAOLDSTATICKEY000',
    '; a comment inside default',
    's3 =',
    '    max_concurrent_requests = 20',
    '',
    `[sso-session ${name}]`,
    `sso_start_url = ${startUrl}`,
    'sso_region = us-east-1',
    'sso_registration_scopes = sso:account:access',
    '',
    '[profile mine]',
    'region = us-west-2',
    '',
  ].join('\n');

beforeEach(async () => {
  rig = await SignInRig.start({ accounts: 3, rolesPerAccount: 2, seed: 11 });
  await pointAwsCliAt(rig.home, rig.emulator);
  session = uniqueName('switch');
  await writeAwsConfig(rig.home, userConfig(rig.emulator.org.startUrl, session));
  const login = await rig.cli(['login', session, '--device-code']);
  expect(login.stderr).toContain('accounts and');
  expect(login.code).toBe(0);
});

afterEach(async () => {
  await rig.cli(['logout', session]);
  await rig.dispose();
});

function issuedFor(keyId: string | undefined) {
  return rig.emulator.findIssuedCredentials(keyId ?? '');
}

describe('sso-tray use', () => {
  it('switches [default] so that the AWS CLI and fromIni get the chosen role, keeping the rest', async () => {
    const [account] = rig.emulator.org.accounts;
    if (!account) throw new Error('no account');
    const role = account.roles[1] ?? '';
    const before = await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8');
    const used = await rig.cli(['use', `${account.accountName.toUpperCase()}/${role.toLowerCase()}`]);
    expect(used.stderr).toBe('');
    expect(used.code).toBe(0);
    expect(used.stdout).toBe(
      `The default profile now uses ${account.accountName} (${account.accountId}) as ${role}.\nRemoved from [default], since they would override the role: aws_access_key_id\n`,
    );
    const after = await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8');
    expect(after).toBe(
      before.replace(
        'aws_access_key_id = AKIAOLDSTATICKEY000\n; a comment inside default\ns3 =\n    max_concurrent_requests = 20\n',
        `; a comment inside default\ns3 =\n    max_concurrent_requests = 20\nsso_session = ${session}\nsso_account_id = ${account.accountId}\nsso_role_name = ${role}\n`,
      ),
    );

    const exported = await runAwsCli(rig.home, ['configure', 'export-credentials', '--format', 'process']);
    expect(exported.stderr).toBe('');
    const keyId = (JSON.parse(exported.stdout) as { AccessKeyId: string }).AccessKeyId;
    expect(issuedFor(keyId)).toEqual({ accountId: account.accountId, roleName: role });
    const viaJs = await resolveWithFromIni(rig, ['default']);
    expect(issuedFor(viaJs.default)).toEqual({ accountId: account.accountId, roleName: role });

    const status = JSON.parse((await rig.cli(['status', '--json'])).stdout) as { active: unknown };
    expect(status.active).toEqual({
      profile: 'default',
      session,
      accountId: account.accountId,
      roleName: role,
    });
  });

  it('fails on an unknown or ambiguous selector with the candidates, leaving the file alone', async () => {
    const before = await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8');
    const [account] = rig.emulator.org.accounts;
    const unknown = await rig.cli(['use', `${account?.accountName ?? ''}/NoSuchRole`]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(unknown.stderr).toContain(
      `No role matches "${account?.accountName ?? ''}/NoSuchRole". Did you mean:`,
    );
    expect(await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8')).toBe(before);
  });

  it('refuses to point a profile that profile sync generates elsewhere, leaving the file alone', async () => {
    expect((await rig.cli(['profiles', 'sync', session])).code).toBe(0);
    const before = await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8');
    const [[generated, target] = []] = managedProfiles(IniDocument.parse(before));
    const other = rig.emulator.org.accounts.find((account) => account.accountId !== target?.accountId);
    const used = await rig.cli([
      'use',
      '--profile',
      generated ?? '',
      `${other?.accountId ?? ''}/${other?.roles[0] ?? ''}`,
    ]);
    expect(used.code).toBe(1);
    expect(used.stderr).toBe(
      `sso-tray: The profile ${generated ?? ''} is generated by profile sync for ${session} ${target?.accountId ?? ''}/${target?.roleName ?? ''}, and the next sync would point it back: switch another profile (--profile NAME, or the targetProfile setting), or use ${generated ?? ''} as it is\n`,
    );
    expect(await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8')).toBe(before);
    // Pointing it at the role it is generated for is no conflict (and changes nothing).
    const same = await rig.cli([
      'use',
      '--profile',
      generated ?? '',
      `${target?.accountId ?? ''}/${target?.roleName ?? ''}`,
    ]);
    expect(same.code).toBe(0);
    expect(await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8')).toBe(before);
    // Any other profile still switches.
    expect(
      (await rig.cli(['use', '--profile', 'work', `${other?.accountId ?? ''}/${other?.roles[0] ?? ''}`]))
        .code,
    ).toBe(0);
  });

  it('warns about what would shadow the switch', async () => {
    const [account] = rig.emulator.org.accounts;
    await writeFile(
      rig.home.env.AWS_SHARED_CREDENTIALS_FILE ?? '',
      '[default]\naws_access_key_id = AKIAX\naws_secret_access_key = s\n',
    );
    const used = await rig.cli(['use', `${account?.accountId ?? ''}/${account?.roles[0] ?? ''}`], 'approve', {
      AWS_PROFILE: 'other',
      AWS_ACCESS_KEY_ID: 'AKIAENV',
    });
    expect(used.code).toBe(0);
    const warnings = used.stderr.split('\n').filter(Boolean);
    expect(warnings).toEqual([
      expect.stringMatching(/^sso-tray: warning: .*credentials sets aws_access_key_id for \[default\]/),
      expect.stringMatching(/^sso-tray: warning: .*credentials sets aws_secret_access_key for \[default\]/),
      'sso-tray: warning: AWS_PROFILE=other is set in this shell, so AWS tools here use that profile, not default; run: unset AWS_PROFILE',
      'sso-tray: warning: AWS_ACCESS_KEY_ID is set in this shell, and AWS tools use it before any profile; run: unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN',
    ]);
  });
});

describe('sso-tray profiles sync', () => {
  it('writes one profile per role that the AWS CLI and fromIni resolve, and nothing else changes', async () => {
    const before = await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8');
    const dry = await rig.cli(['profiles', 'sync', session, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^--- /);
    expect(await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8')).toBe(before);

    const synced = await rig.cli(['profiles', 'sync', session]);
    expect(synced.code).toBe(0);
    expect(synced.stdout).toContain('6 added, 0 updated, 0 removed');
    const after = await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const generated = managedProfiles(IniDocument.parse(after));
    expect(generated.size).toBe(6);

    const names = [...generated.keys()];
    const viaJs = await resolveWithFromIni(rig, names);
    for (const [name, target] of generated) {
      const exported = await runAwsCli(rig.home, [
        'configure',
        'export-credentials',
        '--profile',
        name,
        '--format',
        'process',
      ]);
      expect(exported.stderr).toBe('');
      const keyId = (JSON.parse(exported.stdout) as { AccessKeyId: string }).AccessKeyId;
      const expected = { accountId: target.accountId, roleName: target.roleName };
      expect(issuedFor(keyId)).toEqual(expected);
      expect(issuedFor(viaJs[name])).toEqual(expected);
    }

    const again = await rig.cli(['profiles', 'sync', session]);
    expect(again.stdout).toContain('profiles already up to date');
    expect(await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8')).toBe(after);

    // A generated name resolves as a selector for use.
    const [first] = names;
    const used = await rig.cli(['use', first ?? '', '--profile', 'mine']);
    expect(used.code).toBe(0);
    const exported = await runAwsCli(rig.home, [
      'configure',
      'export-credentials',
      '--profile',
      'mine',
      '--format',
      'process',
    ]);
    const keyId = (JSON.parse(exported.stdout) as { AccessKeyId: string }).AccessKeyId;
    const target = generated.get(first ?? '');
    expect(issuedFor(keyId)).toEqual({ accountId: target?.accountId, roleName: target?.roleName });
  });

  it('syncs every session when none is named, skipping one that is signed out', async () => {
    const path = rig.home.env.AWS_CONFIG_FILE ?? '';
    await writeFile(
      path,
      `${await readFile(path, 'utf8')}\n[sso-session other]\nsso_start_url = https://d-9999999999.awsapps.com/start\nsso_region = eu-west-1\n`,
    );
    const synced = await rig.cli(['profiles', 'sync']);
    expect(synced.code).toBe(0);
    expect(synced.stderr).toBe(
      'sso-tray: skipped session other: Not signed in to "other". Run: sso-tray login other\n',
    );
    expect(managedProfiles(IniDocument.parse(await readFile(path, 'utf8'))).size).toBe(6);
    const named = await rig.cli(['profiles', 'sync', 'other']);
    expect(named.code).toBe(1);
  });

  it('prunes only generated profiles whose role is gone', async () => {
    await rig.cli(['profiles', 'sync', session]);
    const [account] = rig.emulator.org.accounts;
    const lost = account?.roles[0] ?? '';
    rig.emulator.setAssignmentRevoked(account?.accountId ?? '', lost, true);
    await rig.cli(['accounts', session, '--refresh']);
    const kept = await rig.cli(['profiles', 'sync', session]);
    expect(kept.stderr).toContain('1 generated profile for roles no longer listed kept');
    const pruned = await rig.cli(['profiles', 'sync', session, '--prune']);
    expect(pruned.stdout).toContain('0 added, 0 updated, 1 removed');
    const generated = managedProfiles(
      IniDocument.parse(await readFile(rig.home.env.AWS_CONFIG_FILE ?? '', 'utf8')),
    );
    expect(generated.size).toBe(5);
    expect(
      [...generated.values()].some((p) => p.roleName === lost && p.accountId === account?.accountId),
    ).toBe(false);
  });
});

describe('sso-tray accounts', () => {
  it('prints the inventory as JSON in the documented shape', async () => {
    const listed = await rig.cli(['accounts', session, '--json']);
    expect(listed.code).toBe(0);
    const parsed = JSON.parse(listed.stdout) as { session: string; fetchedAt: string; accounts: unknown[] };
    expect(parsed.session).toBe(session);
    expect(Number.isNaN(Date.parse(parsed.fetchedAt))).toBe(false);
    expect(parsed.accounts).toEqual(
      [...rig.emulator.org.accounts]
        .sort((a, b) => a.accountName.localeCompare(b.accountName, 'en', { sensitivity: 'base' }))
        .map((account) => ({
          accountId: account.accountId,
          accountName: account.accountName,
          emailAddress: account.emailAddress,
          roles: [...account.roles].sort(),
        })),
    );
  });
});
