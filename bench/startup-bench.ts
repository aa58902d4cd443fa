import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, printTable, timeProcess } from './measure';

const cli = fileURLToPath(new URL('../dist/cli/sso-tray.cjs', import.meta.url));

/** Process start-up: the floor under every `sso-tray` command (and a credential_process call). */
export async function startupBench(): Promise<void> {
  if (!existsSync(cli)) throw new Error('dist/cli/sso-tray.cjs is missing: run npm run build first');
  const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const runs = 15;
  const ours = median(await timeProcess(process.execPath, [cli, '--version'], runs, env));
  const rows = [
    ['command', 'median ms', 'runs'],
    ['sso-tray --version', ours.toFixed(1), String(runs)],
  ];
  if (existsSync('/usr/bin/aws')) {
    const aws = median(await timeProcess('/usr/bin/aws', ['--version'], runs, env));
    rows.push(['/usr/bin/aws --version', aws.toFixed(1), String(runs)]);
  }
  printTable('Process start-up', rows);
}
