import { AppError } from '../app/app-error';
import type { Settings } from '../app/settings';
import type { RoleRef } from '../credentials/role-credentials';
import { commandWordProblem, credentialProcessLine } from '../profiles/credential-process-line';

/**
 * How the profiles SSO Tray writes get their credentials. With the token mirrored into the AWS
 * CLI's cache (the default), `sso_session` profiles: the AWS CLI and SDKs sign in by themselves.
 * With tokens in the keychain only, they cannot: the profiles then call `sso-tray
 * credential-process` instead. Returns the line for a role, or undefined for the SSO keys.
 */
export type ProfileStyle = (role: RoleRef) => string | undefined;

export function profileStyleFor(
  settings: Settings,
  selfCommand: readonly string[] | undefined,
): ProfileStyle {
  if (settings.tokenStore !== 'keychain' || settings.awsCliCacheMirror) return () => undefined;
  return (role) => {
    if (!selfCommand || selfCommand.length === 0)
      throw new AppError(
        'InvalidInput',
        'Profiles need a credential_process line while awsCliCacheMirror is false, and this copy of SSO Tray cannot name its own path; run the sso-tray command line, or turn the mirror on: sso-tray settings set awsCliCacheMirror true',
      );
    for (const word of selfCommand) {
      const problem = commandWordProblem(word);
      if (problem) throw new AppError('InvalidInput', problem);
    }
    return credentialProcessLine(selfCommand, role);
  };
}
