import { describe, expect, it } from 'vitest';
import type { CommandDefinition } from '../../electron/cli/command';
import { UsageError } from '../../electron/cli/command';
import { commands } from '../../electron/cli/commands';
import { runCli } from '../../electron/cli/run-cli';
import { AppError } from '../../electron/core/app/app-error';
import { CapturedOutput } from '../support/captured-output';

async function run(argv: string[], list: readonly CommandDefinition[] = commands) {
  const stdout = new CapturedOutput();
  const stderr = new CapturedOutput();
  const code = await runCli({ argv, env: { HOME: '/home/test' }, stdout, stderr }, list);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const failing = (error: unknown): CommandDefinition => ({
  name: 'boom',
  summary: 'Fails on purpose',
  usage: 'NAME',
  json: false,
  options: { flag: { type: 'boolean', description: 'A flag' } },
  positionals: { min: 1, max: 1 },
  run: () => Promise.reject(error instanceof Error ? error : new Error(String(error))),
});

describe('runCli', () => {
  it('prints the program help and the version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: sso-tray <command>');
    expect(help.stdout).toContain('paths');
    const version = await run(['--version']);
    expect(version).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^sso-tray \d+\.\d+\.\d+\n$/) as unknown,
    });
  });

  it('has --help on every command', async () => {
    for (const command of commands) {
      const result = await run([command.name, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: sso-tray ${command.name}`);
      expect(result.stdout).toContain(command.json ? '--json' : '--help');
    }
  });

  it('treats a missing or unknown command, an unknown option and a stray argument as usage errors (exit 2, one line)', async () => {
    expect((await run([])).code).toBe(2);
    for (const argv of [['nope'], ['paths', '--bogus'], ['paths', 'extra'], ['--frobnicate']]) {
      const result = await run(argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^sso-tray: .+ Run 'sso-tray( \w+)? --help' for usage\.\n$/);
    }
    expect((await run(['paths', '--bogus'])).stderr).toContain("unknown option '--bogus'");
  });

  it('reports a missing argument and an option that needs no value', async () => {
    const list = [failing(new Error('unused'))];
    expect((await run(['boom'], list)).stderr).toContain('missing argument NAME');
    expect((await run(['boom', 'x', '--flag=yes'], list)).stderr).toContain("option '--flag' takes no value");
  });

  it('maps an AppError to exit 1 with its message on one line, and unexpected errors likewise', async () => {
    const appError = await run(
      ['boom', 'x'],
      [failing(new AppError('NotSignedIn', 'Not signed in to corp.\nRun sso-tray login corp.'))],
    );
    expect(appError).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sso-tray: Not signed in to corp. Run sso-tray login corp\n',
    });
    const unexpected = await run(['boom', 'x'], [failing(new TypeError('x is undefined'))]);
    expect(unexpected.code).toBe(1);
    expect(unexpected.stderr).toMatch(/^sso-tray: unexpected error: TypeError: x is undefined\. .+\n$/);
    // Never what the error carries, and nothing shaped like a secret from its message.
    const leaky = Object.assign(new Error('token aoaAAAAAGdXq2F0MTZkYzQ5bXlTZWNyZXQx refused'), {
      $response: { body: '{"accessToken":"aoaAAAAAGdXq2F0MTZkYzQ5bXlTZWNyZXQx"}' },
    });
    const masked = await run(['boom', 'x'], [failing(leaky)]);
    expect(masked.stderr).toMatch(/^sso-tray: unexpected error: Error: token \[redacted\] refused\. /);
    expect(masked.stderr).not.toContain('aoaAAAAAGdXq2F0MTZkYzQ5bXlTZWNyZXQx');
    const usage = await run(['boom', 'x'], [failing(new UsageError('--region must be a region name'))]);
    expect(usage.code).toBe(2);
  });

  it('prints JSON with --json where a command has data', async () => {
    const result = await run(['paths', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      home: '/home/test',
      awsConfigFile: '/home/test/.aws/config',
    });
  });
});
