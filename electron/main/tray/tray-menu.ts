// The tray menu, built from the core's snapshot by a pure function (no Electron), so every state
// is unit-tested as a readable golden file. Layout and wording follow docs/ux.md ("Tray menu").
// Nothing here grows with the organisation: only the active role, favourites and recents are
// listed (each capped), and searching belongs to the switcher window.
import type { AppSnapshot, RoleEntry, SessionSnapshot } from '../../../shared/session-snapshot';
import { formatCount, menuLabel } from './menu-label';
import { roleItem, roleKey, roleLabels } from './role-items';
import { isSignedIn, needsSignIn, statusAt, timeLeftAt } from './session-view';
import type { TrayMenuAction, TrayMenuItem } from './tray-menu-item';

export interface TrayMenuOptions {
  /** Recent choices listed after the favourites (default 5). */
  maxRecent?: number;
  /** Favourites listed before "N more favourites…" (default 10). */
  maxFavourites?: number;
  /** The switcher's global shortcut, shown beside "Switch account…" (Electron accelerator). */
  switcherAccelerator?: string;
}

export const defaultMaxRecent = 5;
export const defaultMaxFavourites = 10;

const separator: TrayMenuItem = { kind: 'separator' };

const footer: TrayMenuItem[] = [
  { kind: 'item', label: 'Settings…', enabled: true, intent: { kind: 'open-settings' } },
  { kind: 'item', label: 'Quit SSO Tray', enabled: true, intent: { kind: 'quit' } },
];

/**
 * The tray menu for a snapshot at `now` (ms since the epoch): the active role (checked) and its
 * session's time left; favourites; recent choices not already shown; "Switch account…"; each
 * session with its status and actions; Settings; Quit. Deterministic: sessions keep the snapshot's
 * order (the AWS config's), favourites the user's order, recents most recent first.
 */
export function buildTrayMenu(
  snapshot: AppSnapshot,
  now: number,
  options: TrayMenuOptions = {},
): TrayMenuItem[] {
  if (snapshot.sessions.length === 0) {
    return [
      { kind: 'item', label: 'No sessions yet', enabled: false },
      { kind: 'item', label: 'Add a session…', enabled: true, intent: { kind: 'add-session' } },
      separator,
      ...footer,
    ];
  }
  const sessions = new Map(snapshot.sessions.map((session) => [session.name, session]));
  const picked = pickRoles(snapshot, options);
  // One labelling pass over every role shown, so the same role reads the same everywhere.
  const labels = roleLabels([
    ...(snapshot.active ? [snapshot.active] : []),
    ...picked.favourites,
    ...picked.recents,
  ]);
  const line = (entry: RoleEntry): TrayMenuItem =>
    roleItem(entry, labels.get(roleKey(entry)) ?? '', {
      active: snapshot.active !== null && roleKey(entry) === roleKey(snapshot.active),
      sessionKnown: sessions.has(entry.session),
    });
  const roles = roleSections(picked, line);
  const switcher: TrayMenuAction = {
    kind: 'item',
    label: 'Switch account…',
    enabled: true,
    intent: { kind: 'open-switcher' },
    ...(options.switcherAccelerator ? { accelerator: options.switcherAccelerator } : {}),
  };
  return [
    ...activeSection(snapshot, sessions, line, now),
    separator,
    ...(roles.length > 0 ? [...roles, separator] : []),
    switcher,
    separator,
    ...snapshot.sessions.map((session) => sessionItem(session, snapshot, now)),
    separator,
    ...footer,
  ];
}

/** The checked active role and, under it, its session's state (a one-click sign-in when needed). */
function activeSection(
  snapshot: AppSnapshot,
  sessions: ReadonlyMap<string, SessionSnapshot>,
  line: (entry: RoleEntry) => TrayMenuItem,
  now: number,
): TrayMenuItem[] {
  const active = snapshot.active;
  if (!active) {
    const anySignedIn = snapshot.sessions.some((session) => isSignedIn(statusAt(session, now)));
    return [
      { kind: 'item', label: anySignedIn ? 'No default role chosen' : 'Not signed in', enabled: false },
    ];
  }
  return [line(active), activeSessionLine(active.session, sessions.get(active.session), now)];
}

function activeSessionLine(name: string, session: SessionSnapshot | undefined, now: number): TrayMenuItem {
  if (!session) return { kind: 'item', label: menuLabel(`${name} · not in the AWS config`), enabled: false };
  const status = statusAt(session, now);
  const left = timeLeftAt(session, now);
  const state =
    status === 'signed-out'
      ? 'signed out'
      : status === 'signing-in'
        ? 'signing in…'
        : status === 'expired'
          ? 'session expired'
          : `${left ?? '?'} left${session.refreshable ? ', renews itself' : ''}`;
  if (needsSignIn(session, now)) {
    return {
      kind: 'item',
      label: menuLabel(`${name} · ${state} — Sign in`),
      enabled: true,
      intent: { kind: 'sign-in', session: name },
    };
  }
  return { kind: 'item', label: menuLabel(`${name} · ${state}`), enabled: false };
}

interface PickedRoles {
  favourites: RoleEntry[];
  /** Distinct favourites beyond the cap, reached through the switcher. */
  hiddenFavourites: number;
  recents: RoleEntry[];
}

/**
 * Favourites (deduplicated, at most `maxFavourites`) and recents (deduplicated against each other,
 * the active role and the favourites shown, at most `maxRecent`). The active role stays among the
 * favourites (a list the user arranged keeps its shape) but not among the recents, where it would
 * only repeat the top line. The recents loop stops early, so thousands of entries cost little.
 */
function pickRoles(snapshot: AppSnapshot, options: TrayMenuOptions): PickedRoles {
  const maxFavourites = Math.max(0, options.maxFavourites ?? defaultMaxFavourites);
  const maxRecent = Math.max(0, options.maxRecent ?? defaultMaxRecent);

  const favouriteKeys = new Set<string>();
  const favourites: RoleEntry[] = [];
  for (const favourite of snapshot.favourites) {
    const key = roleKey(favourite);
    if (favouriteKeys.has(key)) continue;
    favouriteKeys.add(key);
    if (favourites.length < maxFavourites) favourites.push(favourite);
  }

  const shown = new Set(favourites.map(roleKey));
  if (snapshot.active) shown.add(roleKey(snapshot.active));
  const recents: RoleEntry[] = [];
  for (const recent of snapshot.recent) {
    if (recents.length >= maxRecent) break;
    const key = roleKey(recent);
    if (shown.has(key)) continue;
    shown.add(key);
    recents.push(recent);
  }
  return { favourites, hiddenFavourites: favouriteKeys.size - favourites.length, recents };
}

/** The Favourites and Recent sections; a "N more favourites…" line opens the switcher. */
function roleSections(picked: PickedRoles, line: (entry: RoleEntry) => TrayMenuItem): TrayMenuItem[] {
  const { favourites, hiddenFavourites, recents } = picked;
  const items: TrayMenuItem[] = [];
  if (favourites.length > 0 || hiddenFavourites > 0) {
    items.push({ kind: 'header', label: 'Favourites' }, ...favourites.map(line));
    if (hiddenFavourites > 0) {
      items.push({
        kind: 'item',
        label: `${formatCount(hiddenFavourites)} more favourite${hiddenFavourites === 1 ? '' : 's'}…`,
        enabled: true,
        intent: { kind: 'open-switcher' },
      });
    }
  }
  if (recents.length > 0) items.push({ kind: 'header', label: 'Recent' }, ...recents.map(line));
  return items;
}

/** A session's line ("corp — signed in · 7 h 12 min left") and its actions. */
function sessionItem(session: SessionSnapshot, snapshot: AppSnapshot, now: number): TrayMenuItem {
  const name = session.name;
  const status = statusAt(session, now);
  if (status === 'signing-in') {
    const code = session.pending?.userCode;
    const how = code ? `code ${code}` : 'finish in your browser';
    return { kind: 'item', label: menuLabel(`${name} — signing in… (${how})`), enabled: false };
  }
  const left = timeLeftAt(session, now) ?? '?';
  const renews = session.refreshable ? ', renews itself' : '';
  const state =
    status === 'active'
      ? `signed in · ${left} left${renews}`
      : status === 'expiring'
        ? `expiring · ${left} left${renews}`
        : status === 'expired'
          ? 'expired'
          : 'signed out';

  const submenu: TrayMenuItem[] = [];
  if (needsSignIn(session, now)) {
    submenu.push({
      kind: 'item',
      label: 'Sign in',
      enabled: true,
      intent: { kind: 'sign-in', session: name },
    });
  }
  if (isSignedIn(status)) {
    const progress = snapshot.inventories.find((inventory) => inventory.session === name)?.progress;
    submenu.push(
      progress
        ? {
            kind: 'item',
            label: `Listing accounts… ${formatCount(progress.accountsDone)} of ${formatCount(progress.accountsTotal)}${progress.totalKnown ? '' : '+'}`,
            enabled: false,
          }
        : {
            kind: 'item',
            label: 'Refresh accounts',
            enabled: true,
            intent: { kind: 'refresh-accounts', session: name },
          },
      { kind: 'item', label: 'Sign out', enabled: true, intent: { kind: 'sign-out', session: name } },
    );
  }
  return { kind: 'item', label: menuLabel(`${name} — ${state}`), enabled: true, submenu };
}
