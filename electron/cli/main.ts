// The `sso-tray` command. Ctrl-C aborts the running command through its AbortSignal so it can
// clean up (close listeners, leave files whole); a second Ctrl-C exits at once.
import { realpathSync } from 'node:fs';
import { commands } from './commands';

// The SDK's Node-version notice is for developers of SDK apps, not for sso-tray's users: stderr is
// kept for one-line errors that say what to do.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { unexpectedErrorLine } from '../core/app/unexpected-error';
import { runCli } from './run-cli';

const abort = new AbortController();
process.on('SIGINT', () => {
  if (abort.signal.aborted) process.exit(130);
  abort.abort();
});

runCli(
  {
    argv: process.argv.slice(2),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    signal: abort.signal,
    // node and this script, both absolute, so a credential_process line works from any folder.
    selfCommand: [process.execPath, realpathSync(process.argv[1] ?? '.')],
  },
  commands,
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sso-tray: unexpected error: ${unexpectedErrorLine(error)}\n`);
    process.exitCode = 1;
  },
);
