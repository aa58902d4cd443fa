/**
 * The search index over every session's inventory: one entry per account and one per role, with
 * each searchable field lower-cased once, so a keystroke only compares strings.
 */
import type { Inventory } from '../../../shared/inventory';
import { compileTemplate, defaultProfileTemplate } from './profile-name';

export interface IndexedAccount {
  readonly session: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly email: string;
  /** Why the last discovery could not list this account's roles, if it could not. */
  readonly error: string | undefined;
  readonly nameLower: string;
  readonly emailLower: string;
  /** Its roles are `roles[firstRole]` to `roles[firstRole + roleCount - 1]`. */
  readonly firstRole: number;
  readonly roleCount: number;
}

export interface IndexedRole {
  /** Index into `accounts`. */
  readonly account: number;
  readonly roleName: string;
  readonly roleLower: string;
  /** The profile name profile sync gives this role. */
  readonly profileName: string;
  readonly profileLower: string;
}

export interface SearchIndex {
  readonly accounts: readonly IndexedAccount[];
  readonly roles: readonly IndexedRole[];
  /** Role index by {@link roleKey}. */
  readonly roleByKey: ReadonlyMap<string, number>;
}

/** One key per role of one account of one session. */
export function roleKey(session: string, accountId: string, roleName: string): string {
  return `${session}\u0000${accountId}\u0000${roleName}`;
}

/**
 * Indexes the inventories in the order given (sessions in their order, accounts as each inventory
 * sorts them). `template` names the profiles; an invalid one falls back to the default.
 */
export function buildSearchIndex(
  inventories: readonly Inventory[],
  template: string = defaultProfileTemplate,
): SearchIndex {
  const compiled = compileTemplate(template);
  const fallback = compileTemplate(defaultProfileTemplate);
  const render = compiled.ok ? compiled.render : fallback.ok ? fallback.render : () => '';
  const accounts: IndexedAccount[] = [];
  const roles: IndexedRole[] = [];
  const roleByKey = new Map<string, number>();
  for (const inventory of inventories) {
    for (const account of inventory.accounts) {
      const accountIndex = accounts.length;
      const firstRole = roles.length;
      for (const roleName of account.roles) {
        const key = roleKey(inventory.session, account.accountId, roleName);
        if (roleByKey.has(key)) continue;
        const profileName = render({
          accountName: account.accountName,
          accountId: account.accountId,
          roleName,
          session: inventory.session,
        });
        roleByKey.set(key, roles.length);
        roles.push({
          account: accountIndex,
          roleName,
          roleLower: roleName.toLowerCase(),
          profileName,
          profileLower: profileName.toLowerCase(),
        });
      }
      accounts.push({
        session: inventory.session,
        accountId: account.accountId,
        accountName: account.accountName,
        email: account.emailAddress,
        error: account.error,
        nameLower: account.accountName.toLowerCase(),
        emailLower: account.emailAddress.toLowerCase(),
        firstRole,
        roleCount: roles.length - firstRole,
      });
    }
  }
  return { accounts, roles, roleByKey };
}
