// The credential_process line is read by two parsers: botocore splits it with shlex (no shell)
// and the JS SDK hands it to /bin/sh. Whatever SSO Tray writes must give both the same words.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  commandWordProblem,
  credentialProcessLine,
  roleOfCredentialProcessLine,
} from '../../electron/core/profiles/credential-process-line';

const role = { session: 'corp', accountId: '111111111111', roleName: 'Admin' };

/** botocore's split: Python's shlex.split, as compat_shell_split does on POSIX. */
const shlexWords = (line: string): string[] =>
  JSON.parse(
    execFileSync(
      'python3',
      ['-c', 'import json,shlex,sys; print(json.dumps(shlex.split(sys.argv[1])))', line],
      {
        encoding: 'utf8',
      },
    ),
  ) as string[];

/** What /bin/sh passes to the program: each argument on its own line, NUL-separated to be exact. */
const shellWords = (line: string): string[] =>
  execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' })
    .split('\0')
    .slice(0, -1);

describe('credentialProcessLine', () => {
  const commands = [
    ['/usr/bin/node', '/opt/sso-tray/dist/cli/sso-tray.cjs'],
    ['/opt/my apps/node', '/home/a user/sso tray/sso-tray.cjs'],
    ['/Applications/SSO Tray.app/Contents/MacOS/SSO Tray'],
    ["/home/o'brien/bin/sso-tray"],
    ['/opt/x (y)/node', '/srv/a&b;c|d/sso-tray.cjs'],
  ];
  it.each(commands)('gives botocore and /bin/sh the same words for %s', (...command: string[]) => {
    const line = credentialProcessLine(command, role);
    const expected = [...command, 'credential-process', '--session', 'corp', '111111111111/Admin'];
    expect(shlexWords(line)).toEqual(expected);
    expect(shellWords(line)).toEqual(expected);
    expect(roleOfCredentialProcessLine(line)).toEqual(role);
  });

  it('refuses the characters the two parsers read differently', () => {
    for (const word of ['/opt/$HOME/node', '/opt/`x`/node', '/opt/a"b/node', '/opt/a\\b/node', '']) {
      expect(commandWordProblem(word)).toMatch(/cannot go into a credential_process line/);
    }
    expect(commandWordProblem('/opt/a b/node')).toBeUndefined();
  });
});
