import type { CommandDefinition } from '../command';

/** `sso-tray paths`: where SSO Tray reads and writes, so a user can check what a run will touch. */
export const pathsCommand: CommandDefinition = {
  name: 'paths',
  summary: 'Show the files and folders SSO Tray reads and writes',
  usage: '',
  details:
    'Locations follow HOME, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and SSO_TRAY_HOME, as the AWS CLI and SDKs do.',
  json: true,
  options: {},
  positionals: { min: 0, max: 0 },
  run(context) {
    const { paths } = context;
    if (context.json) {
      context.stdout.write(`${JSON.stringify(paths, null, 2)}\n`);
      return Promise.resolve(0);
    }
    const rows: [string, string][] = [
      ['AWS config', paths.awsConfigFile],
      ['AWS credentials', paths.awsCredentialsFile],
      ['AWS CLI SSO cache', paths.awsSsoCacheDir],
      ['SSO Tray data', paths.appHome],
    ];
    for (const [label, value] of rows) context.stdout.write(`${label.padEnd(18)} ${value}\n`);
    return Promise.resolve(0);
  },
};
