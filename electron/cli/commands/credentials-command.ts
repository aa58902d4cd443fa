import { coreFor } from '../cli-core';
import { UsageError, type CommandDefinition } from '../command';
import { formatCredentials, type CredentialFormat } from '../../core/credentials/credential-formats';
import { resolveRole } from '../role-argument';

const formats: readonly CredentialFormat[] = ['json', 'env', 'process'];

/** `sso-tray credentials ACCOUNT/ROLE`: temporary credentials for tools that cannot read SSO profiles. */
export const credentialsCommand: CommandDefinition = {
  name: 'credentials',
  summary: 'Print temporary credentials for a role (json, env or process)',
  usage: 'ACCOUNT/ROLE | PROFILE',
  details: [
    'json: {AccessKeyId, SecretAccessKey, SessionToken, Expiration}; env: export lines with',
    'AWS_CREDENTIAL_EXPIRATION; process: the credential_process JSON. Credentials are reused until',
    '5 minutes before they expire.',
  ].join('\n'),
  json: false,
  options: {
    format: { type: 'string', value: 'FORMAT', description: 'json (default), env or process' },
    session: { type: 'string', value: 'NAME', description: 'look only in this session' },
  },
  positionals: { min: 1, max: 1 },
  async run(context, { values, positionals }) {
    const format = (values.format ?? 'json') as string;
    if (!formats.includes(format as CredentialFormat))
      throw new UsageError(`--format must be one of ${formats.join(', ')}`);
    const core = await coreFor(context);
    const role = await resolveRole(core, positionals[0] ?? '', values.session as string | undefined);
    const credentials = await core.credentials.get(role, { signal: context.signal });
    context.stdout.write(formatCredentials(credentials, format as CredentialFormat));
    return 0;
  },
};
