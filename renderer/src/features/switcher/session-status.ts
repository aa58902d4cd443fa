/** How a session's line in the status bar reads: pure, so it is unit-tested. */
import type { InventorySummary, SessionSnapshot } from '../../../../shared/session-snapshot';
import { timeLeft } from '../../../../shared/time-left';

export interface SessionStatusText {
  /** "7 h 12 min left", "expired", "signed out", "signing in…". */
  readonly state: string;
  /** "updated 2 min ago", or "never listed". */
  readonly updated: string;
  /** What the line's button does. */
  readonly action: 'refresh' | 'sign-in' | 'none';
}

export function ago(thenMs: number, nowMs: number): string {
  const minutes = Math.floor((nowMs - thenMs) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

export function sessionStatusText(
  session: SessionSnapshot,
  summary: InventorySummary | undefined,
  nowMs: number,
): SessionStatusText {
  const updated = summary?.fetchedAt
    ? `updated ${ago(Date.parse(summary.fetchedAt), nowMs)}`
    : 'never listed';
  switch (session.status) {
    case 'active':
    case 'expiring': {
      const left = session.expiresAt ? timeLeft(Date.parse(session.expiresAt), nowMs) : '';
      const state =
        left === ''
          ? 'signed in'
          : left === 'expired'
            ? 'expired'
            : `${left} left${session.status === 'expiring' ? ' (expiring soon)' : ''}`;
      return { state, updated, action: left === 'expired' ? 'sign-in' : 'refresh' };
    }
    case 'expired':
      return { state: 'expired', updated, action: 'sign-in' };
    case 'signed-out':
      return { state: 'signed out', updated, action: 'sign-in' };
    case 'signing-in':
      return { state: 'signing in…', updated, action: 'none' };
  }
}

/** "120 of 800 accounts", or "120 of 800+ accounts" while more pages may add to the total. */
export function progressText(progress: NonNullable<InventorySummary['progress']>): string {
  return `${progress.accountsDone} of ${progress.accountsTotal}${progress.totalKnown ? '' : '+'} accounts`;
}
