import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Emulator } from '../tests/emulator';
import { awsCliPath, pointAwsCliAt, writeAwsConfig } from '../tests/support/aws-cli';
import { createTempHome } from '../tests/support/temp-home';
import { median, printTable, timeInterleaved, timeProcess } from './measure';

const cli = fileURLToPath(new URL('../dist/cli/sso-tray.cjs', import.meta.url));

/**
 * A tool asking for credentials with a warm cache: `sso-tray credential-process` (keychain cache)
 * against `aws configure export-credentials` for the same role (the AWS CLI's own cache), both
 * against the emulator. Needs the keychain: `npm run bench` runs inside a private keyring session.
 */
export async function credentialProcessBench(): Promise<void> {
  if (!existsSync(cli)) throw new Error('dist/cli/sso-tray.cjs is missing: run npm run build first');
  const emulator = await Emulator.start({
    accounts: 3,
    rolesPerAccount: 2,
    knobs: { autoApprove: true, devicePollIntervalSeconds: 0 },
  });
  const home = await createTempHome('sso-tray-bench-');
  try {
    const account = emulator.org.accounts[0];
    const role = account?.roles[0] ?? '';
    await writeAwsConfig(
      home,
      `[sso-session bench]\nsso_start_url = ${emulator.org.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n[profile p]\nsso_session = bench\nsso_account_id = ${account?.accountId ?? ''}\nsso_role_name = ${role}\n`,
    );
    await pointAwsCliAt(home, emulator);
    const env = {
      ...process.env,
      ...home.env,
      ...emulator.env,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PAGER: '',
    };
    await run(process.execPath, [cli, 'login', 'bench', '--device-code', '--no-browser'], env);
    const ours = [cli, 'credential-process', '--session', 'bench', `${account?.accountId ?? ''}/${role}`];
    const theirs = ['configure', 'export-credentials', '--profile', 'p', '--format', 'process'];
    const runs = 15;
    const rows = [['command (warm cache)', 'median ms', 'runs']];
    if (existsSync(awsCliPath)) {
      // The warm-up of each fills its cache: SSO Tray's keychain item, the AWS CLI's cli/cache.
      const [ourTimes, awsTimes] = await timeInterleaved(
        { file: process.execPath, args: ours },
        { file: awsCliPath, args: theirs },
        runs,
        env,
      );
      rows.push(['sso-tray credential-process', median(ourTimes).toFixed(1), String(runs)]);
      rows.push(['aws configure export-credentials', median(awsTimes).toFixed(1), String(runs)]);
      rows.push(['ratio (aws ÷ sso-tray)', (median(awsTimes) / median(ourTimes)).toFixed(1), '']);
    } else {
      const ourTimes = await timeProcess(process.execPath, ours, runs, env);
      rows.push(['sso-tray credential-process', median(ourTimes).toFixed(1), String(runs)]);
    }
    const nodeTimes = await timeProcess(process.execPath, ['-e', '0'], runs, env);
    rows.push(['node -e 0 (the floor: Node start-up)', median(nodeTimes).toFixed(1), String(runs)]);
    printTable('Credentials for a tool, warm cache', rows);
    await run(process.execPath, [cli, 'logout', 'bench'], env);
  } finally {
    await home.dispose();
    await emulator.close();
  }
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${args.slice(1, 3).join(' ')} failed: ${stderr.trim()}`));
      else resolve();
    });
  });
}
