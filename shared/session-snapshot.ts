/**
 * The state the core publishes and every view renders (the tray menu, the window, `sso-tray
 * status`). Serializable: it crosses IPC as it is. Times are ISO-8601 strings.
 */
export type SessionStatus = 'signed-out' | 'signing-in' | 'active' | 'expiring' | 'expired';

/** What the user must do to finish a sign-in in progress. */
export interface PendingSignIn {
  /** The device code to confirm (device flow only). */
  userCode?: string;
  /** The page to open: the device verification page, or the authorize URL (PKCE). */
  verificationUri: string;
  /** Until when the code or the wait is good. */
  expiresAt: string;
}

export interface SessionSnapshot {
  name: string;
  startUrl: string;
  region: string;
  status: SessionStatus;
  /** When the access token expires; null when signed out. */
  expiresAt: string | null;
  /** Whether SSO Tray can renew the token without the user (it has a refresh token). */
  refreshable: boolean;
  /** True for a legacy profile with `sso_start_url` and no sso-session (no refresh tokens). */
  legacy: boolean;
  pending?: PendingSignIn;
}

export interface ActiveChoice {
  profile: string;
  session: string;
  accountId: string;
  roleName: string;
}

/** One role of one account in one session, as the menu and the window list it. */
export interface RoleEntry {
  session: string;
  accountId: string;
  accountName: string;
  roleName: string;
}

/** A role the user switched to, most recent first. */
export interface RecentEntry extends RoleEntry {
  /** ISO-8601. */
  usedAt: string;
}

/** What the views need to know of a session's inventory; the roles themselves come on request. */
export interface InventorySummary {
  session: string;
  /** When the last discovery finished (ISO-8601); null when the session was never listed. */
  fetchedAt: string | null;
  accounts: number;
  roles: number;
  /** False when some accounts could not be listed last time. */
  complete: boolean;
  /** Set while a discovery runs. */
  progress: { accountsDone: number; accountsTotal: number; totalKnown: boolean } | null;
}

export interface AppSnapshot {
  sessions: SessionSnapshot[];
  /** The role the target profile points at (set by `use`), with its account's name when known. */
  active: (ActiveChoice & { accountName: string }) | null;
  recent: RecentEntry[];
  favourites: RoleEntry[];
  inventories: InventorySummary[];
}
