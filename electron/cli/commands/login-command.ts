import { regionProblem, sessionNameProblem, startUrlProblem } from '../../../shared/session-input';
import type { Core } from '../../core/app/create-core';
import { coreFor } from '../cli-core';
import { changeLines, partialWarnings, progressLine } from '../discovery-report';
import type { SignInFlow } from '../../core/app/settings';
import { UsageError, type CliContext, type CommandDefinition } from '../command';
import { timeLeft } from '../../../shared/time-left';
import { chooseSession } from '../session-argument';

/** `sso-tray login`: sign in to an IAM Identity Center session, creating it when asked to. */
export const loginCommand: CommandDefinition = {
  name: 'login',
  summary: 'Sign in to an IAM Identity Center session',
  usage: '[SESSION]',
  details: [
    'Signs in with the authorization code flow (PKCE) in your browser, or with --device-code by',
    'confirming a code. The flow chosen is remembered for the session. With --start-url and --region,',
    'the [sso-session SESSION] section is added to the AWS config first when it does not exist.',
    'The browser is $BROWSER when set, else the system default.',
  ].join('\n'),
  json: true,
  options: {
    'start-url': {
      type: 'string',
      value: 'URL',
      description: 'Start URL of the access portal (adds the session)',
    },
    region: {
      type: 'string',
      value: 'REGION',
      description: 'Region of IAM Identity Center (adds the session)',
    },
    'device-code': {
      type: 'boolean',
      description: 'Sign in by confirming a code (for SSH sessions and other machines)',
    },
    pkce: { type: 'boolean', description: 'Sign in in this machine’s browser (the default)' },
    'no-browser': { type: 'boolean', description: 'Print the sign-in URL instead of opening a browser' },
  },
  positionals: { min: 0, max: 1 },
  async run(context, { values, positionals }) {
    const startUrl = values['start-url'] as string | undefined;
    const region = values.region as string | undefined;
    if (values['device-code'] && values.pkce) throw new UsageError('choose one of --device-code and --pkce');
    if ((startUrl === undefined) !== (region === undefined))
      throw new UsageError('--start-url and --region go together');
    const core = await coreFor(context);
    if (startUrl !== undefined && region !== undefined) {
      const name = positionals[0];
      if (name === undefined)
        throw new UsageError(
          'name the session to add, e.g. sso-tray login my-company --start-url URL --region REGION',
        );
      const problem = sessionNameProblem(name) ?? startUrlProblem(startUrl) ?? regionProblem(region);
      if (problem) throw new UsageError(problem);
      if (await core.addSession(name, startUrl, region))
        context.stderr.write(`Added [sso-session ${name}] to ${core.paths.awsConfigFile}\n`);
    }
    const name = chooseSession(core.sessions.list(), positionals[0]);
    const session = core.sessions.session(name);
    const flow: SignInFlow = values['device-code']
      ? 'device-code'
      : values.pkce
        ? 'pkce'
        : (core.settings.signInFlows[name] ?? 'pkce');
    const noBrowser = values['no-browser'] === true;

    let shown = false;
    const stopListening = core.sessions.onDidChange(() => {
      const pending = core.sessions.snapshot().find((candidate) => candidate.name === name)?.pending;
      if (!pending || shown) return;
      shown = true;
      if (pending.userCode) {
        context.stderr.write(
          `${noBrowser ? 'Open this page in a browser' : 'Opening your browser'} to sign in to ${session.startUrl}:\n  ${pending.verificationUri}\nand check that it shows the code: ${pending.userCode}\n`,
        );
      } else {
        context.stderr.write(
          `${noBrowser ? 'Open this page in a browser on this machine' : 'Finish signing in in your browser'}:\n  ${pending.verificationUri}\n`,
        );
      }
    });
    try {
      const token = await core.sessions.signIn(name, {
        flow: session.legacy ? 'device-code' : flow,
        noBrowser,
        signal: context.signal,
      });
      if (context.json) {
        context.stdout.write(
          `${JSON.stringify(
            core.sessions.snapshot().find((candidate) => candidate.name === name),
            null,
            2,
          )}\n`,
        );
      } else {
        const left = timeLeft(token.expiresAtMs, Date.now());
        context.stdout.write(
          `Signed in to ${name} (${session.startUrl}); the session lasts ${left}${token.refreshToken ? ' and renews itself' : ''}.\n`,
        );
      }
      await listAccountsAfterSignIn(core, name, context);
      return 0;
    } finally {
      stopListening();
    }
  },
};

/**
 * A sign-in is when the list of accounts is most likely to have changed (and when the user waits
 * anyway), so it is listed again then. A failure here does not undo the sign-in: it is a warning.
 */
async function listAccountsAfterSignIn(core: Core, name: string, context: CliContext): Promise<void> {
  const progress = progressLine(context.stderr);
  try {
    const before = await core.inventory.cached(name);
    const { inventory, changes } = await core.inventory.refresh(name, {
      signal: context.signal,
      onProgress: progress.onProgress,
    });
    progress.done();
    const roles = inventory.accounts.reduce((sum, account) => sum + account.roles.length, 0);
    context.stderr.write(
      `${inventory.accounts.length} account${inventory.accounts.length === 1 ? '' : 's'} and ${roles} role${roles === 1 ? '' : 's'} available; see them with: sso-tray accounts\n`,
    );
    // The first listing of a session is all "added": only later ones say what changed.
    const lines = [...(before ? changeLines(changes) : []), ...partialWarnings(inventory)];
    for (const line of lines) context.stderr.write(`${line}\n`);
  } catch (error) {
    progress.done();
    if (context.signal.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    context.stderr.write(`sso-tray: signed in, but listing the accounts failed: ${reason}\n`);
  }
}
