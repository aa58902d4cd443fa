/**
 * The switcher's list as flat rows for the virtualized list: section headings, account headers
 * and role rows. With an empty query: favourites, then recent choices, then every account; with a
 * query: the ranked results grouped by account. Only role rows can be selected.
 */
import type { ActiveChoice, RecentEntry, RoleEntry } from '../../../shared/session-snapshot';
import type { IndexedAccount, SearchIndex } from './search-index';
import { roleKey } from './search-index';
import type { SearchResults } from './search';

export interface AccountHeaderRow {
  readonly kind: 'account';
  readonly key: string;
  readonly session: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly email: string;
  readonly error: string | undefined;
  /** The active default profile points at one of this account's roles. */
  readonly active: boolean;
}

export interface RoleRow {
  readonly kind: 'role';
  readonly key: string;
  readonly role: RoleEntry;
  /** The generated profile name, when the role is in the index. */
  readonly profileName: string | undefined;
  readonly favourite: boolean;
  readonly active: boolean;
  /** Listed outside its account's group (favourites, recent): show the account's name too. */
  readonly showAccount: boolean;
}

export interface SectionRow {
  readonly kind: 'section';
  readonly key: string;
  readonly label: string;
}

export type ListRow = SectionRow | AccountHeaderRow | RoleRow;

export interface ListRowsInput {
  readonly index: SearchIndex;
  readonly results: SearchResults;
  readonly favourites: readonly RoleEntry[];
  readonly recent: readonly RecentEntry[];
  readonly active: ActiveChoice | null;
  /** How many recent choices to list at most. */
  readonly recentLimit?: number;
}

const keyOf = (role: RoleEntry): string => roleKey(role.session, role.accountId, role.roleName);

function isActive(active: ActiveChoice | null, role: RoleEntry): boolean {
  return (
    active !== null &&
    active.session === role.session &&
    active.accountId === role.accountId &&
    active.roleName === role.roleName
  );
}

export function buildListRows(input: ListRowsInput): ListRow[] {
  const { index, results, active } = input;
  const favouriteKeys = new Set(input.favourites.map(keyOf));
  const rows: ListRow[] = [];
  const roleRow = (role: RoleEntry, section: string, showAccount: boolean): RoleRow => {
    const key = keyOf(role);
    const indexed = index.roleByKey.get(key);
    return {
      kind: 'role',
      key: `${section}\u0000${key}`,
      role,
      profileName: indexed === undefined ? undefined : index.roles[indexed]?.profileName,
      favourite: favouriteKeys.has(key),
      active: isActive(active, role),
      showAccount,
    };
  };

  if (results.terms.length === 0) {
    if (input.favourites.length > 0) {
      rows.push({ kind: 'section', key: 'section:favourites', label: 'Favourites' });
      for (const favourite of input.favourites) rows.push(roleRow(favourite, 'favourite', true));
    }
    const recent = input.recent
      .filter((entry) => !favouriteKeys.has(keyOf(entry)))
      .slice(0, input.recentLimit ?? 5);
    if (recent.length > 0) {
      rows.push({ kind: 'section', key: 'section:recent', label: 'Recent' });
      for (const entry of recent) {
        const { usedAt: _usedAt, ...role } = entry;
        rows.push(roleRow(role, 'recent', true));
      }
    }
    if (results.groups.length > 0 && rows.length > 0)
      rows.push({ kind: 'section', key: 'section:all', label: 'All accounts' });
  }

  for (const group of results.groups) {
    const account = index.accounts[group.account];
    if (!account) continue;
    rows.push(accountHeader(account, active));
    for (const r of group.roles) {
      const role = index.roles[r];
      if (!role) continue;
      rows.push(
        roleRow(
          {
            session: account.session,
            accountId: account.accountId,
            accountName: account.accountName,
            roleName: role.roleName,
          },
          'all',
          false,
        ),
      );
    }
  }
  return rows;
}

function accountHeader(account: IndexedAccount, active: ActiveChoice | null): AccountHeaderRow {
  return {
    kind: 'account',
    key: `account\u0000${account.session}\u0000${account.accountId}`,
    session: account.session,
    accountId: account.accountId,
    accountName: account.accountName,
    email: account.email,
    error: account.error,
    active: active !== null && active.session === account.session && active.accountId === account.accountId,
  };
}

/**
 * The next selectable (role) row from `from` in `direction` (+1 down, -1 up), staying put at the
 * ends; from -1 going down finds the first role row.
 */
export function nextRoleRow(rows: readonly ListRow[], from: number, direction: 1 | -1): number {
  for (let i = from + direction; i >= 0 && i < rows.length; i += direction)
    if (rows[i]?.kind === 'role') return i;
  return from;
}

/** The first role row, or -1 when there is none. */
export function firstRoleRow(rows: readonly ListRow[]): number {
  return rows.findIndex((row) => row.kind === 'role');
}
