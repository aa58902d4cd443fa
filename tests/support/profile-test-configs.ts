// Shared by the profile switch and sync tests: configs built from the fragments real files are made
// of (as in ini-document.test.ts, with the headers and keys a switch or sync cares about), the
// fixture corpus, and a model of which lines a set of keys owns.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { SsoSessionConfig } from '../../electron/core/aws-files/aws-config';
import type { IniDocument, IniLine } from '../../electron/core/aws-files/ini-document';
import type { Inventory, InventoryAccount } from '../../shared/inventory';

export const fixturesFolder = fileURLToPath(new URL('../fixtures/aws-config/', import.meta.url));
export const fixtureNames = readdirSync(fixturesFolder)
  .filter((name) => name.endsWith('.ini'))
  .sort();
export const readFixture = (name: string): string => readFileSync(join(fixturesFolder, name), 'utf8');

export const corp: SsoSessionConfig = {
  name: 'corp',
  startUrl: 'https://corp.awsapps.com/start',
  region: 'us-east-1',
  scopes: ['sso:account:access'],
  legacy: false,
};
export const legacyCorp: SsoSessionConfig = {
  name: 'https://legacy.awsapps.com/start',
  startUrl: 'https://legacy.awsapps.com/start',
  region: 'eu-west-1',
  scopes: [],
  legacy: true,
};

export function linesOf(document: IniDocument): IniLine[] {
  return document.lines.map(({ text, eol }) => ({ text, eol }));
}

const keyLine = /^([^\s=:[#;][^=:]*?)\s*[=:]/;

/**
 * The lines without those of the given keys (any case), each with the lines it owns: indented
 * lines after it, and blank or comment lines between those (botocore's continuation rule).
 */
export function withoutKeys(lines: readonly IniLine[], keys: ReadonlySet<string>): IniLine[] {
  const kept: IniLine[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (!line) continue;
    const key = keyLine.exec(line.text)?.[1]?.toLowerCase();
    if (key === undefined || !keys.has(key)) {
      kept.push({ text: line.text, eol: line.eol });
      continue;
    }
    let end = index + 1;
    for (let next = index + 1; next < lines.length; next++) {
      const text = lines[next]?.text ?? '';
      if (text.trim() === '' || /^\s*[#;]/.test(text)) continue;
      if (!/^\s/.test(text)) break;
      end = next + 1;
    }
    index = end - 1;
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// Generated configs

const commentArb = fc
  .tuple(
    fc.constantFrom('', ' ', '\t'),
    fc.constantFrom('#', ';'),
    fc.constantFrom('', ' a comment', '[profile commented]', ' sso_session = not-a-key', ' ünïcödé'),
  )
  .map(([indent, marker, text]) => indent + marker + text);
const blankArb = fc.constantFrom('', ' ', '\t');
const blankOrCommentArb = fc.oneof(blankArb, commentArb);
export const touchedKeyNames = [
  'sso_session',
  'SSO_Session',
  'sso_start_url',
  'sso_region',
  'SSO_Region',
  'sso_account_id',
  'sso_role_name',
  'region',
  'credential_process',
  'AWS_Access_Key_ID',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'role_arn',
  'source_profile',
  'credential_source',
  'web_identity_token_file',
];
const keyNameArb = fc.constantFrom(...touchedKeyNames, 'output', 's3', 'cli_pager', 'x-y.z');
const valueArb = fc.constantFrom(
  '',
  'us-east-1',
  'eu-west-1',
  'json',
  'corp',
  'https://corp.awsapps.com/start',
  'https://other.awsapps.com/start/#/',
  'us-east-1 # inline',
  'a = b',
  '"quoted"',
  'ünïcödé',
);
const spaceArb = fc.constantFrom('', ' ', '\t');
const keyLineArb = fc
  .record({
    name: keyNameArb,
    before: spaceArb,
    separator: fc.constantFrom('=', '=', ':'),
    after: spaceArb,
    value: valueArb,
  })
  .map((k) => `${k.name}${k.before}${k.separator}${k.after}${k.value}`);
const ownedLineArb = fc
  .tuple(
    fc.constantFrom(' ', '    ', '\t'),
    fc.constantFrom('max_concurrent_requests = 20', 'second line', 'region = indented'),
  )
  .map(([indent, text]) => indent + text);
const bodyLineArb = fc.oneof(
  { weight: 4, arbitrary: keyLineArb },
  { weight: 1, arbitrary: ownedLineArb },
  { weight: 2, arbitrary: blankOrCommentArb },
);
export const profileHeaders = [
  'default',
  'profile default',
  'profile dev',
  'profile "dev"',
  'profile  dev',
  'profile other',
  'profile Prod/Admin',
  'sso-session corp',
  'DEFAULT',
  'plugins',
  ' profile padded ',
  'Profile Caps',
];
const headerArb = fc
  .tuple(fc.constantFrom(...profileHeaders), fc.constantFrom('', '', ' '))
  .map(([inner, trailing]) => `[${inner}]${trailing}`);
const sectionArb = fc.tuple(headerArb, fc.array(bodyLineArb, { maxLength: 7 }));

/** Config text: a preamble, sections of mixed headers and keys, mixed line endings, maybe a BOM. */
export const configTextArb: fc.Arbitrary<string> = fc
  .record({
    bom: fc.boolean(),
    preamble: fc.array(blankOrCommentArb, { maxLength: 2 }),
    sections: fc.array(sectionArb, { maxLength: 6 }),
    eols: fc.array(fc.constantFrom('\n', '\n', '\r\n', '\r'), { minLength: 1, maxLength: 5 }),
    finalEol: fc.constantFrom('', '\n', '\r\n'),
  })
  .map((spec) => {
    const texts = [...spec.preamble, ...spec.sections.flatMap(([header, body]) => [header, ...body])];
    const body = texts
      .map((text, index) =>
        index === texts.length - 1
          ? text + spec.finalEol
          : text + (spec.eols[index % spec.eols.length] ?? '\n'),
      )
      .join('');
    return (spec.bom ? '\uFEFF' : '') + body;
  });

// ---------------------------------------------------------------------------------------------
// Generated inventories

const accountNames = ['Prod', 'prod', 'Dev Team', 'Dev-Team', '', '日本', 'a/b', ' Prod ', 'Sandbox'];
const roleNames = ['Admin', 'ReadOnly', 'Power User', 'Power-User', 'admin', 'Billing'];
const accountArb: fc.Arbitrary<InventoryAccount> = fc
  .record({
    accountId: fc.constantFrom(
      '111111111111',
      '222222222222',
      '333333333333',
      '444444444444',
      '555555555555',
    ),
    accountName: fc.constantFrom(...accountNames),
    roles: fc.uniqueArray(fc.constantFrom(...roleNames), { maxLength: 4 }),
    error: fc.option(fc.constant('Throttled for too long'), { nil: undefined, freq: 5 }),
  })
  .map(({ error, ...account }) => ({
    ...account,
    emailAddress: `${account.accountId}@example.com`,
    roles: [...account.roles].sort(),
    ...(error === undefined ? {} : { error }),
  }));

export const inventoryArb = (session: string): fc.Arbitrary<Inventory> =>
  fc.uniqueArray(accountArb, { selector: (account) => account.accountId, maxLength: 5 }).map((accounts) => ({
    session,
    fetchedAt: '2030-01-01T00:00:00.000Z',
    accounts,
    complete: accounts.every((account) => account.error === undefined),
  }));

export const templateArb = fc.constantFrom(
  '{account_name}/{role_name}',
  '{account_id}/{role_name}',
  '{session}:{account_name}.{role_name}',
  '{role_name}-{account_id}',
  '{account_name}{role_name}',
);
