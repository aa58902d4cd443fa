import type { IniDocument } from '../aws-files/ini-document';
import { parseSectionHeader } from '../aws-files/section-header';
import type { RoleRef } from '../credentials/role-credentials';
import { roleOfCredentialProcessLine } from '../profiles/credential-process-line';

/**
 * The profiles of the AWS config that sign in as a role through its session (SSO keys, or an
 * SSO Tray credential_process line): generated ones and the user's own, in file order. `sso-tray env` exports the first as AWS_PROFILE.
 */
export function profilesForRole(document: IniDocument, role: RoleRef): string[] {
  const names: string[] = [];
  for (const section of document.sections()) {
    const name = parseSectionHeader(section.header);
    if (name.kind !== 'profile') continue;
    const entries = document.entries(section);
    const viaSso =
      entries.get('sso_account_id') === role.accountId &&
      entries.get('sso_role_name') === role.roleName &&
      (entries.get('sso_session') === role.session || entries.get('sso_start_url') === role.session);
    const viaProcess = roleOfCredentialProcessLine(entries.get('credential_process') ?? '');
    const sameRole =
      viaProcess?.session === role.session &&
      viaProcess.accountId === role.accountId &&
      viaProcess.roleName === role.roleName;
    if (viaSso || sameRole) names.push(name.name);
  }
  return [...new Set(names)];
}
