// Console sign-in against the emulator's federation endpoint, with role credentials from the real
// SDK's GetRoleCredentials: the Session JSON is accepted, the login URL signs the browser in as
// that role at the destination, a used or expired token is refused, the sign-out chain signs out
// and then in, and a refused getSigninToken is a clear error that holds no secret.
import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { afterEach, describe, expect, it } from 'vitest';
import { buildConsoleUrl, type ConsoleUrlRequest } from '../../electron/core/console/console-url';
import { fetchSigninToken } from '../../electron/core/console/federation-client';
import { federationBase, loginUrl } from '../../electron/core/console/federation-url';
import { Emulator } from '../emulator';
import { emulatorAccessToken } from '../support/emulator-token';
import { portalClient } from '../support/sdk-clients';
import { appErrorOfAsync } from '../support/app-error-of';

let emulator: Emulator;
// The emulator's clock, so sign-in tokens and credentials can be made to expire.
let nowMs = Date.now();

afterEach(async () => {
  await emulator.close();
});

interface Role {
  accountId: string;
  roleName: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

async function start(): Promise<void> {
  nowMs = Date.now();
  emulator = await Emulator.start({ accounts: 2, rolesPerAccount: 2, now: () => nowMs });
}

/** Role credentials as SSO Tray gets them: GetRoleCredentials through the real SDK client. */
async function roleCredentials(index = 0): Promise<Role> {
  const account = emulator.org.accounts[index];
  const roleName = account?.roles[0];
  if (!account || !roleName) throw new Error('the emulator org has no roles');
  const accessToken = await emulatorAccessToken(emulator);
  const client = portalClient(emulator);
  try {
    const { roleCredentials: issued } = await client.send(
      new GetRoleCredentialsCommand({ accessToken, accountId: account.accountId, roleName }),
    );
    const { accessKeyId, secretAccessKey, sessionToken } = issued ?? {};
    if (!accessKeyId || !secretAccessKey || !sessionToken) throw new Error('incomplete role credentials');
    return {
      accountId: account.accountId,
      roleName,
      credentials: { accessKeyId, secretAccessKey, sessionToken },
    };
  } finally {
    client.destroy();
  }
}

function request(role: Role, patch: Partial<ConsoleUrlRequest> = {}): ConsoleUrlRequest {
  return {
    mode: 'federation',
    startUrl: emulator.org.startUrl,
    region: 'eu-west-1',
    accountId: role.accountId,
    roleName: role.roleName,
    credentials: () => Promise.resolve(role.credentials),
    env: emulator.env,
    ...patch,
  };
}

/** What a browser does with the URL, one hop: the status and where it is sent next. */
async function open(url: string): Promise<{ status: number; location: string | null; body: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}

describe('console federation against the emulator', () => {
  it('exchanges SDK role credentials for a sign-in token', async () => {
    await start();
    const role = await roleCredentials();
    const base = federationBase('us-east-1', emulator.env);
    expect(base).toBe(`${emulator.url}/federation`);
    const token = await fetchSigninToken(base, role.credentials, { sessionDurationSeconds: 3600 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{64,}$/);
    expect(emulator.log.count('Federation', (entry) => entry.status === 200)).toBe(1);
  });

  it('signs the browser in as the role at the destination with the login URL', async () => {
    await start();
    const role = await roleCredentials(1);
    const url = await buildConsoleUrl(
      request(role, { destination: { service: 'cloudformation' }, sessionDurationSeconds: 7200 }),
    );
    expect(url.startsWith(`${emulator.url}/federation?Action=login&`)).toBe(true);
    const destination = 'https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1';
    expect(await open(url)).toEqual({ status: 302, location: destination, body: '' });
    expect(emulator.consoleLogins).toEqual([
      {
        accountId: role.accountId,
        roleName: role.roleName,
        issuer: emulator.org.startUrl,
        destination,
        sessionDurationSeconds: 7200,
      },
    ]);
    expect(emulator.consoleLogouts).toBe(0);
  });

  it('lands on a console URL the user gave, as given', async () => {
    await start();
    const role = await roleCredentials();
    const destination = 'https://s3.console.aws.amazon.com/s3/buckets/my-bucket?region=eu-west-1&tab=objects';
    const url = await buildConsoleUrl(request(role, { destination: { url: destination } }));
    expect((await open(url)).location).toBe(destination);
    expect(emulator.consoleLogins.map((login) => login.destination)).toEqual([destination]);
  });

  it('refuses a sign-in token that was used, made up or has expired', async () => {
    await start();
    const role = await roleCredentials();
    const base = federationBase('eu-west-1', emulator.env);
    const destination = 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1';
    const issuer = emulator.org.startUrl;

    const used = loginUrl(base, {
      issuer,
      destination,
      signinToken: await fetchSigninToken(base, role.credentials),
    });
    expect((await open(used)).status).toBe(302);
    expect(await open(used)).toEqual({
      status: 400,
      location: null,
      body: 'The sign-in token is invalid or expired',
    });

    expect((await open(loginUrl(base, { issuer, destination, signinToken: 'made-up' }))).status).toBe(400);

    const late = loginUrl(base, {
      issuer,
      destination,
      signinToken: await fetchSigninToken(base, role.credentials),
    });
    nowMs += (emulator.knobs.signinTokenLifetimeSeconds + 1) * 1000;
    expect(await open(late)).toEqual({
      status: 400,
      location: null,
      body: 'The sign-in token is invalid or expired',
    });
    expect(emulator.consoleLogins).toHaveLength(1);
  });

  it('signs out first and then in, in that order, through one URL', async () => {
    await start();
    const role = await roleCredentials();
    const url = await buildConsoleUrl(request(role, { signOutFirst: true }));
    expect(url.startsWith(`${emulator.url}/oauth?Action=logout&redirect_uri=`)).toBe(true);
    emulator.log.clear();

    const signedOut = await open(url);
    expect(signedOut.status).toBe(302);
    expect(emulator.consoleLogouts).toBe(1);
    expect(emulator.consoleLogins).toHaveLength(0);
    expect(signedOut.location?.startsWith(`${emulator.url}/federation?Action=login&`)).toBe(true);

    const signedIn = await open(signedOut.location ?? '');
    expect(signedIn).toEqual({
      status: 302,
      location: 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
      body: '',
    });
    expect(emulator.consoleLogins.map((login) => [login.accountId, login.roleName])).toEqual([
      [role.accountId, role.roleName],
    ]);
    expect(emulator.log.entries.map((entry) => entry.operation)).toEqual(['ConsoleLogout', 'Federation']);
  });

  it('says clearly, without secrets, when getSigninToken refuses the credentials', async () => {
    await start();
    const role = await roleCredentials();
    const forged = {
      ...role,
      credentials: { ...role.credentials, secretAccessKey: `${role.credentials.secretAccessKey}x` },
    };
    const host = new URL(emulator.url).host;

    const refused = await appErrorOfAsync(() => buildConsoleUrl(request(forged)));
    expect(refused.code).toBe('AccessDenied');
    expect(refused.message).toBe(
      `The AWS sign-in endpoint ${host} refused the role credentials (HTTP 400: The credentials in Session are not valid); they may have expired or be chained: sign in again with sso-tray login and retry.`,
    );

    nowMs += (emulator.knobs.credentialLifetimeSeconds + 1) * 1000;
    const expired = await appErrorOfAsync(() => buildConsoleUrl(request(role)));
    expect(expired.code).toBe('AccessDenied');
    expect(expired.message).toContain('(HTTP 400: The credentials in Session have expired)');

    for (const error of [refused, expired]) {
      const text = `${error.message} ${String(error.cause)}`;
      for (const secret of [...emulator.issuedSecrets(), ...Object.values(forged.credentials)])
        expect(text).not.toContain(secret);
      expect(error.message).not.toContain('Session=');
    }
    expect(emulator.consoleLogins).toHaveLength(0);
  });

  it('says the endpoint cannot be reached when nothing listens there', async () => {
    await start();
    const role = await roleCredentials();
    const env = emulator.env;
    await emulator.close();
    const error = await appErrorOfAsync(() => buildConsoleUrl(request(role, { env })));
    expect(error.code).toBe('NetworkError');
    expect(error.message).toBe(
      `Could not reach the AWS sign-in endpoint ${new URL(env.AWS_ENDPOINT_URL_SIGNIN ?? '').host} (ECONNREFUSED); check your network and try again.`,
    );
    for (const secret of Object.values(role.credentials)) expect(error.message).not.toContain(secret);
  });
});
