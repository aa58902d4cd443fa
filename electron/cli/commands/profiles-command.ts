import { AppError } from '../../core/app/app-error';
import { coreFor } from '../cli-core';
import type { ProfileSyncOutcome } from '../../core/switching/profile-sync-service';
import { UsageError, type CliContext, type CommandDefinition } from '../command';

/** `sso-tray profiles sync`: a named profile per account and role, in a managed block. */
export const profilesCommand: CommandDefinition = {
  name: 'profiles',
  summary: 'Write a profile for every account and role (profiles sync)',
  usage: 'sync [SESSION]',
  details: [
    'Profiles go between two marker comments in the AWS config, one block per session; nothing',
    'outside the block changes. A profile of your own with the same name wins (reported). The',
    'template tokens are {account_name} {account_id} {role_name} {session}; default from settings.',
  ].join('\n'),
  json: true,
  options: {
    template: { type: 'string', value: 'TEMPLATE', description: 'name profiles with this template' },
    prune: { type: 'boolean', description: 'remove generated profiles whose role is gone' },
    'dry-run': { type: 'boolean', description: 'print the change as a unified diff; write nothing' },
  },
  positionals: { min: 1, max: 2 },
  async run(context, { values, positionals }) {
    const [verb, named] = positionals;
    if (verb !== 'sync')
      throw new UsageError(`unknown profiles command "${verb ?? ''}"; use: sso-tray profiles sync`);
    const core = await coreFor(context);
    const dryRun = values['dry-run'] === true;
    const names = named === undefined ? core.sessions.list().map((session) => session.name) : [named];
    if (names.length === 0) throw new UsageError('no session is configured; add one with sso-tray login');
    const outcomes: ProfileSyncOutcome[] = [];
    for (const name of names) {
      const request = {
        prune: values.prune === true,
        dryRun,
        ...(values.template === undefined ? {} : { template: values.template as string }),
      };
      try {
        outcomes.push(await core.profiles.sync(name, request));
      } catch (error) {
        // Syncing every session: one that is signed out (and never listed) is skipped, not fatal.
        const skippable =
          error instanceof AppError && (error.code === 'NotSignedIn' || error.code === 'SessionExpired');
        if (named !== undefined || !skippable) throw error;
        context.stderr.write(`sso-tray: skipped session ${name}: ${error.message}\n`);
      }
    }
    if (context.json) {
      context.stdout.write(
        `${JSON.stringify(
          outcomes.map(({ diff: _diff, ...rest }) => rest),
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    for (const outcome of outcomes) report(context, outcome, dryRun, core.paths.awsConfigFile);
    return 0;
  },
};

function report(context: CliContext, outcome: ProfileSyncOutcome, dryRun: boolean, file: string): void {
  if (dryRun) context.stdout.write(outcome.diff);
  const counts = `${outcome.added.length} added, ${outcome.updated.length} updated, ${outcome.removed.length} removed`;
  const summary = dryRun
    ? `Session ${outcome.session}: would write ${counts} (dry run, nothing written)`
    : `Session ${outcome.session}: ${outcome.changed ? counts : 'profiles already up to date'} in ${file}`;
  (dryRun ? context.stderr : context.stdout).write(`${summary}\n`);
  for (const collision of outcome.collisions)
    context.stderr.write(`sso-tray: warning: profile ${collision.name} not written: ${collision.reason}\n`);
  if (outcome.kept.length > 0)
    context.stderr.write(
      `sso-tray: ${outcome.kept.length} generated profile${outcome.kept.length === 1 ? '' : 's'} for roles no longer listed kept (${outcome.kept.slice(0, 5).join(', ')}${outcome.kept.length > 5 ? ', …' : ''}); remove them with --prune\n`,
    );
}
