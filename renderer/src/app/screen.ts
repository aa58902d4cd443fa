/** Which screen the window shows, from the snapshot and what the user opened: pure, unit-tested. */
import type { AppSnapshot, PendingSignIn, SessionSnapshot } from '../../../shared/session-snapshot';

import type { WindowView } from '../../../shared/window-view';

/** What the user asked to see; the snapshot can override it (a sign-in in progress). */
export type RequestedView = WindowView;

export type Screen =
  | { kind: 'sign-in'; session: SessionSnapshot; pending: PendingSignIn }
  /** A sign-in that has started but has nothing to show yet (registering the client). */
  | { kind: 'sign-in-starting'; session: SessionSnapshot }
  | { kind: 'settings' }
  | { kind: 'first-run'; withForm: boolean }
  | { kind: 'switcher' };

/**
 * A sign-in in progress comes first (the user has something to do in the browser, or will in a
 * moment); then the
 * screen asked for; then first run while nothing was ever signed in to or listed; else the switcher.
 */
export function chooseScreen(snapshot: AppSnapshot, requested: RequestedView): Screen {
  for (const session of snapshot.sessions)
    if (session.pending) return { kind: 'sign-in', session, pending: session.pending };
  // Before the code or the browser page is ready: a moment, but never a flash of another screen.
  for (const session of snapshot.sessions)
    if (session.status === 'signing-in') return { kind: 'sign-in-starting', session };
  if (requested === 'settings') return { kind: 'settings' };
  if (requested === 'add-session') return { kind: 'first-run', withForm: true };
  if (needsFirstRun(snapshot)) return { kind: 'first-run', withForm: snapshot.sessions.length === 0 };
  return { kind: 'switcher' };
}

/** No session was ever signed in to (all signed out) and none has a cached inventory. */
export function needsFirstRun(snapshot: AppSnapshot): boolean {
  return (
    snapshot.sessions.every((session) => session.status === 'signed-out') &&
    snapshot.inventories.every((summary) => summary.fetchedAt === null)
  );
}
