import type { Core } from '../core/app/create-core';
import type { RoleChoice } from '../core/switching/role-selector';

const directSelector = /^(\d{12})\/([\w+=,.@-]{1,64})$/;

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
  const direct = directSelector.exec(selector);
  if (session !== undefined && direct) {
    core.sessions.session(session); // an unknown session fails here, with the sessions listed
    const [, accountId = '', roleName = ''] = direct;
    return { session, accountId, accountName: accountId, roleName };
  }
  return core.switcher.resolve(selector, session);
}
