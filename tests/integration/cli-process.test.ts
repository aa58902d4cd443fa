// The built `sso-tray` binary as a user runs it: through npx in a checkout, with the documented
// exit codes and one-line errors, and with every path following the environment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCliPath, runBuiltCli, runProcess, assertBuilt } from '../support/built-cli';
import { createTempHome, type TempHome } from '../support/temp-home';

let home: TempHome;

beforeAll(async () => {
  assertBuilt();
  home = await createTempHome();
});

afterAll(async () => {
  await home.dispose();
});

describe('the sso-tray binary', () => {
  it('runs through `npx --no-install sso-tray` in the checkout', async () => {
    const result = await runProcess('npx', ['--no-install', 'sso-tray', '--help'], {
      ...home.env,
      npm_config_cache: `${home.root}/npm-cache`,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: sso-tray <command> [options]');
  });

  it('prints its version and exits 0', async () => {
    const result = await runBuiltCli(['--version'], home.env);
    expect(result).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^sso-tray \d+\.\d+\.\d+\n$/) as unknown,
      stderr: '',
    });
  });

  it('exits 2 with one line on stderr for a usage error', async () => {
    const result = await runBuiltCli(['paths', '--nope'], home.env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("sso-tray: unknown option '--nope'. Run 'sso-tray paths --help' for usage.\n");
  });

  it('resolves every path from HOME, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and SSO_TRAY_HOME', async () => {
    const result = await runBuiltCli(['paths', '--json'], home.env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      home: home.root,
      awsConfigFile: home.env.AWS_CONFIG_FILE,
      awsCredentialsFile: home.env.AWS_SHARED_CREDENTIALS_FILE,
      awsSsoCacheDir: `${home.root}/.aws/sso/cache`,
      appHome: home.env.SSO_TRAY_HOME,
    });
  });

  it('is an executable file with a node shebang', async () => {
    const result = await runProcess(builtCliPath, ['--version'], home.env);
    expect(result.code).toBe(0);
  });
});
