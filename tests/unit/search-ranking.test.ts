// The switcher's search: tiers (exact id, name prefix, word prefix, substring, fuzzy), every term
// must match, results grouped by account, and an index over 10,000 roles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Inventory, InventoryAccount } from '../../shared/inventory';
import { queryTerms, search, type SearchResults } from '../../renderer/src/search/search';
import { buildSearchIndex, type SearchIndex } from '../../renderer/src/search/search-index';

const account = (
  accountId: string,
  accountName: string,
  roles: string[],
  email?: string,
): InventoryAccount => ({
  accountId,
  accountName,
  emailAddress: email ?? `${accountName.toLowerCase().replace(/\W+/g, '-')}@acme.example`,
  roles,
});
const inventory = (session: string, ...accounts: InventoryAccount[]): Inventory => ({
  session,
  fetchedAt: '2030-01-01T00:00:00.000Z',
  accounts,
  complete: true,
});

const corp = inventory(
  'corp',
  account('111111111111', 'Billing', ['ReadOnlyAccess']),
  account('123456789012', 'Payments Prod (EU)', ['PowerUserAccess', 'ReadOnlyAccess']),
  account('210987654321', 'Payments Prod (US)', ['AdministratorAccess']),
  account('333333333333', 'Sandbox 12', ['AdministratorAccess'], 'team-payments@acme.example'),
  account('444444444444', 'data-lake-dev', ['ReadOnlyAccess', 'DataEngineer']),
  account('555555555555', 'Prod Shared Services', ['NetworkAdmin']),
);
const org = buildSearchIndex([corp]);

/** "Account / Role" of each result, in order. */
function names(index: SearchIndex, results: SearchResults): string[] {
  return results.groups.flatMap((group) =>
    group.roles.map((r) => {
      return `${index.accounts[group.account]?.accountName ?? '?'} / ${index.roleName(r)}`;
    }),
  );
}
const accountsOf = (index: SearchIndex, results: SearchResults): string[] =>
  results.groups.map((group) => index.accounts[group.account]?.accountName ?? '?');

describe('ranking', () => {
  it('puts the account whose id is the query first', () => {
    const results = search(org, '210987654321');
    expect(accountsOf(org, results)).toEqual(['Payments Prod (US)']);
    expect(results.groups[0]?.score).toBeGreaterThanOrEqual(9000);
  });

  it('reads an id written with dashes', () => {
    expect(queryTerms('2109-8765-4321')).toEqual(['210987654321']);
    expect(accountsOf(org, search(org, '2109-8765-4321'))).toEqual(['Payments Prod (US)']);
  });

  it('ranks a name prefix above a word prefix, a substring and a fuzzy match', () => {
    // "prod": prefix of "Prod Shared Services"; word prefix in "Payments Prod (EU)/(US)".
    const results = search(org, 'prod');
    expect(accountsOf(org, results).slice(0, 3)).toEqual([
      'Prod Shared Services',
      'Payments Prod (EU)',
      'Payments Prod (US)',
    ]);
  });

  it('ranks a word prefix above a substring', () => {
    // "lake": a word of data-lake-dev; "ling" is only inside "Billing".
    expect(accountsOf(org, search(org, 'lake'))).toEqual(['data-lake-dev']);
    const results = search(org, 'ill');
    expect(accountsOf(org, results)).toEqual(['Billing']);
  });

  it('finds a fuzzy subsequence last', () => {
    const results = search(org, 'pwrusr');
    expect(names(org, results)).toEqual(['Payments Prod (EU) / PowerUserAccess']);
  });

  it('needs every term to match something, in any field', () => {
    expect(names(org, search(org, 'pay prod power'))).toEqual(['Payments Prod (EU) / PowerUserAccess']);
    expect(names(org, search(org, 'pay admin'))).toEqual([
      'Payments Prod (US) / AdministratorAccess',
      // "pay" matches the email of Sandbox 12 (team-payments@…), a weaker field.
      'Sandbox 12 / AdministratorAccess',
    ]);
    expect(search(org, 'pay nothing-like-this').roleCount).toBe(0);
  });

  it('matches role names, emails, ids and profile names', () => {
    expect(names(org, search(org, 'dataeng'))).toEqual(['data-lake-dev / DataEngineer']);
    expect(accountsOf(org, search(org, 'team-payments@'))).toEqual(['Sandbox 12']);
    expect(accountsOf(org, search(org, '5555'))).toEqual(['Prod Shared Services']);
    // Profile names are account/role slugs: "Payments-Prod-EU/ReadOnlyAccess".
    expect(names(org, search(org, 'prod-eu/read'))).toEqual(['Payments Prod (EU) / ReadOnlyAccess']);
  });

  it('uses the profile template from the settings', () => {
    const index = buildSearchIndex(
      [inventory('corp', account('123456789012', 'Payments', ['Admin']))],
      '{session}.{account_id}.{role_name}',
    );
    expect(index.profileName(0)).toBe('corp.123456789012.Admin');
    expect(search(index, 'corp.1234').roleCount).toBe(1);
    // The lower-case forms search compares against are the names lower-cased, literals too.
    const upper = buildSearchIndex(
      [inventory('Corp', account('123456789012', 'Payments EU', ['Admin', 'Read Only']))],
      'AWS:{session}/{account_name}/{role_name}',
    );
    expect(upper.profileName(1)).toBe('AWS:Corp/Payments-EU/Read-Only');
    const names = upper.profileNames();
    expect(names.text).toEqual(['AWS:Corp/Payments-EU/Admin', 'AWS:Corp/Payments-EU/Read-Only']);
    expect(names.lower).toEqual(names.text.map((name) => name.toLowerCase()));
    // An invalid template names profiles with the default one.
    expect(
      buildSearchIndex(
        [inventory('corp', account('123456789012', 'Payments', ['Admin']))],
        '{role}',
      ).profileName(0),
    ).toBe('Payments/Admin');
  });

  it('is case-insensitive and ignores extra spaces', () => {
    expect(names(org, search(org, '  BILLING  '))).toEqual(['Billing / ReadOnlyAccess']);
  });

  it('lists everything, grouped by account in index order, for an empty query', () => {
    const results = search(org, '   ');
    expect(results.terms).toEqual([]);
    expect(results.roleCount).toBe(8);
    expect(accountsOf(org, results)).toEqual([
      'Billing',
      'Payments Prod (EU)',
      'Payments Prod (US)',
      'Sandbox 12',
      'data-lake-dev',
      'Prod Shared Services',
    ]);
  });
});

describe('grouping', () => {
  it('keeps each account once, its roles best first, groups by their best role', () => {
    const results = search(org, 'read');
    expect(accountsOf(org, results)).toEqual(['Billing', 'Payments Prod (EU)', 'data-lake-dev']);
    for (const group of results.groups) {
      const account = org.accounts[group.account];
      for (const r of group.roles) expect(org.roleAccount[r]).toBe(group.account);
      expect(account).toBeDefined();
    }
    const scores = results.groups.map((group) => group.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('lists all roles of an account whose name matches', () => {
    expect(names(org, search(org, 'data-lake'))).toEqual([
      'data-lake-dev / ReadOnlyAccess',
      'data-lake-dev / DataEngineer',
    ]);
  });

  it('lists a role once when its account is listed twice', () => {
    const index = buildSearchIndex([
      inventory(
        'corp',
        account('123456789012', 'Shared', ['Admin', 'Read', 'Admin']),
        account('123456789012', 'Shared', ['Read', 'Write']),
        account('123456789012', 'Shared', ['Write', 'Admin', 'Delete']),
      ),
    ]);
    expect(names(index, search(index, 'shared'))).toEqual([
      'Shared / Admin',
      'Shared / Read',
      'Shared / Write',
      'Shared / Delete',
    ]);
    expect(
      ['Admin', 'Read', 'Write', 'Delete', 'Other'].map((role) =>
        index.findRole('corp', '123456789012', role),
      ),
    ).toEqual([0, 1, 2, 3, -1]);
  });

  it('keeps the same account id of two sessions apart', () => {
    const index = buildSearchIndex([
      inventory('corp', account('123456789012', 'Shared', ['Admin'])),
      inventory('contractor', account('123456789012', 'Shared', ['Admin'])),
    ]);
    const results = search(index, '123456789012');
    expect(results.groups.map((group) => index.accounts[group.account]?.session)).toEqual([
      'corp',
      'contractor',
    ]);
  });
});

describe('10,000 roles', () => {
  const words = [
    'Payments',
    'Data',
    'Lake',
    'Prod',
    'Dev',
    'Staging',
    'Sandbox',
    'Identity',
    'Network',
    'Edge',
  ];
  const roleNames = ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess', 'Billing', 'DataEngineer'];
  const big: InventoryAccount[] = [];
  for (let i = 0; i < 2000; i++) {
    const name = `${words[i % 10] ?? ''} ${words[Math.floor(i / 10) % 10] ?? ''} ${i}`;
    big.push(account(String(100000000000 + i), name, roleNames));
  }
  const index = buildSearchIndex([inventory('corp', ...big)]);

  it('builds an index of every role', () => {
    expect(index.accounts).toHaveLength(2000);
    expect(index.roleCount).toBe(10_000);
    // Five permission sets in 2,000 accounts: five names to match per keystroke.
    expect(index.roleNames.map((name) => name.text)).toEqual(roleNames);
    expect(index.findRole('corp', '100000001999', 'DataEngineer')).toBe(9999);
    expect(index.findRole('corp', '100000001999', 'Nothing')).toBe(-1);
    expect(index.findRole('other', '100000001999', 'DataEngineer')).toBe(-1);
  });

  it('searches it, with the exact id first', () => {
    expect(search(index, '').roleCount).toBe(10_000);
    const results = search(index, '100000001234');
    expect(index.accounts[results.groups[0]?.account ?? -1]?.accountId).toBe('100000001234');
    expect(search(index, 'pay lake admin').roleCount).toBeGreaterThan(0);
    // The same index searched again (its kept term scores) gives the same answer.
    expect(search(index, 'prod dev').roleCount).toBe(search(index, 'prod dev').roleCount);
  });
});

describe('kept term scores', () => {
  const inventories = [
    corp,
    inventory('lab', account('666666666666', 'data-lake-prod', ['ReadOnlyAccess', 'DataEngineer'])),
  ];
  const fragments = [
    'p',
    'pa',
    'pay',
    'prod',
    'read',
    'ro',
    'adm',
    'admin',
    '12',
    '1234',
    'lake',
    'x',
    'eu',
    'pwr',
  ];
  const query = fc
    .array(fc.constantFrom(...fragments), { minLength: 0, maxLength: 3 })
    .map((terms) => terms.join(' '));

  it('answers a query the same whatever was searched before on the same index', () => {
    fc.assert(
      fc.property(fc.array(query, { minLength: 1, maxLength: 40 }), (queries) => {
        const shared = buildSearchIndex(inventories);
        for (const q of queries) {
          // A fresh index has nothing kept: the reference answer.
          expect(search(shared, q)).toEqual(search(buildSearchIndex(inventories), q));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('still answers right after more terms than it keeps', () => {
    const shared = buildSearchIndex(inventories);
    const first = search(shared, 'pay read');
    for (let n = 0; n < 60; n++) search(shared, `term${String(n)}`);
    expect(search(shared, 'pay read')).toEqual(first);
    expect(names(shared, first)).toEqual(['Payments Prod (EU) / ReadOnlyAccess']);
  });
});
