// `sso-tray console` end to end: the URL it prints or opens is accepted by the emulator's
// federation endpoint as the chosen role; the portal mode gives the shortcut link; bad input is
// one line, exit 1, and nothing opened.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeAwsConfig } from '../support/aws-cli';
import { SignInRig } from '../support/sign-in-rig';
import { uniqueName } from '../support/temp-home';

let rig: SignInRig;
let session: string;
/** Browser log entries from the sign-in, before the test's own. */
let signInPages: number;

/** What the tests opened in $BROWSER, after the sign-in's pages. */
const opened = async (): Promise<string[]> => (await rig.browserLog()).slice(signInPages);

beforeEach(async () => {
  rig = await SignInRig.start({ accounts: 2, rolesPerAccount: 2, seed: 9 });
  session = uniqueName('console');
  await writeAwsConfig(
    rig.home,
    `[sso-session ${session}]\nsso_start_url = ${rig.emulator.org.startUrl}\nsso_region = eu-west-1\n`,
  );
  expect((await rig.cli(['login', session, '--device-code'])).code).toBe(0);
  signInPages = (await rig.browserLog()).length;
});

afterEach(async () => {
  await rig.cli(['logout', session]);
  await rig.dispose();
});

function role() {
  const account = rig.emulator.org.accounts[0];
  if (!account) throw new Error('no account');
  return {
    account,
    roleName: account.roles[0] ?? '',
    selector: `${account.accountName}/${account.roles[0] ?? ''}`,
  };
}

describe('sso-tray console', () => {
  it('prints a federation URL that the sign-in endpoint accepts for that role and region', async () => {
    const { account, roleName, selector } = role();
    const printed = await rig.cli([
      'console',
      selector,
      '--service',
      'ec2',
      '--region',
      'ap-south-1',
      '--print',
    ]);
    expect(printed.code).toBe(0);
    const url = new URL(printed.stdout.trim());
    expect(url.origin + url.pathname).toBe(`${rig.emulator.url}/federation`);
    expect(url.searchParams.get('Action')).toBe('login');
    expect(url.searchParams.get('Issuer')).toBe(rig.emulator.org.startUrl);
    expect(url.searchParams.get('Destination')).toBe(
      'https://ap-south-1.console.aws.amazon.com/ec2/home?region=ap-south-1',
    );
    const answer = await fetch(url, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    expect(rig.emulator.consoleLogins).toMatchObject([{ accountId: account.accountId, roleName }]);
    expect(await opened()).toEqual([]);
  });

  it('opens the URL in $BROWSER, signing the old console session out first when asked', async () => {
    const { account, selector } = role();
    const result = await rig.cli(['console', selector, '--sign-out-first']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe(
      `Opened the console for ${role().roleName} in ${account.accountName} (${account.accountId}).\n`,
    );
    // The browser runs detached from sso-tray, which has exited by now: wait for it to get there.
    await expect.poll(() => rig.emulator.consoleLogins.length).toBe(1);
    const [url] = await opened();
    expect(new URL(url ?? '').pathname).toBe('/oauth');
    expect(rig.emulator.consoleLogouts).toBe(1);
  });

  it('gives the access portal shortcut link with --portal, asking for no credentials', async () => {
    const { account, roleName, selector } = role();
    const printed = await rig.cli(['console', selector, '--portal', '--print', '--service', 's3']);
    expect(printed.stdout).toBe(
      `${rig.emulator.org.startUrl}/#/console?account_id=${account.accountId}&role_name=${roleName}&destination=${encodeURIComponent('https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1')}\n`,
    );
    expect(rig.emulator.log.count('GetRoleCredentials')).toBe(0);
  });

  it('refuses bad input in one line with exit 1 and opens nothing', async () => {
    const { selector } = role();
    const cases: [string[], RegExp][] = [
      [['--region', 'mars-1'], /not an AWS region/],
      [['--destination', 'https://evil.example/'], /evil\.example/],
      [
        ['--service', 'ec2', '--destination', 'https://console.aws.amazon.com/'],
        /choose one of --service and --destination/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await rig.cli(['console', selector, ...args]);
      expect(result.code, args.join(' ')).toBeGreaterThan(0);
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
    rig.emulator.revokeAllSessions();
    const expired = await rig.cli(['console', selector]);
    expect(expired.code).toBe(1);
    expect(expired.stderr).toBe(
      `sso-tray: The session "${session}" has expired. Sign in again: sso-tray login ${session}\n`,
    );
    expect(await opened()).toEqual([]);
  });
});
