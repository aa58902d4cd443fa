import { setMaxListeners } from 'node:events';
import type { SSOClient } from '@aws-sdk/client-sso';
import type { DiscoveryProgress, Inventory, InventoryAccount } from '../../../shared/inventory';
import { AppError } from '../app/app-error';
import type { Clock } from '../app/clock';
import { PortalCallError, type PacedCaller } from './paced-caller';
import { sortAccounts } from './inventory-order';
import { portalSdk } from '../portal/portal-sdk';

/** The portal's largest page (`max_result` above 100 is refused with InvalidRequestException). */
const pageSize = 100;

export interface DiscoveryOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DiscoveryProgress) => void;
  /** The inventory known before: accounts whose listing fails keep their roles from it. */
  previous?: Inventory;
}

export interface DiscoveryDeps {
  client: Pick<SSOClient, 'send'>;
  accessToken: string;
  caller: PacedCaller;
  clock: Clock;
}

/**
 * Lists every account and every role of a session, all pages, through the paced caller. Roles of
 * the first accounts are listed while later pages of accounts are still coming. A call that fails
 * for good marks its account (the others go on); an `UnauthorizedException` stops everything and
 * is thrown as a PortalCallError of kind `unauthorized`; cancelling throws `Cancelled`.
 */
export async function discoverInventory(
  session: string,
  deps: DiscoveryDeps,
  options: DiscoveryOptions = {},
): Promise<Inventory> {
  const { ListAccountRolesCommand, ListAccountsCommand } = await portalSdk();
  const stop = new AbortController();
  // Every account waiting for its turn listens on this signal: thousands in a large organisation.
  setMaxListeners(0, stop.signal);
  const onOuterAbort = (): void => {
    stop.abort(options.signal?.reason);
  };
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const signal = stop.signal;

  const accounts: InventoryAccount[] = [];
  const roleListings: Promise<void>[] = [];
  let accountsDone = 0;
  let totalKnown = false;
  let fatal: PortalCallError | undefined;
  const report = (): void => {
    options.onProgress?.({ session, accountsDone, accountsTotal: accounts.length, totalKnown });
  };
  const failFatally = (error: PortalCallError): void => {
    fatal ??= error;
    stop.abort(error);
  };

  const listRoles = async (account: InventoryAccount): Promise<void> => {
    try {
      const roles: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await deps.caller.call(
          (callSignal) =>
            deps.client.send(
              new ListAccountRolesCommand({
                accessToken: deps.accessToken,
                accountId: account.accountId,
                maxResults: pageSize,
                nextToken,
              }),
              { abortSignal: callSignal },
            ),
          signal,
        );
        for (const role of page.roleList ?? []) if (role.roleName) roles.push(role.roleName);
        nextToken = page.nextToken || undefined;
      } while (nextToken);
      account.roles = [...new Set(roles)].sort();
    } catch (error) {
      if (!(error instanceof PortalCallError)) throw error;
      if (error.kind === 'unauthorized') failFatally(error);
      else account.error = `could not list roles: ${error.summary}`;
    }
    accountsDone++;
    report();
  };

  let listingError: string | undefined;
  try {
    let nextToken: string | undefined;
    do {
      const page = await deps.caller.call(
        (callSignal) =>
          deps.client.send(
            new ListAccountsCommand({ accessToken: deps.accessToken, maxResults: pageSize, nextToken }),
            { abortSignal: callSignal },
          ),
        signal,
      );
      for (const found of page.accountList ?? []) {
        if (!found.accountId || accounts.some((known) => known.accountId === found.accountId)) continue;
        const account: InventoryAccount = {
          accountId: found.accountId,
          accountName: found.accountName ?? found.accountId,
          emailAddress: found.emailAddress ?? '',
          roles: [],
        };
        accounts.push(account);
        roleListings.push(listRoles(account));
      }
      nextToken = page.nextToken || undefined;
      totalKnown = !nextToken;
      report();
    } while (nextToken);
  } catch (error) {
    if (!(error instanceof PortalCallError)) {
      if (!signal.aborted) throw error;
    } else if (error.kind === 'unauthorized') failFatally(error);
    else listingError = `not confirmed: listing the accounts failed (${error.summary})`;
  }

  const settled = await Promise.allSettled(roleListings);
  options.signal?.removeEventListener('abort', onOuterAbort);
  if (fatal) throw fatal;
  if (options.signal?.aborted) throw new AppError('Cancelled', 'Listing the accounts was cancelled.');
  for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason;

  keepWhatFailed(accounts, options.previous, listingError);
  return {
    session,
    fetchedAt: new Date(deps.clock.now()).toISOString(),
    accounts: sortAccounts(accounts),
    complete: listingError === undefined && accounts.every((account) => account.error === undefined),
  };
}

/**
 * A partial discovery must not make roles disappear: accounts whose roles could not be listed keep
 * the roles known before, and when the account listing itself broke off, the accounts known before
 * and not seen this time stay, marked as not confirmed.
 */
function keepWhatFailed(
  accounts: InventoryAccount[],
  previous: Inventory | undefined,
  listingError: string | undefined,
): void {
  const before = new Map(previous?.accounts.map((account) => [account.accountId, account]));
  for (const account of accounts) {
    if (account.error !== undefined) account.roles = before.get(account.accountId)?.roles ?? [];
  }
  if (listingError === undefined) return;
  const seen = new Set(accounts.map((account) => account.accountId));
  for (const old of before.values()) {
    if (!seen.has(old.accountId)) accounts.push({ ...old, error: listingError });
  }
}
