import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAwsCliEndpointRuleSets, type Emulator } from '../emulator';
import { isolatedEnv, type TempHome } from './temp-home';

/** The real AWS CLI from Debian's package. A bare `aws` on PATH may be another install. */
export const awsCliPath = process.env.AWS_CLI_PATH ?? '/usr/bin/aws';

export interface AwsCliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Prepares a temp home so the real AWS CLI 2.9.x talks to the emulator: its endpoint rule sets go
 * under `~/.aws/models` (the CLI's own data path), which it reads before its bundled ones.
 */
export async function pointAwsCliAt(home: TempHome, emulator: Emulator): Promise<void> {
  await writeAwsCliEndpointRuleSets(join(home.root, '.aws', 'models'), emulator.url);
}

/** Writes an AWS config file in the temp home. */
export async function writeAwsConfig(home: TempHome, text: string): Promise<void> {
  await mkdir(join(home.root, '.aws'), { recursive: true });
  await writeFile(home.env.AWS_CONFIG_FILE ?? join(home.root, '.aws', 'config'), text, { mode: 0o600 });
}

/** Runs the AWS CLI in the temp home; `extraEnv` for what its child processes need (credential_process). */
export function runAwsCli(
  home: TempHome,
  args: string[],
  timeoutMs = 60_000,
  extraEnv: Record<string, string> = {},
): Promise<AwsCliResult> {
  return new Promise((resolve) => {
    execFile(
      awsCliPath,
      args,
      { env: isolatedEnv({ ...home.env, ...extraEnv }), timeout: timeoutMs },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
