// How the tray reads a session from the snapshot at a given moment. The snapshot is published on
// change, not every second, so a token that ran out since the last publication is shown as expired
// here. The lead time that makes a session `expiring` is the core's: the tray does not second-guess it.
import type { SessionSnapshot, SessionStatus } from '../../../shared/session-snapshot';
import { timeLeft } from '../../../shared/time-left';

/** The session's status, corrected for a token that expired since the snapshot was taken. */
export function statusAt(session: SessionSnapshot, now: number): SessionStatus {
  if ((session.status === 'active' || session.status === 'expiring') && session.expiresAt !== null) {
    const expiresAtMs = Date.parse(session.expiresAt);
    if (!Number.isNaN(expiresAtMs) && expiresAtMs <= now) return 'expired';
  }
  return session.status;
}

/** "7 h 12 min" while the session lasts; undefined when it has no (valid) expiry. */
export function timeLeftAt(session: SessionSnapshot, now: number): string | undefined {
  if (session.expiresAt === null) return undefined;
  const expiresAtMs = Date.parse(session.expiresAt);
  return Number.isNaN(expiresAtMs) ? undefined : timeLeft(expiresAtMs, now);
}

/**
 * Whether only the user can keep this session going: it is signed out or expired, or it will
 * expire soon and SSO Tray cannot refresh it.
 */
export function needsSignIn(session: SessionSnapshot, now: number): boolean {
  const status = statusAt(session, now);
  return status === 'signed-out' || status === 'expired' || (status === 'expiring' && !session.refreshable);
}

/** Whether the session has a token that works now. */
export function isSignedIn(status: SessionStatus): boolean {
  return status === 'active' || status === 'expiring';
}
