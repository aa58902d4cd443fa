// Switching a profile to a role edits only the keys that decide its credentials, in every section
// that represents the profile for botocore or the JS SDK; every other byte of the file stays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../electron/core/app/app-error';
import { IniDocument, type IniLine } from '../../electron/core/aws-files/ini-document';
import { parseSectionHeader } from '../../electron/core/aws-files/section-header';
import {
  conflictingKeys,
  staticKeysShadowing,
  switchProfile,
  type SwitchChoice,
} from '../../electron/core/profiles/profile-switch';
import {
  configTextArb,
  corp,
  fixtureNames,
  legacyCorp,
  linesOf,
  readFixture,
  withoutKeys,
} from '../support/profile-test-configs';

const admin = (profile: string, extra: Partial<SwitchChoice> = {}): SwitchChoice => ({
  profile,
  session: corp,
  accountId: '111111111111',
  roleName: 'Admin',
  ...extra,
});

function switched(text: string, choice: SwitchChoice): { text: string; removed: string[]; changed: boolean } {
  const document = IniDocument.parse(text);
  const result = switchProfile(document, choice);
  return { text: document.serialize(), ...result };
}

const ssoLines = ['sso_session = corp', 'sso_account_id = 111111111111', 'sso_role_name = Admin'];

describe('switchProfile', () => {
  it('points [default] at the role, keeping its other keys, comments and sub-sections in place', () => {
    const text = [
      '# my config',
      '[default]',
      'region = eu-west-1',
      '# keep me',
      's3 =',
      '    max_concurrent_requests = 20',
      'output = json',
      '',
      '[profile dev]',
      'region = us-west-2',
      '',
    ].join('\n');
    expect(switched(text, admin('default'))).toEqual({
      changed: true,
      removed: [],
      text: [
        '# my config',
        '[default]',
        'region = eu-west-1',
        '# keep me',
        's3 =',
        '    max_concurrent_requests = 20',
        'output = json',
        ...ssoLines,
        '',
        '[profile dev]',
        'region = us-west-2',
        '',
      ].join('\n'),
    });
  });

  it('rewrites existing SSO keys in place and writes region only when given', () => {
    const text =
      '[profile dev]\nsso_session = old\nregion = eu-west-1\nsso_account_id = 999999999999\nsso_role_name = Old\n';
    expect(switched(text, admin('dev')).text).toBe(
      '[profile dev]\nsso_session = corp\nregion = eu-west-1\nsso_account_id = 111111111111\nsso_role_name = Admin\n',
    );
    expect(switched(text, admin('dev', { region: 'ap-south-1' })).text).toBe(
      '[profile dev]\nsso_session = corp\nregion = ap-south-1\nsso_account_id = 111111111111\nsso_role_name = Admin\n',
    );
  });

  it('reports no change when the profile already points at the role', () => {
    const text = `[default]\n${ssoLines.join('\n')}\n`;
    expect(switched(text, admin('default'))).toEqual({ text, changed: false, removed: [] });
  });

  it('edits [profile "NAME"] as the profile NAME, as botocore reads it', () => {
    const text = '[profile "dev"]\nregion = x\n[profile dever]\nregion = y\n';
    expect(switched(text, admin('dev')).text).toBe(
      `[profile "dev"]\nregion = x\n${ssoLines.join('\n')}\n[profile dever]\nregion = y\n`,
    );
  });

  it('appends [profile NAME] or [default] when there is none', () => {
    expect(switched('[profile other]\nregion = x\n', admin('dev')).text).toBe(
      `[profile other]\nregion = x\n\n[profile dev]\n${ssoLines.join('\n')}\n`,
    );
    expect(switched('', admin('default', { region: 'us-west-2' }))).toEqual({
      changed: true,
      removed: [],
      text: `[default]\n${ssoLines.join('\n')}\nregion = us-west-2\n`,
    });
    // [profile default] is not there, [ default ] is not the default profile
    expect(switched('[ default ]\nregion = x', admin('default')).text).toBe(
      `[ default ]\nregion = x\n\n[default]\n${ssoLines.join('\n')}\n`,
    );
  });

  it('removes every key that would win over SSO, with its indented lines, and reports each once', () => {
    const text = [
      '[profile dev]',
      'aws_access_key_id = AKIAEXAMPLE',
      'AWS_Secret_Access_Key = secret',
      'aws_session_token = token',
      '    continued',
      'aws_security_token = old',
      'region = eu-west-1',
      'credential_process = /opt/bin/creds',
      'role_arn = arn:aws:iam::1:role/x',
      'source_profile = base',
      'credential_source = Ec2InstanceMetadata',
      'web_identity_token_file = /tmp/token',
      'output = json',
      'credential_process = again',
      '',
    ].join('\n');
    const result = switched(text, admin('dev'));
    expect(result.removed).toEqual([...conflictingKeys]);
    expect(result.text).toBe(`[profile dev]\nregion = eu-west-1\noutput = json\n${ssoLines.join('\n')}\n`);
  });

  it('keeps sso_start_url and sso_region that match the session and removes those that do not', () => {
    const matching = `[profile dev]\nsso_start_url = ${corp.startUrl}\nsso_region = ${corp.region}\n`;
    expect(switched(matching, admin('dev'))).toEqual({
      changed: true,
      removed: [],
      text: `${matching}${ssoLines.join('\n')}\n`,
    });
    const stale = '[profile dev]\nsso_start_url = https://old.awsapps.com/start\nsso_region = us-east-1\n';
    expect(switched(stale, admin('dev'))).toEqual({
      changed: true,
      removed: ['sso_start_url'],
      text: `[profile dev]\nsso_region = us-east-1\n${ssoLines.join('\n')}\n`,
    });
  });

  it('writes a legacy profile for a legacy session and removes sso_session', () => {
    const text = '[default]\nsso_session = corp\nsso_account_id = 1\nregion = x\n';
    expect(switched(text, { ...admin('default'), session: legacyCorp })).toEqual({
      changed: true,
      removed: ['sso_session'],
      text: [
        '[default]',
        'sso_account_id = 111111111111',
        'region = x',
        `sso_start_url = ${legacyCorp.startUrl}`,
        `sso_region = ${legacyCorp.region}`,
        'sso_role_name = Admin',
        '',
      ].join('\n'),
    });
  });

  it('switches both [default] and [profile default], so botocore and the JS SDK agree', () => {
    const text = [
      '[profile default]',
      'region = eu-west-2',
      'credential_process = /bin/creds',
      '[default]',
      'region = eu-west-1',
      '',
    ].join('\n');
    expect(switched(text, admin('default'))).toEqual({
      changed: true,
      removed: ['credential_process'],
      text: [
        '[profile default]',
        'region = eu-west-2',
        ...ssoLines,
        '[default]',
        'region = eu-west-1',
        ...ssoLines,
        '',
      ].join('\n'),
    });
  });

  it('fills the last of duplicate sections and strips contradicting keys from the earlier ones', () => {
    const text = [
      '[profile dev]',
      'credential_process = /bin/creds',
      'sso_start_url = https://old.awsapps.com/start',
      'region = a',
      '[profile dev]',
      'region = b',
      '',
    ].join('\n');
    expect(switched(text, admin('dev'))).toEqual({
      changed: true,
      removed: ['sso_start_url', 'credential_process'],
      text: ['[profile dev]', 'region = a', '[profile dev]', 'region = b', ...ssoLines, ''].join('\n'),
    });
  });

  it('keeps CRLF line endings and the byte order mark', () => {
    const text = '\uFEFF[default]\r\nregion = eu-west-1\r\naws_access_key_id = AKIA\r\n';
    expect(switched(text, admin('default')).text).toBe(
      `\uFEFF[default]\r\nregion = eu-west-1\r\n${ssoLines.join('\r\n')}\r\n`,
    );
    expect(switched('\uFEFF# only\r\n', admin('dev')).text).toBe(
      `\uFEFF# only\r\n\r\n[profile dev]\r\n${ssoLines.join('\r\n')}\r\n`,
    );
  });

  it('adds keys below indented lines right under the header, which botocore reads as a key', () => {
    // Above them, botocore would read those lines as the continuation of the new key.
    expect(switched('[default]\n    max_attempts = 3\n', admin('default')).text).toBe(
      `[default]\n    max_attempts = 3\n${ssoLines.join('\n')}\n`,
    );
  });

  it('keeps a file without a final newline without one when the section is last', () => {
    expect(switched('[default]\nregion = x', admin('default')).text).toBe(
      `[default]\nregion = x\n${ssoLines.join('\n')}`,
    );
  });

  const bad: [string, SwitchChoice, RegExp][] = [
    ['a name with a space', admin('my dev'), /profile name/],
    ['an empty name', admin(''), /empty/],
    ['__proto__', admin('__proto__'), /JavaScript/],
    ['a role with a newline', admin('dev', { roleName: 'Admin\n[profile x]' }), /line break/],
    ['an account with an inline comment', admin('dev', { accountId: '1 # x' }), /comment/],
    ['a region with trailing whitespace', admin('dev', { region: 'us-east-1 ' }), /whitespace/],
    ['an empty region', admin('dev', { region: '' }), /empty/],
    ['a session name with a CR', admin('dev', { session: { ...corp, name: 'a\rb' } }), /line break/],
    [
      'a legacy start URL with a comment',
      admin('dev', { session: { ...legacyCorp, startUrl: 'https://x ;y' } }),
      /comment/,
    ],
  ];
  it.each(bad)('refuses %s with InvalidInput and leaves the document alone', (_label, choice, message) => {
    const text = '[profile dev]\ncredential_process = /bin/creds\n';
    const document = IniDocument.parse(text);
    let thrown: unknown;
    try {
      switchProfile(document, choice);
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown) && thrown.code).toBe('InvalidInput');
    expect(isAppError(thrown) && thrown.message).toMatch(message);
    expect(document.serialize()).toBe(text);
  });
});

describe('staticKeysShadowing', () => {
  const credentials = IniDocument.parse(
    [
      '[default]',
      'aws_access_key_id = AKIA',
      'aws_secret_access_key = s',
      '[dev]',
      'AWS_Session_Token = t',
      '[profile dev]',
      'aws_access_key_id = not-for-dev',
      '[dev]',
      'aws_secret_access_key = merged',
      '[other]',
      'region = x',
    ].join('\n'),
  );

  it('lists the static keys the credentials file sets for the profile, sections named raw', () => {
    expect(staticKeysShadowing(credentials, 'default')).toEqual([
      'aws_access_key_id',
      'aws_secret_access_key',
    ]);
    expect(staticKeysShadowing(credentials, 'dev')).toEqual(['aws_secret_access_key', 'aws_session_token']);
    expect(staticKeysShadowing(credentials, 'other')).toEqual([]);
    expect(staticKeysShadowing(credentials, 'missing')).toEqual([]);
    expect(staticKeysShadowing(IniDocument.parse(''), 'default')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Fidelity: only the target sections change, and inside them only the touched keys' lines.

const touched = new Set([
  'sso_session',
  'sso_start_url',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  'region',
  ...conflictingKeys,
]);

function representsProfile(header: string, profile: string): boolean {
  const name = parseSectionHeader(header);
  return (
    (name.kind === 'profile' && name.name === profile) || (name.kind === 'default' && profile === 'default')
  );
}

/**
 * The same lines: equal texts and endings, except where the old line had no ending (the file's
 * last line), which a line added after it gives one.
 */
function expectSameLines(after: readonly IniLine[], before: readonly IniLine[]): void {
  expect(after.map((line) => line.text)).toEqual(before.map((line) => line.text));
  before.forEach((line, index) => {
    // The one byte an edit may change nearby: a blank line's LF that became CR (see blank-line-rule).
    const separated = line.text === '' && line.eol === '\n' && after[index]?.eol === '\r';
    if (line.eol !== '' && !separated) expect(after[index]?.eol).toBe(line.eol);
  });
}

/** Checks a switch against what must hold of any config: see the comments inside. */
function checkSwitch(text: string, choice: SwitchChoice): void {
  const before = IniDocument.parse(text);
  const after = IniDocument.parse(text);
  const result = switchProfile(after, choice);
  const targets = before
    .sections()
    .map((section, index) => ({ section, index }))
    .filter(({ section }) => representsProfile(section.header, choice.profile));
  const afterSections = after.sections();

  if (targets.length === 0) {
    // Appended: the old lines are a prefix (an empty file has none), and one section more.
    const old = text.replace(/^\uFEFF/, '') === '' ? [] : linesOf(before);
    expectSameLines(linesOf(after).slice(0, old.length), old);
    expect(afterSections).toHaveLength(before.sections().length + 1);
    expect(result.removed).toEqual([]);
  } else {
    expect(afterSections.map((s) => s.header)).toEqual(before.sections().map((s) => s.header));
    // Outside the targets: the same lines in the same order.
    const outside = (document: IniDocument, ranges: readonly { start: number; end: number }[]): IniLine[] =>
      linesOf(document).filter((_line, index) => !ranges.some((r) => index >= r.start && index < r.end));
    const afterRanges = targets.map(({ index }) => afterSections[index] ?? { start: 0, end: 0 });
    expectSameLines(
      outside(after, afterRanges),
      outside(
        before,
        targets.map(({ section }) => section),
      ),
    );
    // Inside each target: the same lines once the touched keys are taken out on both sides.
    targets.forEach(({ section, index }) => {
      const range = afterSections[index];
      if (!range) throw new Error('target went away');
      expectSameLines(
        withoutKeys(after.lines.slice(range.start, range.end), touched),
        withoutKeys(before.lines.slice(section.start, section.end), touched),
      );
    });
  }

  // What both parsers then read: the last section of each header has the role; none has a conflict.
  const lastOfHeader = new Map<string, number>();
  after.sections().forEach((section, index) => {
    if (representsProfile(section.header, choice.profile)) lastOfHeader.set(section.header, index);
  });
  expect(lastOfHeader.size).toBeGreaterThan(0);
  after.sections().forEach((section, index) => {
    if (!representsProfile(section.header, choice.profile)) return;
    const entries = after.entries(section);
    for (const key of conflictingKeys) expect(entries.has(key)).toBe(false);
    if (choice.session.legacy) expect(entries.has('sso_session')).toBe(false);
    else {
      for (const key of ['sso_start_url', 'sso_region'] as const) {
        const value = entries.get(key);
        if (value !== undefined) expect(value).toBe(key === 'sso_start_url' ? corp.startUrl : corp.region);
      }
    }
    if (![...lastOfHeader.values()].includes(index)) return;
    expect(entries.get('sso_account_id')).toBe(choice.accountId);
    expect(entries.get('sso_role_name')).toBe(choice.roleName);
    if (choice.session.legacy) {
      expect(entries.get('sso_start_url')).toBe(choice.session.startUrl);
      expect(entries.get('sso_region')).toBe(choice.session.region);
    } else expect(entries.get('sso_session')).toBe(choice.session.name);
    if (choice.region !== undefined) expect(entries.get('region')).toBe(choice.region);
  });

  // A second identical switch changes nothing.
  const again = IniDocument.parse(after.serialize());
  expect(switchProfile(again, choice)).toEqual({ changed: false, removed: [] });
  expect(again.serialize()).toBe(after.serialize());
  // Reported removals are exactly the touched keys some target had and no target has now.
  for (const key of result.removed) {
    expect(targets.some(({ section }) => before.entries(section).has(key))).toBe(true);
  }
  expect(result.changed).toBe(after.serialize() !== text);
}

const choiceArb = fc
  .record({
    profile: fc.constantFrom('default', 'dev', 'other', 'Prod/Admin', 'new-one'),
    legacy: fc.boolean(),
    region: fc.option(fc.constantFrom('us-east-1', 'ap-south-1'), { nil: undefined }),
  })
  .map(({ profile, legacy, region }): SwitchChoice => ({
    profile,
    session: legacy ? legacyCorp : corp,
    accountId: '111111111111',
    roleName: 'Admin',
    ...(region === undefined ? {} : { region }),
  }));

describe('switchProfile properties', () => {
  it('changes only the touched keys of the target sections of generated configs', () => {
    fc.assert(
      fc.property(configTextArb, choiceArb, (text, choice) => {
        checkSwitch(text, choice);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps its section list and line-ending counts true through the edits (as a fresh read finds them)', () => {
    fc.assert(
      fc.property(configTextArb, choiceArb, choiceArb, (text, first, second) => {
        const document = IniDocument.parse(text);
        // Read both before the edits, so that the edits keep them rather than work them out anew.
        document.sections();
        document.lineEnding();
        for (const choice of [first, second]) {
          try {
            switchProfile(document, choice);
          } catch (error) {
            if (!isAppError(error)) throw error;
          }
          const fresh = IniDocument.fromLines(document.lines);
          expect(document.sections()).toEqual(fresh.sections());
          expect(document.lineEnding()).toBe(fresh.lineEnding());
        }
      }),
      { numRuns: 400 },
    );
  });

  it.each(fixtureNames)('%s: survives a switch of default and of dev with only those changes', (name) => {
    const text = readFixture(name);
    for (const choice of [
      admin('default'),
      admin('dev', { region: 'us-west-2' }),
      admin('legacy'),
      admin('x'),
    ])
      checkSwitch(text, choice);
    checkSwitch(text, { ...admin('default'), session: legacyCorp });
  });
});
