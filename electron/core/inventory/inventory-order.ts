import type { InventoryAccount } from '../../../shared/inventory';

/** The order every view shows accounts in: by name (case-insensitive), then by id. */
export function sortAccounts(accounts: InventoryAccount[]): InventoryAccount[] {
  return accounts.sort(
    (a, b) =>
      a.accountName.localeCompare(b.accountName, 'en', { sensitivity: 'base' }) ||
      a.accountId.localeCompare(b.accountId),
  );
}
