// What a click in the tray menu asks for. The menu builder attaches one to each actionable item;
// the main process routes it to the core. Plain data (no callbacks), so menus can be compared,
// logged and golden-tested.
import type { RoleEntry } from '../../../shared/session-snapshot';

export type TrayIntent =
  /** Point the target profile at this role (the menu's "Use as default"). */
  | { kind: 'use'; role: RoleEntry }
  | { kind: 'open-console'; role: RoleEntry }
  /** Put `export AWS_…=…` lines for this role on the clipboard. */
  | { kind: 'copy-exports'; role: RoleEntry }
  /** Start (or restart) an interactive sign-in for the named session. */
  | { kind: 'sign-in'; session: string }
  | { kind: 'sign-out'; session: string }
  /** Run account and role discovery again for the named session. */
  | { kind: 'refresh-accounts'; session: string }
  /** Open the switcher window (where searching happens). */
  | { kind: 'open-switcher' }
  /** Open the window on the form that adds an sso-session (there is none yet). */
  | { kind: 'add-session' }
  | { kind: 'open-settings' }
  | { kind: 'quit' };

export type TrayIntentKind = TrayIntent['kind'];

/** The role alone, without what a snapshot entry carries besides it (a recent's `usedAt`). */
export function roleOf(entry: RoleEntry): RoleEntry {
  return {
    session: entry.session,
    accountId: entry.accountId,
    accountName: entry.accountName,
    roleName: entry.roleName,
  };
}
