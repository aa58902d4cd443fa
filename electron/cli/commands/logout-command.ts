import { coreFor } from '../cli-core';
import { UsageError, type CommandDefinition } from '../command';
import { chooseSession } from '../session-argument';

/** `sso-tray logout`: end a session at IAM Identity Center and forget its tokens. */
export const logoutCommand: CommandDefinition = {
  name: 'logout',
  summary: 'Sign out of a session (or all) and delete its tokens',
  usage: '[SESSION]',
  details:
    'Calls the portal Logout, then deletes the keychain items and the AWS CLI cache file SSO Tray wrote.',
  json: false,
  options: { all: { type: 'boolean', description: 'Sign out of every session' } },
  positionals: { min: 0, max: 1 },
  async run(context, { values, positionals }) {
    if (values.all && positionals.length > 0) throw new UsageError('give a session or --all, not both');
    const core = await coreFor(context);
    const names = values.all
      ? core.sessions.list().map((session) => session.name)
      : [chooseSession(core.sessions.list(), positionals[0])];
    for (const name of names) {
      await core.logout(name);
      context.stdout.write(`Signed out of ${name}.\n`);
    }
    return 0;
  },
};
