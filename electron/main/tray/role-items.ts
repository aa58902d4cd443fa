// The role lines of the tray menu (the active role, favourites, recents) and their submenu.
import type { RoleEntry } from '../../../shared/session-snapshot';
import { menuLabel, plainText, truncate } from './menu-label';
import { roleOf } from './tray-intent';
import type { TrayMenuItem } from './tray-menu-item';

/** Account names longer than this are cut so the role name stays visible. */
const maxAccountNameLength = 48;

/** One role of one account in one session: the identity used to compare entries. */
export function roleKey(role: Pick<RoleEntry, 'session' | 'accountId' | 'roleName'>): string {
  return `${role.session}\u0000${role.accountId}\u0000${role.roleName}`;
}

function baseLabel(role: RoleEntry): string {
  const account = plainText(role.accountName) || role.accountId;
  return `${truncate(account, maxAccountNameLength)} / ${plainText(role.roleName)}`;
}

/**
 * Menu labels for the roles about to be listed, by role key: "Account / Role", with the account
 * id added when two listed roles would read the same, and the session too when even that is not
 * enough (one account reached through two sessions). Labels are escaped for Electron.
 */
export function roleLabels(roles: readonly RoleEntry[]): Map<string, string> {
  const distinct = new Map<string, RoleEntry>();
  for (const role of roles) if (!distinct.has(roleKey(role))) distinct.set(roleKey(role), role);
  const count = (labels: Iterable<string>): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    return counts;
  };
  const bases = count([...distinct.values()].map(baseLabel));
  const withId = (role: RoleEntry): string => `${baseLabel(role)} (${role.accountId})`;
  const ids = count(
    [...distinct.values()].filter((role) => (bases.get(baseLabel(role)) ?? 0) > 1).map(withId),
  );
  const labels = new Map<string, string>();
  for (const [key, role] of distinct) {
    let label = baseLabel(role);
    if ((bases.get(label) ?? 0) > 1) {
      label =
        (ids.get(withId(role)) ?? 0) > 1 ? `${label} (${role.session}, ${role.accountId})` : withId(role);
    }
    labels.set(key, menuLabel(label));
  }
  return labels;
}

/** Marks the active role's line (Electron draws no check mark on an item that opens a submenu). */
export const activeMark = '✓ ';

/**
 * A role line with its submenu. Electron fires no click on an item that opens a submenu, so
 * "Use as default" (the frequent action) comes first in the submenu rather than on the line.
 */
export function roleItem(
  entry: RoleEntry,
  label: string,
  options: { active: boolean; sessionKnown: boolean },
): TrayMenuItem {
  const role = roleOf(entry);
  const use: TrayMenuItem = options.active
    ? { kind: 'item', label: 'Use as default', enabled: false, checked: true }
    : { kind: 'item', label: 'Use as default', enabled: true, intent: { kind: 'use', role } };
  return {
    kind: 'item',
    label: options.active ? `${activeMark}${label}` : label,
    // A role whose session left the AWS config can no longer be used; it stays visible, greyed.
    enabled: options.sessionKnown,
    submenu: [
      use,
      { kind: 'item', label: 'Open console', enabled: true, intent: { kind: 'open-console', role } },
      { kind: 'item', label: 'Copy shell exports', enabled: true, intent: { kind: 'copy-exports', role } },
    ],
  };
}
