import { coreFor } from '../cli-core';
import { readIniFile } from '../../core/aws-files/config-file';
import { profilesForRole } from '../../core/switching/profiles-for-role';
import type { CommandDefinition } from '../command';
import { exportLines, formatCredentials } from '../../core/credentials/credential-formats';
import { resolveRole } from '../role-argument';

/** `eval "$(sso-tray env ACCOUNT/ROLE)"`: select a role in the current shell only. */
export const envCommand: CommandDefinition = {
  name: 'env',
  summary: 'Shell lines that select a role in this shell (eval "$(sso-tray env …)")',
  usage: 'ACCOUNT/ROLE | PROFILE',
  details: [
    'Exports AWS_PROFILE for a profile of the AWS config that uses the role (profiles sync writes',
    'one for every role), and unsets static keys that would win over it; with --credentials, or',
    'when no profile uses the role, exports the temporary credentials instead.',
  ].join('\n'),
  json: false,
  options: {
    credentials: { type: 'boolean', description: 'export the temporary credentials, not AWS_PROFILE' },
    session: { type: 'string', value: 'NAME', description: 'look only in this session' },
  },
  positionals: { min: 1, max: 1 },
  async run(context, { values, positionals }) {
    const core = await coreFor(context);
    const role = await resolveRole(core, positionals[0] ?? '', values.session as string | undefined);
    if (values.credentials !== true) {
      const { document } = await readIniFile(core.paths.awsConfigFile);
      const [profile] = profilesForRole(document, role);
      if (profile !== undefined) {
        context.stdout.write('unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN\n');
        context.stdout.write(exportLines([['AWS_PROFILE', profile]]));
        return 0;
      }
      context.stderr.write(
        `sso-tray: no profile in ${core.paths.awsConfigFile} uses ${role.roleName} in ${role.accountId} (sso-tray profiles sync writes one); exporting its temporary credentials instead\n`,
      );
    }
    context.stdout.write(
      formatCredentials(await core.credentials.get(role, { signal: context.signal }), 'env'),
    );
    return 0;
  },
};
