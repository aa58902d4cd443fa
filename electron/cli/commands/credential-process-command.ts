import { coreFor } from '../cli-core';
import { cachedRoleCredentials } from '../../core/credentials/cached-role-credentials';
import type { CommandDefinition } from '../command';
import { formatCredentials } from '../../core/credentials/credential-formats';
import { directRole, resolveRole } from '../role-argument';

/**
 * `sso-tray credential-process ACCOUNT/ROLE`: for `credential_process =` lines in the AWS config.
 * The AWS CLI shows stderr when it fails, so errors stay one line that says what to do.
 */
export const credentialProcessCommand: CommandDefinition = {
  name: 'credential-process',
  summary: 'Credentials in the credential_process format, for AWS config profiles',
  usage: 'ACCOUNT/ROLE | PROFILE',
  details:
    'In a profile: credential_process = /path/to/sso-tray credential-process --session corp 111111111111/Admin',
  json: false,
  options: {
    session: { type: 'string', value: 'NAME', description: 'look only in this session' },
  },
  positionals: { min: 1, max: 1 },
  async run(context, { values, positionals }) {
    const selector = positionals[0] ?? '';
    const session = values.session as string | undefined;
    // The lines SSO Tray writes name the role directly: answered from the keychain cache at once.
    const direct = directRole(selector, session);
    const cached = direct && (await cachedRoleCredentials(context.env, direct));
    if (cached) {
      context.stdout.write(formatCredentials(cached, 'process'));
      return 0;
    }
    const core = await coreFor(context);
    const role = await resolveRole(core, selector, session);
    context.stdout.write(
      formatCredentials(await core.credentials.get(role, { signal: context.signal }), 'process'),
    );
    return 0;
  },
};
