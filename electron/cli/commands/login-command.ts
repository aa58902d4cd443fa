import { regionProblem, sessionNameProblem, startUrlProblem } from '../../../shared/session-input';
import { createCore } from '../../core/app/create-core';
import type { SignInFlow } from '../../core/app/settings';
import { UsageError, type CommandDefinition } from '../command';
import { timeLeft } from '../format-time';
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
    const core = await createCore({ env: context.env });
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
      return 0;
    } finally {
      stopListening();
    }
  },
};
