// The switcher's rows: favourites then recents for an empty query, account groups for a query,
// the active role marked, and ↑/↓ moving between role rows only.
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../shared/inventory';
import type { ActiveChoice, RecentEntry, RoleEntry } from '../../shared/session-snapshot';
import { buildListRows, type ListRow, type ListRows } from '../../renderer/src/search/list-rows';
import { search } from '../../renderer/src/search/search';
import { buildSearchIndex } from '../../renderer/src/search/search-index';

const inventory: Inventory = {
  session: 'corp',
  fetchedAt: '2030-01-01T00:00:00.000Z',
  complete: true,
  accounts: [
    {
      accountId: '111111111111',
      accountName: 'Billing',
      emailAddress: 'b@acme.example',
      roles: ['ReadOnlyAccess'],
    },
    {
      accountId: '123456789012',
      accountName: 'Payments Prod (EU)',
      emailAddress: 'p@acme.example',
      roles: ['PowerUserAccess', 'ReadOnlyAccess'],
    },
  ],
};
const index = buildSearchIndex([inventory]);
const role = (accountId: string, accountName: string, roleName: string): RoleEntry => ({
  session: 'corp',
  accountId,
  accountName,
  roleName,
});
const favourite = role('123456789012', 'Payments Prod (EU)', 'PowerUserAccess');
const recent: RecentEntry[] = [
  { ...favourite, usedAt: '2030-01-01T10:00:00.000Z' },
  { ...role('111111111111', 'Billing', 'ReadOnlyAccess'), usedAt: '2030-01-01T09:00:00.000Z' },
];
const active: ActiveChoice = {
  profile: 'default',
  session: 'corp',
  accountId: '111111111111',
  roleName: 'ReadOnlyAccess',
};

/** The rows for a query, with no favourites, recent choices or active role. */
const rowsFor = (query: string): ListRows =>
  buildListRows({ index, results: search(index, query), favourites: [], recent: [], active: null });

/** Every row's object: the list makes them on request. */
const allRows = (rows: ListRows): ListRow[] =>
  Array.from({ length: rows.length }, (_, at) => {
    const row = rows.row(at);
    if (!row) throw new Error(`row ${String(at)} is missing`);
    return row;
  });

const describeRow = (row: ListRow): string => {
  switch (row.kind) {
    case 'section':
      return `# ${row.label}`;
    case 'account':
      return `${row.accountName}${row.active ? ' (active)' : ''}`;
    case 'role':
      return `${row.showAccount ? `${row.role.accountName} / ` : '  '}${row.role.roleName}${row.favourite ? ' ★' : ''}${row.active ? ' ✓' : ''}`;
  }
};

describe('list rows', () => {
  it('lists favourites, then recent choices not already favourites, then every account', () => {
    const rows = buildListRows({
      index,
      results: search(index, ''),
      favourites: [favourite],
      recent,
      active,
    });
    expect(allRows(rows).map(describeRow)).toEqual([
      '# Favourites',
      'Payments Prod (EU) / PowerUserAccess ★',
      '# Recent',
      'Billing / ReadOnlyAccess ✓',
      '# All accounts',
      'Billing (active)',
      '  ReadOnlyAccess ✓',
      'Payments Prod (EU)',
      '  PowerUserAccess ★',
      '  ReadOnlyAccess',
    ]);
    expect(new Set(allRows(rows).map((row) => row.key)).size).toBe(rows.length);
    // The key alone (what finding the selection compares) is the row's key.
    expect(allRows(rows).map((row) => row.key)).toEqual(
      Array.from({ length: rows.length }, (_, at) => rows.key(at)),
    );
    expect(allRows(rows).map((row) => row.kind)).toEqual(
      Array.from({ length: rows.length }, (_, at) => rows.kind(at)),
    );
  });

  it('lists only the grouped results for a query', () => {
    const rows = buildListRows({
      index,
      results: search(index, 'read'),
      favourites: [favourite],
      recent,
      active: null,
    });
    expect(allRows(rows).map(describeRow)).toEqual([
      'Billing',
      '  ReadOnlyAccess',
      'Payments Prod (EU)',
      '  ReadOnlyAccess',
    ]);
  });

  it('carries the generated profile name of each role', () => {
    const rows = rowsFor('power');
    const roleRow = allRows(rows).find((row) => row.kind === 'role');
    expect(roleRow?.kind === 'role' ? roleRow.profileName : undefined).toBe(
      'Payments-Prod-EU/PowerUserAccess',
    );
  });

  it('moves between role rows only, and stays put at the ends', () => {
    const rows = buildListRows({
      index,
      results: search(index, ''),
      favourites: [favourite],
      recent,
      active,
    });
    const first = rows.firstRole();
    expect(first).toBe(1);
    expect(rows.nextRole(first, 1)).toBe(3);
    expect(rows.nextRole(3, 1)).toBe(6);
    expect(rows.nextRole(6, -1)).toBe(3);
    expect(rows.nextRole(first, -1)).toBe(first);
    expect(rows.nextRole(rows.length - 1, 1)).toBe(rows.length - 1);
    const none = rowsFor('no such thing');
    expect(none.length).toBe(0);
    expect(none.firstRole()).toBe(-1);
  });

  it('finds a row by its key after the list changed, trying its last place first', () => {
    const everything = rowsFor('');
    const readOnly = allRows(everything).findIndex(
      (row) =>
        row.kind === 'role' &&
        row.role.accountName === 'Payments Prod (EU)' &&
        row.role.roleName === 'ReadOnlyAccess',
    );
    const key = everything.key(readOnly);
    expect(everything.indexOf(key, readOnly)).toBe(readOnly);
    // A wrong hint still finds it; a query that drops it loses it.
    expect(everything.indexOf(key, 0)).toBe(readOnly);
    const narrowed = rowsFor('payments read');
    expect(narrowed.row(narrowed.indexOf(key, readOnly))).toMatchObject({ kind: 'role', key });
    const elsewhere = rowsFor('billing');
    expect(elsewhere.indexOf(key, readOnly)).toBe(-1);
    expect(everything.row(everything.length)).toBeUndefined();
  });

  it('gives a pinned role the profile name of the indexed role, and none to a role no longer listed', () => {
    const gone = role('999999999999', 'Closed', 'Admin');
    const rows = buildListRows({
      index,
      results: search(index, ''),
      favourites: [favourite, gone],
      recent: [],
      active: null,
    });
    expect(
      allRows(rows).flatMap((row) => (row.kind === 'role' && row.showAccount ? [row.profileName] : [])),
    ).toEqual(['Payments-Prod-EU/PowerUserAccess', undefined]);
  });
});
