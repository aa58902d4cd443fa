// The real readers judge what a switch and a sync write: botocore's config loader (the AWS CLI's
// Python, when installed) and the JS SDK's loadSharedConfigFiles. Each must see the switched
// default profile, the generated profiles with exactly their keys, and every other profile as it
// was before.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { afterAll, describe, expect, it } from 'vitest';
import { IniDocument } from '../../electron/core/aws-files/ini-document';
import { loadWithBotocore } from '../support/botocore-oracle';
import { switchProfile } from '../../electron/core/profiles/profile-switch';
import { managedProfiles, syncProfiles } from '../../electron/core/profiles/profile-sync';
import type { Inventory } from '../../shared/inventory';
import { corp, readFixture } from '../support/profile-test-configs';

type Keys = Record<string, unknown>;
interface BotocoreConfig {
  profiles: Record<string, Keys>;
  sso_sessions: Record<string, Keys>;
  [section: string]: Record<string, unknown>;
}

const folder = mkdtempSync(join(tmpdir(), 'sso-tray-profile-parsers-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const inventory: Inventory = {
  session: 'corp',
  fetchedAt: '2030-01-01T00:00:00.000Z',
  complete: true,
  accounts: [
    {
      accountId: '111111111111',
      accountName: 'Prod',
      emailAddress: 'p@example.com',
      roles: ['Admin', 'ReadOnly'],
    },
    { accountId: '222222222222', accountName: 'Dev Team', emailAddress: 'd@example.com', roles: ['Admin'] },
  ],
};
const handWritten = [
  '[default]',
  'region = eu-west-1',
  'credential_process = /opt/bin/creds',
  'aws_access_key_id = AKIAEXAMPLE',
  'aws_secret_access_key = secret',
  '',
  '[profile default]',
  'region = eu-west-2',
  'role_arn = arn:aws:iam::111111111111:role/x',
  'source_profile = base',
  '',
  '[profile base]',
  'aws_access_key_id = AKIABASE',
  'aws_secret_access_key = base-secret',
  '',
  '[profile Prod/Admin]',
  'region = ap-south-1',
  '',
  '[sso-session corp]',
  `sso_start_url = ${corp.startUrl}`,
  `sso_region = ${corp.region}`,
  '',
].join('\n');

/** Cases: a name and the text (without a BOM, on which botocore fails, §4.2). */
const cases: [string, string][] = [
  ['hand-written', handWritten],
  // Both read an indented key right under the header as a key; new keys must not go above it.
  ['indented-first-key', '[default]\n    max_attempts = 3\n[profile x]\nregion = y\n'],
  ...['comments-between-keys.ini', 'crlf-bom.ini', 'mixed-eol-quoted.ini', 'nested-s3.ini'].map(
    (name): [string, string] => [name, readFixture(name).replace(/^\uFEFF/, '')],
  ),
];

/** Switches default to Prod/Admin and syncs the inventory; returns the text and what changed. */
function edit(text: string): { text: string; removed: string[]; generated: string[] } {
  const document = IniDocument.parse(text);
  const { removed } = switchProfile(document, {
    profile: 'default',
    session: corp,
    accountId: '111111111111',
    roleName: 'Admin',
  });
  const { added } = syncProfiles(document, {
    session: corp,
    inventory,
    template: '{account_name}/{role_name}',
    prune: false,
  });
  return { text: document.serialize(), removed, generated: added };
}

const ssoKeys = { sso_session: 'corp', sso_account_id: '111111111111', sso_role_name: 'Admin' };
const generatedKeys = (name: string, document: IniDocument): Keys => {
  const owner = managedProfiles(document).get(name);
  return {
    sso_session: 'corp',
    sso_account_id: owner?.accountId,
    sso_role_name: owner?.roleName,
    region: corp.region,
  };
};
const without = (keys: Keys | undefined, removed: readonly string[]): Keys =>
  Object.fromEntries(Object.entries(keys ?? {}).filter(([key]) => !removed.includes(key.toLowerCase())));

function loadConfigs(paths: string[]): Record<string, BotocoreConfig> {
  const loaded = loadWithBotocore(paths);
  return Object.fromEntries(
    Object.entries(loaded).map(([path, { config, error }]) => {
      if (!config) throw new Error(`botocore could not read ${path}: ${error ?? 'no answer'}`);
      return [path, config as BotocoreConfig];
    }),
  );
}

describe('switch and sync as botocore reads them', () => {
  it('gives the expected profile map for every case', () => {
    const paths = cases.flatMap(([, text], index) => {
      const before = join(folder, `botocore-${index}-before.ini`);
      const after = join(folder, `botocore-${index}-after.ini`);
      writeFileSync(before, text);
      writeFileSync(after, edit(text).text);
      return [before, after];
    });
    const loaded = loadConfigs(paths);
    cases.forEach(([name, text], index) => {
      const before = loaded[join(folder, `botocore-${index}-before.ini`)];
      const after = loaded[join(folder, `botocore-${index}-after.ini`)];
      if (!before || !after) throw new Error(`${name}: no answer`);
      const { text: edited, removed, generated } = edit(text);
      const document = IniDocument.parse(edited);
      // configparser's [DEFAULT] keys show up in every section, generated ones included.
      const original = IniDocument.parse(text);
      const inherited: Keys = Object.fromEntries(
        original
          .sections()
          .filter((section) => section.header === 'DEFAULT')
          .flatMap((section) => [...original.entries(section)]),
      );
      // Other top-level sections ([plugins], [services x]) come through untouched too.
      const expected: BotocoreConfig = {
        ...before,
        profiles: {
          ...before.profiles,
          default: { ...without(before.profiles.default, removed), ...inherited, ...ssoKeys },
          ...Object.fromEntries(
            generated.map((profile) => [profile, { ...inherited, ...generatedKeys(profile, document) }]),
          ),
        },
      };
      expect({ name, ...after }).toEqual({ name, ...expected });
      expect(generated.length).toBeGreaterThan(0);
    });
  });
});

describe("switch and sync as the JS SDK's loadSharedConfigFiles reads them", () => {
  it.each(cases)('%s: gives the expected profile map', async (name, text) => {
    const slug = name.replace(/[^a-z0-9]/gi, '-');
    const before = join(folder, `js-${slug}-before.ini`);
    const after = join(folder, `js-${slug}-after.ini`);
    const { text: edited, removed, generated } = edit(text);
    writeFileSync(before, text);
    writeFileSync(after, edited);
    const read = async (path: string): Promise<Record<string, Keys>> =>
      (
        await loadSharedConfigFiles({
          configFilepath: path,
          filepath: join(folder, 'no-credentials'),
          ignoreCache: true,
        })
      ).configFile;
    const was = await read(before);
    const now = await read(after);
    const document = IniDocument.parse(edited);
    expect(now).toEqual({
      ...was,
      default: { ...without(was.default, removed), ...ssoKeys },
      ...Object.fromEntries(generated.map((profile) => [profile, generatedKeys(profile, document)])),
    });
  });
});
