import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Emulator, type EmulatorOptions } from '../emulator';
import { assertBuilt, builtCliPath, runBuiltCli, type ProcessResult } from './built-cli';
import { createTempHome, isolatedEnv, type TempHome } from './temp-home';

export const testBrowser = fileURLToPath(new URL('./test-browser.mjs', import.meta.url));

/**
 * An emulator, a temp home and the environment that points the built `sso-tray` at both, with
 * $BROWSER set to the test browser. Everything a CLI sign-in test needs, and a record of all
 * output, for the leak scan.
 */
export class SignInRig {
  readonly outputs: string[] = [];

  private constructor(
    readonly emulator: Emulator,
    readonly home: TempHome,
  ) {}

  static async start(options: EmulatorOptions = {}): Promise<SignInRig> {
    assertBuilt();
    return new SignInRig(await Emulator.start(options), await createTempHome());
  }

  env(
    browser: 'approve' | 'deny' | 'ignore' = 'approve',
    extra: Record<string, string> = {},
  ): Record<string, string> {
    return {
      ...this.home.env,
      ...this.emulator.env,
      BROWSER: `${process.execPath} ${testBrowser}`,
      SSO_TRAY_TEST_BROWSER: browser,
      SSO_TRAY_TEST_BROWSER_LOG: join(this.home.root, 'browser.log'),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...extra,
    };
  }

  async cli(
    args: string[],
    browser: 'approve' | 'deny' | 'ignore' = 'approve',
    extra: Record<string, string> = {},
  ): Promise<ProcessResult> {
    const result = await runBuiltCli(args, this.env(browser, extra));
    this.outputs.push(result.stdout, result.stderr);
    return result;
  }

  /** Starts the CLI and hands back the child, for tests that interrupt it. */
  spawnCli(args: string[], browser: 'approve' | 'deny' | 'ignore') {
    const child = spawn(process.execPath, [builtCliPath, ...args], {
      env: isolatedEnv(this.env(browser)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = new Promise<number>((resolve) =>
      child.on('exit', (code, signal) => {
        resolve(code ?? (signal ? 128 : 1));
      }),
    );
    return { child, exit, output: () => ({ stdout, stderr }) };
  }

  async browserLog(): Promise<string[]> {
    return (await readFile(join(this.home.root, 'browser.log'), 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean);
  }

  async dispose(): Promise<void> {
    await this.emulator.close();
    await this.home.dispose();
  }
}
