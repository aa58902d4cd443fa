import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isolatedEnv } from './temp-home';

/** The repository root and the built `sso-tray` binary (`npm run build` makes it). */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const builtCliPath = fileURLToPath(new URL('../../dist/cli/sso-tray.cjs', import.meta.url));

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function assertBuilt(): void {
  if (!existsSync(builtCliPath))
    throw new Error(`${builtCliPath} is missing: run npm run build before the integration tests`);
}

/** Runs a program to completion with an isolated environment and returns its exit code and output. */
export function runProcess(
  file: string,
  args: string[],
  env: Record<string, string>,
  cwd = repoRoot,
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(file, args, { env: isolatedEnv(env), cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

export function runBuiltCli(args: string[], env: Record<string, string>): Promise<ProcessResult> {
  assertBuilt();
  return runProcess(process.execPath, [builtCliPath, ...args], env);
}
