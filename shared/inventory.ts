/**
 * What a session can reach: its accounts and, for each, the roles the user may assume. Nothing
 * secret: it is cached in the app data (`<SSO_TRAY_HOME>/inventory/`) and crosses IPC as it is.
 */
export interface InventoryAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  /** Role names, sorted. */
  roles: string[];
  /**
   * Why this account's roles could not be listed in the last discovery (throttled for too long, a
   * server error); its roles are then the ones known before, or none.
   */
  error?: string;
}

export interface Inventory {
  session: string;
  /** When the discovery that produced it finished (ISO-8601). */
  fetchedAt: string;
  /** Sorted by account name, then id. */
  accounts: InventoryAccount[];
  /** False when some account's roles could not be listed (see each account's `error`). */
  complete: boolean;
}

/** Discovery progress: accounts whose roles are listed, of the accounts found so far. */
export interface DiscoveryProgress {
  session: string;
  accountsDone: number;
  accountsTotal: number;
  /** False while more pages of ListAccounts may add accounts to the total. */
  totalKnown: boolean;
}
