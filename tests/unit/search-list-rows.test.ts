// The switcher's rows: favourites then recents for an empty query, account groups for a query,
// the active role marked, and ↑/↓ moving between role rows only.
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../shared/inventory';
import type { ActiveChoice, RecentEntry, RoleEntry } from '../../shared/session-snapshot';
import { buildListRows, firstRoleRow, nextRoleRow, type ListRow } from '../../renderer/src/search/list-rows';
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
    expect(rows.map(describeRow)).toEqual([
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
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });

  it('lists only the grouped results for a query', () => {
    const rows = buildListRows({
      index,
      results: search(index, 'read'),
      favourites: [favourite],
      recent,
      active: null,
    });
    expect(rows.map(describeRow)).toEqual([
      'Billing',
      '  ReadOnlyAccess',
      'Payments Prod (EU)',
      '  ReadOnlyAccess',
    ]);
  });

  it('carries the generated profile name of each role', () => {
    const rows = buildListRows({
      index,
      results: search(index, 'power'),
      favourites: [],
      recent: [],
      active: null,
    });
    const roleRow = rows.find((row) => row.kind === 'role');
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
    const first = firstRoleRow(rows);
    expect(first).toBe(1);
    expect(nextRoleRow(rows, first, 1)).toBe(3);
    expect(nextRoleRow(rows, 3, 1)).toBe(6);
    expect(nextRoleRow(rows, 6, -1)).toBe(3);
    expect(nextRoleRow(rows, first, -1)).toBe(first);
    expect(nextRoleRow(rows, rows.length - 1, 1)).toBe(rows.length - 1);
    expect(firstRoleRow([])).toBe(-1);
  });
});
