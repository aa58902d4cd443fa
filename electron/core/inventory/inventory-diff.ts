import type { Inventory } from '../../../shared/inventory';

/** One role of one account, as a refresh reports it. */
export interface RoleRef {
  accountId: string;
  accountName: string;
  roleName: string;
}

export interface InventoryChanges {
  added: RoleRef[];
  removed: RoleRef[];
}

/**
 * What a refresh changed, role by role. Accounts whose listing failed this time are left out of
 * the comparison: their roles are unknown, not gone.
 */
export function diffInventories(before: Inventory | undefined, after: Inventory): InventoryChanges {
  const uncertain = new Set(after.accounts.filter((a) => a.error !== undefined).map((a) => a.accountId));
  const refs = (inventory: Inventory | undefined): Map<string, RoleRef> => {
    const map = new Map<string, RoleRef>();
    for (const account of inventory?.accounts ?? []) {
      if (uncertain.has(account.accountId)) continue;
      for (const roleName of account.roles)
        map.set(`${account.accountId}/${roleName}`, {
          accountId: account.accountId,
          accountName: account.accountName,
          roleName,
        });
    }
    return map;
  };
  const old = refs(before);
  const now = refs(after);
  return {
    added: [...now].filter(([key]) => !old.has(key)).map(([, ref]) => ref),
    removed: [...old].filter(([key]) => !now.has(key)).map(([, ref]) => ref),
  };
}
