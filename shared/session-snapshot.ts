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

export interface AppSnapshot {
  sessions: SessionSnapshot[];
  active: ActiveChoice | null;
}
