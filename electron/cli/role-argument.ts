import type { Core } from '../core/app/create-core';
import type { RoleRef } from '../core/credentials/role-credentials';
import type { RoleChoice } from '../core/switching/role-selector';

const directSelector = /^(\d{12})\/([\w+=,.@-]{1,64})$/;

/** `--session S ACCOUNTID/ROLE` names a role without any lookup; undefined for other selectors. */
export function directRole(selector: string, session: string | undefined): RoleRef | undefined {
  const direct = directSelector.exec(selector);
  if (session === undefined || !direct) return undefined;
  const [, accountId = '', roleName = ''] = direct;
  return { session, accountId, roleName };
}

/**
 * The role a command names. With --session and `ACCOUNTID/ROLE` (what the credential_process
 * lines SSO Tray writes use) no inventory is needed: GetRoleCredentials itself says whether the
 * role exists. Anything else is resolved against the sessions' inventories.
 */
export async function resolveRole(
  core: Core,
  selector: string,
  session: string | undefined,
): Promise<RoleChoice> {
  const direct = directRole(selector, session);
  if (direct) {
    core.sessions.session(direct.session); // an unknown session fails here, with the sessions listed
    return { ...direct, accountName: direct.accountId };
  }
  return core.switcher.resolve(selector, session);
}
