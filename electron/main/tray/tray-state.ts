// The tray icon's state and tooltip, from the snapshot at a given moment (docs/ux.md, "Tray icon").
//
// Which session the icon speaks for (the "focus"):
//   1. the active choice's session, when it exists and has a token (active, expiring or expired);
//   2. otherwise the first session that is active, else expiring, else expired, else signing in.
// The icon is then that session's status: active, expiring (the core's word: a human must sign in
// soon; a session that renews itself stays active) or expired; signed out when there is no focus
// or it is signing in. Other sessions do not colour the icon: a session the user left to expire
// (a contractor portal used once a month) would otherwise keep it red for ever, and the
// notifications already speak for each session.
import type { AppSnapshot, SessionSnapshot } from '../../../shared/session-snapshot';
import type { TrayIconState } from '../tray-icon-paths';
import { plainText, truncate } from './menu-label';
import { statusAt, timeLeftAt } from './session-view';

// One definition of the four looks, beside the image files that draw them.
export type { TrayIconState } from '../tray-icon-paths';

/** Windows keeps 128 UTF-16 units of a notification-area tooltip, its terminating NUL included. */
export const maxTooltipLength = 127;

const focusOrder = ['active', 'expiring', 'expired', 'signing-in'] as const;

/** The session the icon and tooltip speak for (see the rules above); undefined when none. */
export function focusSession(snapshot: AppSnapshot, now: number): SessionSnapshot | undefined {
  const active = snapshot.active;
  const chosen = active ? snapshot.sessions.find((session) => session.name === active.session) : undefined;
  if (chosen) {
    const status = statusAt(chosen, now);
    if (status === 'active' || status === 'expiring' || status === 'expired') return chosen;
  }
  for (const wanted of focusOrder) {
    const found = snapshot.sessions.find((session) => statusAt(session, now) === wanted);
    if (found) return found;
  }
  return undefined;
}

/** Which icon the tray shows. */
export function trayIconState(snapshot: AppSnapshot, now: number): TrayIconState {
  const focus = focusSession(snapshot, now);
  if (!focus) return 'signed-out';
  const status = statusAt(focus, now);
  return status === 'signing-in' || status === 'signed-out' ? 'signed-out' : status;
}

function describe(session: SessionSnapshot, now: number): string {
  const name = plainText(session.name);
  switch (statusAt(session, now)) {
    case 'active':
      return `${timeLeftAt(session, now) ?? '?'} left`;
    case 'expiring':
      // The amber dot is not the only signal: the words say a sign-in is coming.
      return `${timeLeftAt(session, now) ?? '?'} left, sign in soon`;
    case 'expired':
      return `${name} session expired, sign in again`;
    case 'signing-in':
      return `signing in to ${name}…`;
    case 'signed-out':
      return `${name} signed out`;
  }
}

/**
 * The tray tooltip: "SSO Tray — Payments Prod / AdministratorAccess · 6 h 12 min left", or what
 * stands in the way ("… · corp session expired, sign in again", "SSO Tray — not signed in").
 * Plain text (no mnemonic escaping), at most {@link maxTooltipLength} characters.
 */
export function trayTooltip(snapshot: AppSnapshot, now: number): string {
  return truncate(`SSO Tray — ${tooltipBody(snapshot, now)}`, maxTooltipLength);
}

function tooltipBody(snapshot: AppSnapshot, now: number): string {
  if (snapshot.sessions.length === 0) return 'no sessions yet';
  const active = snapshot.active;
  if (active) {
    const role = `${plainText(active.accountName) || active.accountId} / ${plainText(active.roleName)}`;
    const session = snapshot.sessions.find((candidate) => candidate.name === active.session);
    return session
      ? `${role} · ${describe(session, now)}`
      : `${role} · ${plainText(active.session)} is not in the AWS config`;
  }
  const focus = focusSession(snapshot, now);
  if (!focus) return 'not signed in';
  const status = statusAt(focus, now);
  return status === 'active' || status === 'expiring'
    ? `${plainText(focus.name)} · ${describe(focus, now)}, no default role`
    : describe(focus, now);
}
