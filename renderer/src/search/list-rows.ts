/**
 * The switcher's list as flat rows for the virtualized list: section headings, account headers
 * and role rows. With an empty query: favourites, then recent choices, then every account; with a
 * query: the ranked results grouped by account. Only role rows can be selected.
 *
 * Ten thousand roles make twelve thousand rows, and only the twenty on screen are ever looked at:
 * the list keeps each row as a kind and a number in typed arrays, and makes a row's object when
 * it is asked for.
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
export type RowKind = ListRow['kind'];

export interface ListRowsInput {
  readonly index: SearchIndex;
  readonly results: SearchResults;
  readonly favourites: readonly RoleEntry[];
  readonly recent: readonly RecentEntry[];
  readonly active: ActiveChoice | null;
  /** How many recent choices to list at most. */
  readonly recentLimit?: number;
}

const kindCodes: readonly RowKind[] = ['section', 'account', 'role'];
const sectionCode = 0;
const accountCode = 1;
const roleCode = 2;

/** A role listed above the accounts (a favourite or a recent choice). */
interface PinnedRole {
  readonly section: 'favourite' | 'recent';
  readonly role: RoleEntry;
}

const keyOf = (role: Pick<RoleEntry, 'session' | 'accountId' | 'roleName'>): string =>
  roleKey(role.session, role.accountId, role.roleName);

/** Row keys: a role's includes its section, since a favourite is also listed under its account. */
const sectionRowKey = (label: string): string => `section:${label}`;
const accountRowKey = (account: Pick<IndexedAccount, 'session' | 'accountId'>): string =>
  `account\u0000${account.session}\u0000${account.accountId}`;
const roleRowKey = (section: string, key: string): string => `${section}\u0000${key}`;

export class ListRows {
  constructor(
    private readonly index: SearchIndex,
    private readonly active: ActiveChoice | null,
    private readonly favouriteKeys: ReadonlySet<string>,
    /** Per row, its kind's code. */
    private readonly kinds: Uint8Array,
    /**
     * Per row: a section's label (index into `labels`), an account (index into the index's
     * accounts), a role of the index (>= 0) or a pinned role (-1 - its index in `pinned`).
     */
    private readonly refs: Int32Array,
    private readonly labels: readonly string[],
    private readonly pinned: readonly PinnedRole[],
  ) {}

  get length(): number {
    return this.kinds.length;
  }

  kind(at: number): RowKind | undefined {
    return kindCodes[this.kinds[at] ?? -1];
  }

  /** The row's object, made on request. */
  row(at: number): ListRow | undefined {
    const ref = this.refs[at] ?? 0;
    switch (this.kinds[at]) {
      case sectionCode: {
        const label = this.labels[ref] ?? '';
        return { kind: 'section', key: sectionRowKey(label), label };
      }
      case accountCode: {
        const account = this.index.accounts[ref];
        return account ? accountHeader(account, this.active) : undefined;
      }
      case roleCode:
        return ref >= 0 ? this.indexedRoleRow(ref) : this.pinnedRoleRow(this.pinned[-1 - ref]);
      default:
        return undefined;
    }
  }

  /** The row's key (stable across searches for the same row), without making the row. */
  key(at: number): string {
    const ref = this.refs[at] ?? 0;
    switch (this.kinds[at]) {
      case sectionCode:
        return sectionRowKey(this.labels[ref] ?? '');
      case accountCode: {
        const account = this.index.accounts[ref];
        return account ? accountRowKey(account) : String(at);
      }
      case roleCode: {
        if (ref < 0) {
          const pinned = this.pinned[-1 - ref];
          return pinned ? roleRowKey(pinned.section, keyOf(pinned.role)) : String(at);
        }
        const account = this.index.accountOf(ref);
        if (!account) return String(at);
        const roleName = this.index.roleName(ref);
        return roleRowKey('all', roleKey(account.session, account.accountId, roleName));
      }
      default:
        return String(at);
    }
  }

  /**
   * Where the row with this key is now, or -1; `hint` is where it was (checked first, so moving
   * the selection does not scan the list).
   */
  indexOf(key: string, hint = -1): number {
    if (hint >= 0 && hint < this.length && this.key(hint) === key) return hint;
    for (let at = 0; at < this.length; at++) if (this.key(at) === key) return at;
    return -1;
  }

  /** The first role row, or -1 when there is none. */
  firstRole(): number {
    return this.kinds.indexOf(roleCode);
  }

  /**
   * The next role row from `from` in `direction` (+1 down, -1 up), staying put at the ends; from
   * -1 going down finds the first role row.
   */
  nextRole(from: number, direction: 1 | -1): number {
    for (let at = from + direction; at >= 0 && at < this.length; at += direction)
      if (this.kinds[at] === roleCode) return at;
    return from;
  }

  private indexedRoleRow(r: number): RoleRow | undefined {
    const account = this.index.accountOf(r);
    if (!account) return undefined;
    const role: RoleEntry = {
      session: account.session,
      accountId: account.accountId,
      accountName: account.accountName,
      roleName: this.index.roleName(r),
    };
    return this.roleRow(role, 'all', r, false);
  }

  private pinnedRoleRow(pinned: PinnedRole | undefined): RoleRow | undefined {
    if (!pinned) return undefined;
    const { role } = pinned;
    return this.roleRow(
      role,
      pinned.section,
      this.index.findRole(role.session, role.accountId, role.roleName),
      true,
    );
  }

  private roleRow(role: RoleEntry, section: string, indexed: number, showAccount: boolean): RoleRow {
    const key = keyOf(role);
    return {
      kind: 'role',
      key: roleRowKey(section, key),
      role,
      profileName: indexed >= 0 ? this.index.profileName(indexed) : undefined,
      favourite: this.favouriteKeys.has(key),
      active:
        this.active !== null &&
        this.active.session === role.session &&
        this.active.accountId === role.accountId &&
        this.active.roleName === role.roleName,
      showAccount,
    };
  }
}

export function buildListRows(input: ListRowsInput): ListRows {
  const { index, results } = input;
  const favouriteKeys = new Set(input.favourites.map(keyOf));
  const labels: string[] = [];
  const pinned: PinnedRole[] = [];
  let count = results.roleCount;
  if (results.terms.length === 0) {
    for (const favourite of input.favourites) pinned.push({ section: 'favourite', role: favourite });
    const recent = input.recent
      .filter((entry) => !favouriteKeys.has(keyOf(entry)))
      .slice(0, input.recentLimit ?? 5);
    for (const { usedAt: _usedAt, ...role } of recent) pinned.push({ section: 'recent', role });
    count += index.accounts.length + pinned.length + 3;
  } else count += results.groups.length;
  const kinds = new Uint8Array(count);
  const refs = new Int32Array(count);
  let at = 0;
  const section = (label: string): void => {
    kinds[at] = sectionCode;
    refs[at++] = labels.length;
    labels.push(label);
  };

  if (results.terms.length === 0) {
    let sections = 0;
    for (const [which, label] of [
      ['favourite', 'Favourites'],
      ['recent', 'Recent'],
    ] as const) {
      if (!pinned.some((entry) => entry.section === which)) continue;
      section(label);
      sections++;
      pinned.forEach((entry, p) => {
        if (entry.section !== which) return;
        kinds[at] = roleCode;
        refs[at++] = -1 - p;
      });
    }
    if (sections > 0 && index.accounts.length > 0) section('All accounts');
    // Every account in index order, each with its roles: walked straight from the index.
    for (let a = 0; a < index.accounts.length; a++) {
      const account = index.accounts[a];
      if (!account) continue;
      kinds[at] = accountCode;
      refs[at++] = a;
      for (let r = account.firstRole; r < account.firstRole + account.roleCount; r++) {
        kinds[at] = roleCode;
        refs[at++] = r;
      }
    }
  } else {
    for (const group of results.groups) {
      kinds[at] = accountCode;
      refs[at++] = group.account;
      for (const r of group.roles) {
        kinds[at] = roleCode;
        refs[at++] = r;
      }
    }
  }
  return new ListRows(
    index,
    input.active,
    favouriteKeys,
    kinds.subarray(0, at),
    refs.subarray(0, at),
    labels,
    pinned,
  );
}

function accountHeader(account: IndexedAccount, active: ActiveChoice | null): AccountHeaderRow {
  return {
    kind: 'account',
    key: accountRowKey(account),
    session: account.session,
    accountId: account.accountId,
    accountName: account.accountName,
    email: account.email,
    error: account.error,
    active: active !== null && active.session === account.session && active.accountId === account.accountId,
  };
}
