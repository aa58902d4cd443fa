// Generated profiles live in one managed block per session. A sync rewrites only that block, keeps
// what the user owns (their profiles, other sessions' blocks, keys they added to generated
// profiles), and is a no-op when nothing changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../electron/core/app/app-error';
import type { SsoSessionConfig } from '../../electron/core/aws-files/aws-config';
import { IniDocument } from '../../electron/core/aws-files/ini-document';
import { beginMarker, endMarker } from '../../electron/core/profiles/managed-block';
import {
  managedProfiles,
  syncProfiles,
  unifiedDiff,
  type SyncOptions,
  type SyncResult,
} from '../../electron/core/profiles/profile-sync';
import type { Inventory, InventoryAccount } from '../../shared/inventory';
import {
  configTextArb,
  corp,
  fixtureNames,
  inventoryArb,
  legacyCorp,
  readFixture,
  templateArb,
} from '../support/profile-test-configs';

const account = (
  accountId: string,
  accountName: string,
  roles: string[],
  error?: string,
): InventoryAccount => ({
  accountId,
  accountName,
  emailAddress: `${accountId}@example.com`,
  roles,
  ...(error === undefined ? {} : { error }),
});
const inventory = (...accounts: InventoryAccount[]): Inventory => ({
  session: 'corp',
  fetchedAt: '2030-01-01T00:00:00.000Z',
  accounts,
  complete: accounts.every((a) => a.error === undefined),
});
const options = (inv: Inventory, extra: Partial<SyncOptions> = {}): SyncOptions => ({
  session: corp,
  inventory: inv,
  template: '{account_name}/{role_name}',
  prune: false,
  ...extra,
});

function synced(text: string, opts: SyncOptions): { text: string; result: SyncResult } {
  const document = IniDocument.parse(text);
  const result = syncProfiles(document, opts);
  return { text: document.serialize(), result };
}

const begin = beginMarker('corp', false);
const end = endMarker('corp', false);
const profile = (name: string, accountId: string, role: string, region = 'us-east-1'): string[] => [
  `[profile ${name}]`,
  'sso_session = corp',
  `sso_account_id = ${accountId}`,
  `sso_role_name = ${role}`,
  `region = ${region}`,
];
const noChange = { added: [], updated: [], removed: [], kept: [], collisions: [] };

const twoAccounts = inventory(
  account('222222222222', 'Sandbox', ['ReadOnly']),
  account('111111111111', 'Prod', ['ReadOnly', 'Admin']),
);

describe('syncProfiles', () => {
  it('uses the marker lines the reference names', () => {
    expect(begin).toBe(
      '# >>> sso-tray profiles for sso-session corp: generated, edits inside are overwritten >>>',
    );
    expect(end).toBe('# <<< sso-tray profiles for sso-session corp <<<');
    expect(beginMarker(legacyCorp.name, true)).toBe(
      '# >>> sso-tray profiles for start URL https://legacy.awsapps.com/start: generated, edits inside are overwritten >>>',
    );
  });

  it('appends a block of sorted profiles after one blank line, leaving the rest alone', () => {
    const text = '# mine\n[default]\nregion = eu-west-1';
    const { text: after, result } = synced(text, options(twoAccounts));
    expect(after).toBe(
      [
        '# mine',
        '[default]',
        'region = eu-west-1',
        '',
        begin,
        ...profile('Prod/Admin', '111111111111', 'Admin'),
        '',
        ...profile('Prod/ReadOnly', '111111111111', 'ReadOnly'),
        '',
        ...profile('Sandbox/ReadOnly', '222222222222', 'ReadOnly'),
        end,
        '',
      ].join('\n'),
    );
    expect(result).toEqual({
      ...noChange,
      changed: true,
      added: ['Prod/Admin', 'Prod/ReadOnly', 'Sandbox/ReadOnly'],
    });
  });

  it('fills an empty file with just the block, and writes nothing when there is nothing to generate', () => {
    const inv = inventory(account('111111111111', 'Prod', ['Admin']));
    expect(synced('', options(inv)).text).toBe(
      [begin, ...profile('Prod/Admin', '111111111111', 'Admin'), end, ''].join('\n'),
    );
    expect(synced('# x\n', options(inventory()))).toEqual({
      text: '# x\n',
      result: { ...noChange, changed: false },
    });
  });

  it('writes CRLF into a CRLF file and keeps its byte order mark', () => {
    const text = '\uFEFF[default]\r\nregion = x\r\n';
    const inv = inventory(account('111111111111', 'Prod', ['Admin']));
    expect(synced(text, options(inv)).text).toBe(
      `\uFEFF[default]\r\nregion = x\r\n\r\n${[begin, ...profile('Prod/Admin', '111111111111', 'Admin'), end].join('\r\n')}\r\n`,
    );
  });

  it('changes nothing on a second run with the same inventory', () => {
    const first = synced('[default]\nregion = x\n', options(twoAccounts)).text;
    expect(synced(first, options(twoAccounts))).toEqual({
      text: first,
      result: { ...noChange, changed: false },
    });
  });

  it('keeps the lines of unchanged profiles, and keys and comments a user added to them', () => {
    const first = synced('', options(inventory(account('111111111111', 'Prod', ['Admin'])))).text;
    const edited = first.replace('region = us-east-1\n', 'region = us-east-1\n# my note\noutput = json\n');
    const { text, result } = synced(
      edited,
      options(inventory(account('111111111111', 'Prod', ['Admin', 'ReadOnly']))),
    );
    expect(text).toBe(
      [
        begin,
        ...profile('Prod/Admin', '111111111111', 'Admin'),
        '# my note',
        'output = json',
        '',
        ...profile('Prod/ReadOnly', '111111111111', 'ReadOnly'),
        end,
        '',
      ].join('\n'),
    );
    expect(result).toEqual({ ...noChange, changed: true, added: ['Prod/ReadOnly'] });
  });

  it('overwrites the generated keys a user edited, in place, and reports the profile updated', () => {
    const first = synced('', options(inventory(account('111111111111', 'Prod', ['Admin'])))).text;
    const edited = first
      .replace('sso_account_id = 111111111111', 'SSO_Account_ID = 999')
      .replace('region = us-east-1\n', 'output = json\n')
      .replace('[profile Prod/Admin]', '[profile "Prod/Admin"]');
    const { text, result } = synced(edited, options(inventory(account('111111111111', 'Prod', ['Admin']))));
    expect(text).toBe(
      [
        begin,
        '[profile Prod/Admin]',
        'sso_session = corp',
        'sso_account_id = 111111111111',
        'sso_role_name = Admin',
        'output = json',
        'region = us-east-1',
        end,
        '',
      ].join('\n'),
    );
    expect(result).toEqual({ ...noChange, changed: true, updated: ['Prod/Admin'] });
  });

  it('drops lines above the first profile in the block and duplicate copies, and keeps pasted non-profile sections', () => {
    const inv = inventory(account('111111111111', 'Prod', ['Admin']));
    const text = [
      begin,
      '# a note inside the block',
      '[default]',
      'region = pasted',
      '[profile Prod/Admin]',
      'region = first-copy',
      ...profile('Prod/Admin', '111111111111', 'Admin'),
      end,
      '',
    ].join('\n');
    const { text: after, result } = synced(text, options(inv));
    expect(after).toBe(
      [
        begin,
        ...profile('Prod/Admin', '111111111111', 'Admin'),
        '',
        '[default]',
        'region = pasted',
        end,
        '',
      ].join('\n'),
    );
    expect(result).toEqual({ ...noChange, changed: true });
  });

  it('uses the given region, else the session region, and updates every profile when it changes', () => {
    const inv = inventory(account('111111111111', 'Prod', ['Admin', 'ReadOnly']));
    const first = synced('', options(inv, { region: 'eu-west-1' })).text;
    expect(first).toContain('region = eu-west-1');
    const { text, result } = synced(first, options(inv));
    expect(text).not.toContain('eu-west-1');
    expect(result.updated).toEqual(['Prod/Admin', 'Prod/ReadOnly']);
  });

  it('keeps the user content after the block outside it, byte for byte', () => {
    const first = synced('[default]\nregion = x\n', options(twoAccounts)).text;
    const tail = '[profile after]\r\nregion = y\r\n# trailing comment';
    const { text } = synced(
      first + tail,
      options(inventory(account('111111111111', 'Prod', ['Admin'])), { prune: true }),
    );
    expect(text).toBe(
      ['[default]', 'region = x', '', begin, ...profile('Prod/Admin', '111111111111', 'Admin'), end, ''].join(
        '\n',
      ) + tail,
    );
  });

  it('ends the end marker with a line break even when it ended the file', () => {
    const first = synced('', options(twoAccounts)).text.replace(/\n$/, '');
    const { text, result } = synced(first, options(twoAccounts));
    expect(text).toBe(`${first}\n`);
    expect(result.changed).toBe(true);
  });

  it('leaves profiles the user defined outside the block alone and reports the collision', () => {
    const text = '[profile Prod/Admin]\nregion = x\n[profile "Sandbox/ReadOnly"]\nregion = y\n';
    const { text: after, result } = synced(text, options(twoAccounts));
    expect(after).toBe(
      `${text}\n${[begin, ...profile('Prod/ReadOnly', '111111111111', 'ReadOnly'), end].join('\n')}\n`,
    );
    expect(result.added).toEqual(['Prod/ReadOnly']);
    expect(result.collisions).toEqual([
      {
        name: 'Prod/Admin',
        reason: 'your profile [profile Prod/Admin] outside the sso-tray blocks has this name and is kept',
        accountId: '111111111111',
        roleName: 'Admin',
      },
      {
        name: 'Sandbox/ReadOnly',
        reason:
          'your profile [profile "Sandbox/ReadOnly"] outside the sso-tray blocks has this name and is kept',
        accountId: '222222222222',
        roleName: 'ReadOnly',
      },
    ]);
  });

  it('removes a generated profile once the user defines one of the same name, so the file has one', () => {
    const first = synced('', options(twoAccounts)).text;
    const { text, result } = synced(`${first}[profile Prod/Admin]\nregion = mine\n`, options(twoAccounts));
    expect(text.match(/\[profile Prod\/Admin\]/g)).toHaveLength(1);
    expect(text).toContain('[profile Prod/Admin]\nregion = mine\n');
    expect(result.removed).toEqual(['Prod/Admin']);
    expect(result.collisions.map((c) => c.name)).toEqual(['Prod/Admin']);
  });

  it("leaves another session's generated profiles alone and reports the collision", () => {
    const other: SsoSessionConfig = { ...corp, name: 'other' };
    const otherBlock = synced('', {
      ...options({ ...inventory(account('111111111111', 'Prod', ['Admin'])), session: 'other' }),
      session: other,
    }).text;
    const { text, result } = synced(otherBlock, options(twoAccounts));
    expect(text.startsWith(otherBlock)).toBe(true);
    expect(result.collisions).toEqual([
      {
        name: 'Prod/Admin',
        reason: 'the profile generated for sso-session other has this name and is kept',
        accountId: '111111111111',
        roleName: 'Admin',
      },
    ]);
    expect([...managedProfiles(IniDocument.parse(text))]).toEqual([
      ['Prod/Admin', { session: 'other', accountId: '111111111111', roleName: 'Admin' }],
      ['Prod/ReadOnly', { session: 'corp', accountId: '111111111111', roleName: 'ReadOnly' }],
      ['Sandbox/ReadOnly', { session: 'corp', accountId: '222222222222', roleName: 'ReadOnly' }],
    ]);
    // Re-syncing the other session leaves corp's block as it was.
    const again = synced(text, {
      ...options({ ...inventory(account('111111111111', 'Prod', ['Admin'])), session: 'other' }),
      session: other,
    });
    expect(again).toEqual({ text, result: { ...noChange, changed: false } });
  });

  it('never generates the default profile', () => {
    const { result } = synced(
      '',
      options(inventory(account('111111111111', 'def', ['ault'])), { template: '{account_name}{role_name}' }),
    );
    expect(result.collisions).toEqual([
      expect.objectContaining({
        name: 'default',
        reason: expect.stringMatching(/default profile/) as unknown,
      }),
    ]);
    expect(result.added).toEqual([]);
  });

  it('keeps generated profiles whose role is gone unless pruning, and reports them', () => {
    const first = synced('', options(twoAccounts)).text;
    const smaller = inventory(account('111111111111', 'Prod', ['Admin']));
    expect(synced(first, options(smaller))).toEqual({
      text: first,
      result: { ...noChange, changed: false, kept: ['Prod/ReadOnly', 'Sandbox/ReadOnly'] },
    });
    expect(synced(first, options(smaller, { prune: true }))).toEqual({
      text: [begin, ...profile('Prod/Admin', '111111111111', 'Admin'), end, ''].join('\n'),
      result: { ...noChange, changed: true, removed: ['Prod/ReadOnly', 'Sandbox/ReadOnly'] },
    });
  });

  it('never prunes the profiles of an account whose roles could not be listed', () => {
    const first = synced('', options(twoAccounts)).text;
    const failed = inventory(
      account('111111111111', 'Prod', ['Admin'], 'Throttled for too long'),
      account('222222222222', 'Sandbox', []),
    );
    expect(synced(first, options(failed, { prune: true }))).toEqual({
      text: [
        begin,
        ...profile('Prod/Admin', '111111111111', 'Admin'),
        '',
        ...profile('Prod/ReadOnly', '111111111111', 'ReadOnly'),
        end,
        '',
      ].join('\n'),
      result: { ...noChange, changed: true, removed: ['Sandbox/ReadOnly'], kept: ['Prod/ReadOnly'] },
    });
  });

  it('writes sso_start_url and sso_region for a legacy session, in a block of its own', () => {
    const inv: Inventory = {
      ...inventory(account('111111111111', 'Prod', ['Admin'])),
      session: legacyCorp.name,
    };
    const { text, result } = synced('[default]\nregion = x\n', { ...options(inv), session: legacyCorp });
    expect(text).toBe(
      `[default]\nregion = x\n\n${[
        beginMarker(legacyCorp.name, true),
        '[profile Prod/Admin]',
        `sso_start_url = ${legacyCorp.startUrl}`,
        `sso_region = ${legacyCorp.region}`,
        'sso_account_id = 111111111111',
        'sso_role_name = Admin',
        'region = eu-west-1',
        endMarker(legacyCorp.name, true),
      ].join('\n')}\n`,
    );
    expect(result.added).toEqual(['Prod/Admin']);
    expect(managedProfiles(IniDocument.parse(text)).get('Prod/Admin')).toEqual({
      session: legacyCorp.name,
      accountId: '111111111111',
      roleName: 'Admin',
    });
    // The sso-session block and the legacy block are separate: a corp sync leaves this one alone.
    const both = synced(text, options(inventory(account('222222222222', 'Sandbox', ['Admin']))));
    expect(both.text.startsWith(text)).toBe(true);
    expect(both.result.added).toEqual(['Sandbox/Admin']);
  });

  const broken: [string, string][] = [
    ['a start marker without an end', `${begin}\n[profile x]\nregion = y\n`],
    ['an end marker without a start', `[profile x]\n${end}\n`],
    ['a block started inside a block', `${begin}\n${begin}\n${end}\n`],
    ['an end marker for another session', `${begin}\n${endMarker('other', false)}\n`],
    ['two blocks for the session', `${begin}\n${end}\n${begin}\n${end}\n`],
  ];
  it.each(broken)('refuses a file with %s (ConfigConflict) and changes nothing', (_label, text) => {
    const document = IniDocument.parse(text);
    let thrown: unknown;
    try {
      syncProfiles(document, options(twoAccounts));
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown) && thrown.code).toBe('ConfigConflict');
    expect(isAppError(thrown) && thrown.message).toMatch(/lines? \d+/);
    expect(document.serialize()).toBe(text);
  });

  const invalid: [string, SyncOptions, RegExp][] = [
    ['a template without {role_name}', options(twoAccounts, { template: '{account_name}' }), /role_name/],
    ['a region with a comment', options(twoAccounts, { region: 'us-east-1 #x' }), /comment/],
    ['an inventory of another session', options({ ...twoAccounts, session: 'other' }), /inventory/],
    [
      'a session name with a line break',
      { ...options({ ...twoAccounts, session: 'a\nb' }), session: { ...corp, name: 'a\nb' } },
      /line break/,
    ],
  ];
  it.each(invalid)('refuses %s (InvalidInput) and changes nothing', (_label, opts, message) => {
    const text = '[default]\nregion = x\n';
    const document = IniDocument.parse(text);
    let thrown: unknown;
    try {
      syncProfiles(document, opts);
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown) && thrown.code).toBe('InvalidInput');
    expect(isAppError(thrown) && thrown.message).toMatch(message);
    expect(document.serialize()).toBe(text);
  });

  it('reports a role whose values cannot be written as a collision instead of writing it', () => {
    const { result } = synced(
      '',
      options(inventory(account('111111111111', 'Prod', ['Admin', 'Bad #role']))),
    );
    expect(result.added).toEqual(['Prod/Admin']);
    expect(result.collisions).toEqual([
      expect.objectContaining({
        name: 'Prod/Bad-role',
        roleName: 'Bad #role',
        reason: expect.stringMatching(/comment/) as unknown,
      }),
    ]);
  });
});

describe('managedProfiles', () => {
  it('maps every generated profile name to its session, account and role', () => {
    const text = synced('[profile mine]\nsso_account_id = 1\nsso_role_name = x\n', options(twoAccounts)).text;
    expect(managedProfiles(IniDocument.parse(text))).toEqual(
      new Map([
        ['Prod/Admin', { session: 'corp', accountId: '111111111111', roleName: 'Admin' }],
        ['Prod/ReadOnly', { session: 'corp', accountId: '111111111111', roleName: 'ReadOnly' }],
        ['Sandbox/ReadOnly', { session: 'corp', accountId: '222222222222', roleName: 'ReadOnly' }],
      ]),
    );
  });

  it('skips broken blocks instead of failing', () => {
    const text = `${begin}\n[profile x]\nsso_account_id = 1\nsso_role_name = r\n`;
    expect(managedProfiles(IniDocument.parse(text)).size).toBe(0);
    expect(managedProfiles(IniDocument.parse('')).size).toBe(0);
  });
});

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('/home/u/.aws/config', 'a\n', 'a\n')).toBe('');
  });

  it('shows a sync as added lines under file headers', () => {
    const before = '[default]\nregion = x\n';
    const after = synced(before, options(inventory(account('111111111111', 'Prod', ['Admin'])))).text;
    expect(unifiedDiff('/home/u/.aws/config', before, after)).toBe(
      [
        '--- /home/u/.aws/config',
        '+++ /home/u/.aws/config',
        '@@ -1,2 +1,10 @@',
        ' [default]',
        ' region = x',
        '+',
        `+${begin}`,
        ...profile('Prod/Admin', '111111111111', 'Admin').map((line) => `+${line}`),
        `+${end}`,
        '',
      ].join('\n'),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: bytes outside the block never change, and a second sync is a no-op.

/** The index range of the session's block, from its start marker through its end marker. */
function blockRange(text: string, session: SsoSessionConfig): { start: number; end: number } | undefined {
  const first = text.indexOf(beginMarker(session.name, session.legacy));
  if (first < 0) return undefined;
  const last = text.indexOf(endMarker(session.name, session.legacy), first);
  const lineEnd = /\r\n|\n|\r/.exec(text.slice(last));
  return { start: first, end: last + (lineEnd ? lineEnd.index + lineEnd[0].length : text.length - last) };
}

/** The text without the session's block; where there was none before, the appended separation too. */
function outsideBlock(text: string, session: SsoSessionConfig): string {
  const range = blockRange(text, session);
  return range ? text.slice(0, range.start) + text.slice(range.end) : text;
}

function checkSync(text: string, opts: SyncOptions): string {
  const document = IniDocument.parse(text);
  const result = syncProfiles(document, opts);
  const after = document.serialize();
  expect(result.changed).toBe(after !== text);
  const range = blockRange(after, opts.session);
  if (blockRange(text, opts.session)) {
    expect(outsideBlock(after, opts.session)).toBe(outsideBlock(text, opts.session));
  } else if (range) {
    // Appended: the text is a prefix, give or take a final line ending and one blank line.
    const prefix = after.slice(0, range.start);
    expect(prefix.startsWith(text)).toBe(true);
    expect(prefix.slice(text.length)).toMatch(/^(\r\n|\n)?(\r\n|\n|\r)?$/);
    expect(after.slice(range.end)).toBe('');
  } else expect(after).toBe(text);

  // What the block now holds: exactly the profiles the result accounts for.
  const profiles = managedProfiles(IniDocument.parse(after));
  const generated = [...profiles].filter(([, p]) => p.session === opts.session.name).map(([name]) => name);
  const reported = [...result.added, ...result.updated, ...result.kept];
  for (const name of reported) expect(generated).toContain(name);
  for (const name of result.removed) expect(generated).not.toContain(name);
  for (const { name } of result.collisions)
    if (!result.kept.includes(name)) expect(generated).not.toContain(name);

  // Every generated profile of a listed role reads back with the role's keys.
  const parsed = IniDocument.parse(after);
  for (const name of result.added) {
    const section = parsed.findSection((header) => header === `profile ${name}`);
    if (!section) throw new Error(`no [profile ${name}]`);
    const entries = parsed.entries(section);
    const owner = profiles.get(name);
    expect(entries.get('region')).toBe(opts.region ?? opts.session.region);
    expect(
      owner &&
        opts.inventory.accounts.some(
          (a) => a.accountId === owner.accountId && a.roles.includes(owner.roleName),
        ),
    ).toBe(true);
  }

  // A second sync changes nothing.
  const again = IniDocument.parse(after);
  const second = syncProfiles(again, opts);
  expect(second.changed).toBe(false);
  expect(again.serialize()).toBe(after);
  expect(second.added).toEqual([]);
  expect(second.updated).toEqual([]);
  expect(second.removed).toEqual([]);
  return after;
}

interface SyncSpec {
  inventory: Inventory;
  template: string;
  prune: boolean;
  region: string | undefined;
}
const syncArb: fc.Arbitrary<SyncSpec> = fc.record({
  inventory: inventoryArb('corp'),
  template: templateArb,
  prune: fc.boolean(),
  region: fc.option(fc.constantFrom('us-west-2', 'eu-central-1'), { nil: undefined }),
});
const optionsOf = (spec: SyncSpec, session: SsoSessionConfig): SyncOptions => ({
  session,
  inventory: { ...spec.inventory, session: session.name },
  template: spec.template,
  prune: spec.prune,
  ...(spec.region === undefined ? {} : { region: spec.region }),
});

describe('syncProfiles properties', () => {
  it('touches only its block in generated configs, through successive syncs and user edits after it', () => {
    fc.assert(
      fc.property(
        configTextArb,
        fc.boolean(),
        syncArb,
        syncArb,
        configTextArb,
        (text, legacy, first, second, tail) => {
          const session = legacy ? legacyCorp : corp;
          const after = checkSync(text, optionsOf(first, session));
          // The user appends more config after the block (on a line of its own), then syncs again.
          const more = /[\r\n]$/.test(after) ? after + tail.replace(/^\uFEFF/, '') : after;
          checkSync(more, optionsOf(second, session));
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(fixtureNames)('%s: survives two syncs with only the block changing', (name) => {
    const text = readFixture(name);
    const after = checkSync(text, options(twoAccounts));
    checkSync(after, options(inventory(account('111111111111', 'Prod', ['Admin'])), { prune: true }));
    checkSync(after, { ...options({ ...twoAccounts, session: legacyCorp.name }), session: legacyCorp });
  });
});
