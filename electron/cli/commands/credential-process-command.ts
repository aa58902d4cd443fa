import { coreFor } from '../cli-core';
import type { CommandDefinition } from '../command';
import { formatCredentials } from '../credential-formats';
import { resolveRole } from '../role-argument';

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
    const core = await coreFor(context);
    const role = await resolveRole(core, positionals[0] ?? '', values.session as string | undefined);
    context.stdout.write(
      formatCredentials(await core.credentials.get(role, { signal: context.signal }), 'process'),
    );
    return 0;
  },
};
