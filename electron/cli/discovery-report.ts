import type { DiscoveryProgress, Inventory } from '../../shared/inventory';
import type { InventoryChanges } from '../core/inventory/inventory-diff';
import type { OutputStream } from './command';

/**
 * Draws "Listing accounts: 120 of 800" on a terminal's stderr, rewriting one line; draws nothing
 * when stderr is a pipe or a file. Returns the progress callback and a function that clears the line.
 */
export function progressLine(stderr: OutputStream): {
  onProgress: (progress: DiscoveryProgress) => void;
  done: () => void;
} {
  if (!stderr.isTTY) return { onProgress: () => undefined, done: () => undefined };
  let drawn = false;
  return {
    onProgress({ accountsDone, accountsTotal, totalKnown }) {
      drawn = true;
      stderr.write(`\r\x1b[KListing accounts: ${accountsDone} of ${accountsTotal}${totalKnown ? '' : '+'}`);
    },
    done() {
      if (drawn) stderr.write('\r\x1b[K');
    },
  };
}

/** Warnings for a partial discovery: one line per account that could not be listed. */
export function partialWarnings(inventory: Inventory): string[] {
  return inventory.accounts
    .filter((account) => account.error !== undefined)
    .map(
      (account) =>
        `${account.accountName} (${account.accountId}): ${account.error ?? ''}; showing the roles known before`,
    );
}

/** "2 roles added: Prod/Admin, Prod/ReadOnly" and the like, at most a few names per line. */
export function changeLines(changes: InventoryChanges): string[] {
  const lines: string[] = [];
  const name = (ref: { accountName: string; roleName: string }): string =>
    `${ref.accountName}/${ref.roleName}`;
  const list = (refs: { accountName: string; roleName: string }[]): string =>
    refs.length > 5
      ? `${refs.slice(0, 5).map(name).join(', ')} and ${refs.length - 5} more`
      : refs.map(name).join(', ');
  if (changes.added.length > 0)
    lines.push(
      `${changes.added.length} role${changes.added.length === 1 ? '' : 's'} added: ${list(changes.added)}`,
    );
  if (changes.removed.length > 0)
    lines.push(
      `${changes.removed.length} role${changes.removed.length === 1 ? '' : 's'} removed: ${list(changes.removed)}`,
    );
  return lines;
}
