// The emulator driven by the real AWS SDK v3 clients: every operation succeeds, and every modelled
// error reaches the SDK as the exception it names (so the app's error handling sees real shapes).
import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
  paginateListAccountRoles,
  paginateListAccounts,
  type SSOClient,
} from '@aws-sdk/client-sso';
import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
  type SSOOIDCClient,
} from '@aws-sdk/client-sso-oidc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Emulator } from '../emulator';
import { FakeClock } from '../support/fake-clock';
import { pkcePair } from '../support/pkce';
import { oidcClient, portalClient } from '../support/sdk-clients';

const deviceGrant = 'urn:ietf:params:oauth:grant-type:device_code';

let clock: FakeClock;
let emulator: Emulator;
let oidc: SSOOIDCClient;
let portal: SSOClient;

beforeEach(async () => {
  clock = new FakeClock();
  emulator = await Emulator.start({ accounts: 7, rolesPerAccount: 3, seed: 42, now: clock.now });
  oidc = oidcClient(emulator);
  portal = portalClient(emulator);
});

afterEach(async () => {
  oidc.destroy();
  portal.destroy();
  await emulator.close();
});

async function registerDeviceClient() {
  return oidc.send(
    new RegisterClientCommand({
      clientName: 'sso-tray-test',
      clientType: 'public',
      scopes: ['sso:account:access'],
    }),
  );
}

/** Signs in with the device code flow, approving on the emulator's side as the user would. */
async function signIn() {
  const client = await registerDeviceClient();
  const auth = await oidc.send(
    new StartDeviceAuthorizationCommand({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      startUrl: emulator.org.startUrl,
    }),
  );
  expect(emulator.decideUserCode(auth.userCode ?? '', true)).toBe(true);
  const token = await oidc.send(
    new CreateTokenCommand({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      grantType: deviceGrant,
      deviceCode: auth.deviceCode,
    }),
  );
  return { client, token, accessToken: token.accessToken ?? '' };
}

/** Runs a call that must fail and returns the SDK's exception. */
async function failure(
  call: Promise<unknown>,
): Promise<Error & { $metadata: { httpStatusCode?: number }; error?: string }> {
  try {
    await call;
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number }; error?: string };
  }
  throw new Error('the call was expected to fail');
}

describe('SSO OIDC through the SDK', () => {
  it('registers a client with epoch-second timestamps', async () => {
    const client = await registerDeviceClient();
    expect(client.clientId).toBeTruthy();
    expect(client.clientSecret).toBeTruthy();
    expect(client.clientIdIssuedAt).toBe(Math.floor(clock.now() / 1000));
    expect(client.clientSecretExpiresAt).toBe((client.clientIdIssuedAt ?? 0) + 90 * 24 * 3600);
  });

  it('runs the device code flow: pending until approved, then a token with a refresh token', async () => {
    const client = await registerDeviceClient();
    const auth = await oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        startUrl: emulator.org.startUrl,
      }),
    );
    expect(auth).toMatchObject({ expiresIn: 600, interval: 1, verificationUri: `${emulator.url}/device` });
    expect(auth.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(auth.verificationUriComplete).toBe(`${emulator.url}/device?user_code=${auth.userCode ?? ''}`);
    const poll = () =>
      oidc.send(
        new CreateTokenCommand({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          grantType: deviceGrant,
          deviceCode: auth.deviceCode,
        }),
      );
    const pending = await failure(poll());
    expect(pending.name).toBe('AuthorizationPendingException');
    expect(pending.error).toBe('authorization_pending');
    expect(pending.$metadata.httpStatusCode).toBe(400);
    emulator.decideUserCode(auth.userCode ?? '', true);
    const token = await poll();
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 28800 });
    expect(token.accessToken).toMatch(/^aoa/);
    expect(token.refreshToken).toMatch(/^aor/);
    // A device code is good for one token only.
    expect((await failure(poll())).name).toBe('InvalidGrantException');
  });

  it('refreshes and rotates the refresh token', async () => {
    const { client, token } = await signIn();
    const refreshed = await oidc.send(
      new CreateTokenCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        grantType: 'refresh_token',
        refreshToken: token.refreshToken,
      }),
    );
    expect(refreshed.accessToken).not.toBe(token.accessToken);
    expect(refreshed.refreshToken).not.toBe(token.refreshToken);
    const reused = await failure(
      oidc.send(
        new CreateTokenCommand({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          grantType: 'refresh_token',
          refreshToken: token.refreshToken,
        }),
      ),
    );
    expect(reused.name).toBe('InvalidGrantException');
    await portal.send(new ListAccountsCommand({ accessToken: refreshed.accessToken }));
  });

  it('runs the authorization code flow with PKCE S256, verifying the code verifier', async () => {
    emulator.setKnobs({ autoApprove: true });
    const client = await oidc.send(
      new RegisterClientCommand({
        clientName: 'sso-tray-test',
        clientType: 'public',
        grantTypes: ['authorization_code', 'refresh_token'],
        redirectUris: ['http://127.0.0.1/oauth/callback'],
        issuerUrl: emulator.org.startUrl,
        scopes: ['sso:account:access'],
      }),
    );
    const redirectUri = 'http://127.0.0.1:49152/oauth/callback';
    const authorize = async (challenge: string) => {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId ?? '',
        redirect_uri: redirectUri,
        state: 'state-123',
        code_challenge_method: 'S256',
        scopes: 'sso:account:access',
        code_challenge: challenge,
      });
      const response = await fetch(`${emulator.url}/authorize?${query.toString()}`, { redirect: 'manual' });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
      expect(location.searchParams.get('state')).toBe('state-123');
      return location.searchParams.get('code') ?? '';
    };
    const exchange = (code: string, codeVerifier: string) =>
      oidc.send(
        new CreateTokenCommand({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          grantType: 'authorization_code',
          code,
          redirectUri,
          codeVerifier,
        }),
      );

    const good = pkcePair();
    const token = await exchange(await authorize(good.challenge), good.verifier);
    expect(token.accessToken).toMatch(/^aoa/);
    expect(token.refreshToken).toMatch(/^aor/);

    const other = pkcePair();
    expect((await failure(exchange(await authorize(other.challenge), good.verifier))).name).toBe(
      'InvalidGrantException',
    );
  });

  it('denies on the authorize page with error=access_denied and the state', async () => {
    emulator.setKnobs({ denyApprovals: true });
    const client = await oidc.send(
      new RegisterClientCommand({
        clientName: 't',
        clientType: 'public',
        grantTypes: ['authorization_code'],
        redirectUris: ['http://127.0.0.1/oauth/callback'],
      }),
    );
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: client.clientId ?? '',
      redirect_uri: 'http://127.0.0.1:5000/oauth/callback',
      state: 's1',
      code_challenge_method: 'S256',
      code_challenge: pkcePair().challenge,
    });
    const response = await fetch(`${emulator.url}/authorize?${query.toString()}`, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ error: 'access_denied', state: 's1' });
    expect(location.searchParams.has('code')).toBe(false);
  });
});

describe('the portal API through the SDK', () => {
  it('lists every account and role over pages, and hands out role credentials in epoch milliseconds', async () => {
    const { accessToken } = await signIn();
    const accounts = [];
    for await (const page of paginateListAccounts({ client: portal, pageSize: 2 }, { accessToken })) {
      expect(page.accountList?.length).toBeLessThanOrEqual(2);
      accounts.push(...(page.accountList ?? []));
    }
    expect(accounts).toEqual(
      emulator.org.accounts.map(({ accountId, accountName, emailAddress }) => ({
        accountId,
        accountName,
        emailAddress,
      })),
    );
    const first = emulator.org.accounts[0];
    if (!first) throw new Error('the org has no accounts');
    const roles = [];
    for await (const page of paginateListAccountRoles(
      { client: portal, pageSize: 1 },
      { accessToken, accountId: first.accountId },
    )) {
      roles.push(...(page.roleList ?? []));
    }
    expect(roles).toEqual(first.roles.map((roleName) => ({ roleName, accountId: first.accountId })));

    const { roleCredentials } = await portal.send(
      new GetRoleCredentialsCommand({ accessToken, accountId: first.accountId, roleName: first.roles[0] }),
    );
    expect(roleCredentials?.accessKeyId).toMatch(/^ASIA[0-9A-F]{16}$/);
    expect(roleCredentials?.expiration).toBe(Math.floor((clock.now() + 3600_000) / 1000) * 1000);
    expect(emulator.findIssuedCredentials(roleCredentials?.accessKeyId ?? '')).toEqual({
      accountId: first.accountId,
      roleName: first.roles[0],
    });
  });

  it('logs out: the token and its refresh token stop working', async () => {
    const { client, token, accessToken } = await signIn();
    await portal.send(new LogoutCommand({ accessToken }));
    expect((await failure(portal.send(new ListAccountsCommand({ accessToken })))).name).toBe(
      'UnauthorizedException',
    );
    const refresh = await failure(
      oidc.send(
        new CreateTokenCommand({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          grantType: 'refresh_token',
          refreshToken: token.refreshToken,
        }),
      ),
    );
    expect(refresh.name).toBe('InvalidGrantException');
  });

  it('expires access tokens with the clock', async () => {
    const { accessToken } = await signIn();
    clock.advance(8 * 3600 * 1000);
    expect((await failure(portal.send(new ListAccountsCommand({ accessToken })))).name).toBe(
      'UnauthorizedException',
    );
  });
});

describe('console federation', () => {
  it('turns issued role credentials into a sign-in token that Action=login accepts once', async () => {
    const { accessToken } = await signIn();
    const account = emulator.org.accounts[1];
    if (!account) throw new Error('the org is too small');
    const { roleCredentials: c } = await portal.send(
      new GetRoleCredentialsCommand({
        accessToken,
        accountId: account.accountId,
        roleName: account.roles[1],
      }),
    );
    const session = JSON.stringify({
      sessionId: c?.accessKeyId,
      sessionKey: c?.secretAccessKey,
      sessionToken: c?.sessionToken,
    });
    const tokenResponse = await fetch(
      `${emulator.url}/federation?Action=getSigninToken&SessionDuration=3600&Session=${encodeURIComponent(session)}`,
    );
    expect(tokenResponse.status).toBe(200);
    const { SigninToken } = (await tokenResponse.json()) as { SigninToken: string };
    const destination = 'https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2';
    const login = `${emulator.url}/federation?Action=login&Issuer=${encodeURIComponent(emulator.org.startUrl)}&Destination=${encodeURIComponent(destination)}&SigninToken=${SigninToken}`;
    const response = await fetch(login, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(destination);
    expect(emulator.consoleLogins).toEqual([
      {
        accountId: account.accountId,
        roleName: account.roles[1],
        issuer: emulator.org.startUrl,
        destination,
        sessionDurationSeconds: 3600,
      },
    ]);
    expect((await fetch(login, { redirect: 'manual' })).status).toBe(400);

    const forged = JSON.stringify({
      sessionId: c?.accessKeyId,
      sessionKey: 'wrong',
      sessionToken: c?.sessionToken,
    });
    expect(
      (await fetch(`${emulator.url}/federation?Action=getSigninToken&Session=${encodeURIComponent(forged)}`))
        .status,
    ).toBe(400);
  });
});

describe('modelled errors reach the SDK by name', () => {
  it('OIDC: every exception of the model', async () => {
    const client = await registerDeviceClient();
    const ids = { clientId: client.clientId, clientSecret: client.clientSecret };
    const start = () =>
      oidc.send(new StartDeviceAuthorizationCommand({ ...ids, startUrl: emulator.org.startUrl }));
    const poll = (deviceCode: string | undefined) =>
      oidc.send(new CreateTokenCommand({ ...ids, grantType: deviceGrant, deviceCode }));
    const seen = new Map<string, { status: number | undefined; error: string | undefined }>();
    const expectError = async (call: Promise<unknown>, name: string) => {
      const error = await failure(call);
      expect(error.name).toBe(name);
      seen.set(name, { status: error.$metadata.httpStatusCode, error: error.error });
    };

    await expectError(poll((await start()).deviceCode), 'AuthorizationPendingException');
    emulator.setKnobs({ slowDownPolls: 1 });
    await expectError(poll((await start()).deviceCode), 'SlowDownException');
    emulator.setKnobs({ slowDownPolls: 0 });
    const expiring = await start();
    clock.advance(601_000);
    await expectError(poll(expiring.deviceCode), 'ExpiredTokenException');
    const denied = await start();
    emulator.decideUserCode(denied.userCode ?? '', false);
    await expectError(poll(denied.deviceCode), 'AccessDeniedException');
    await expectError(
      oidc.send(
        new CreateTokenCommand({ ...ids, clientSecret: 'wrong', grantType: deviceGrant, deviceCode: 'x' }),
      ),
      'InvalidClientException',
    );
    await expectError(
      oidc.send(new CreateTokenCommand({ ...ids, grantType: 'refresh_token', refreshToken: 'aor-unknown' })),
      'InvalidGrantException',
    );
    await expectError(poll(undefined), 'InvalidRequestException');
    const authCodeOnly = await oidc.send(
      new RegisterClientCommand({
        clientName: 't',
        clientType: 'public',
        grantTypes: ['authorization_code'],
        redirectUris: ['http://127.0.0.1/oauth/callback'],
      }),
    );
    await expectError(
      oidc.send(
        new StartDeviceAuthorizationCommand({
          clientId: authCodeOnly.clientId,
          clientSecret: authCodeOnly.clientSecret,
          startUrl: emulator.org.startUrl,
        }),
      ),
      'UnauthorizedClientException',
    );
    await expectError(
      oidc.send(new CreateTokenCommand({ ...ids, grantType: 'password' })),
      'UnsupportedGrantTypeException',
    );
    await expectError(
      oidc.send(
        new RegisterClientCommand({ clientName: 't', clientType: 'public', scopes: ['s3:everything'] }),
      ),
      'InvalidScopeException',
    );
    emulator.injectFault({ operation: 'CreateToken', error: 'InternalServerException' });
    await expectError(poll('anything'), 'InternalServerException');
    await expectError(
      oidc.send(new RegisterClientCommand({ clientName: 't', clientType: 'confidential' })),
      'InvalidClientMetadataException',
    );
    await expectError(
      oidc.send(
        new RegisterClientCommand({
          clientName: 't',
          clientType: 'public',
          grantTypes: ['authorization_code'],
          redirectUris: ['https://evil.example/cb'],
        }),
      ),
      'InvalidRedirectUriException',
    );
    emulator.expireRegistrations();
    await expectError(start(), 'InvalidClientException');

    expect(Object.fromEntries(seen)).toEqual({
      AuthorizationPendingException: { status: 400, error: 'authorization_pending' },
      SlowDownException: { status: 400, error: 'slow_down' },
      ExpiredTokenException: { status: 400, error: 'expired_token' },
      AccessDeniedException: { status: 400, error: 'access_denied' },
      InvalidClientException: { status: 401, error: 'invalid_client' },
      InvalidGrantException: { status: 400, error: 'invalid_grant' },
      InvalidRequestException: { status: 400, error: 'invalid_request' },
      UnauthorizedClientException: { status: 400, error: 'unauthorized_client' },
      UnsupportedGrantTypeException: { status: 400, error: 'unsupported_grant_type' },
      InvalidScopeException: { status: 400, error: 'invalid_scope' },
      InternalServerException: { status: 500, error: 'server_error' },
      InvalidClientMetadataException: { status: 400, error: 'invalid_client_metadata' },
      InvalidRedirectUriException: { status: 400, error: 'invalid_redirect_uri' },
    });
  });

  it('OIDC: an injected error carries its optional reason', async () => {
    emulator.injectFault({
      operation: 'CreateToken',
      error: 'AccessDeniedException',
      reason: 'KMS_AccessDeniedException',
    });
    const error = (await failure(
      oidc.send(new CreateTokenCommand({ clientId: 'a', clientSecret: 'b', grantType: deviceGrant })),
    )) as Error & { reason?: string };
    expect(error.name).toBe('AccessDeniedException');
    expect(error.reason).toBe('KMS_AccessDeniedException');
  });

  it('portal: UnauthorizedException, TooManyRequestsException, ResourceNotFoundException, InvalidRequestException, ForbiddenException', async () => {
    const { accessToken } = await signIn();
    const bad = await failure(portal.send(new ListAccountsCommand({ accessToken: 'aoa-not-a-token' })));
    expect([bad.name, bad.message, bad.$metadata.httpStatusCode]).toEqual([
      'UnauthorizedException',
      'Session token not found or invalid',
      401,
    ]);

    const missing = await failure(
      portal.send(new ListAccountRolesCommand({ accessToken, accountId: '000000000000' })),
    );
    expect([missing.name, missing.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 404]);

    const tooBig = await failure(portal.send(new ListAccountsCommand({ accessToken, maxResults: 101 })));
    expect([tooBig.name, tooBig.message]).toEqual([
      'InvalidRequestException',
      'ResultSize parameter must be within the valid limits of: 1-100',
    ]);
    const badToken = await failure(
      portal.send(new ListAccountsCommand({ accessToken, nextToken: 'garbage' })),
    );
    expect(badToken.name).toBe('InvalidRequestException');

    const account = emulator.org.accounts[0];
    if (!account) throw new Error('the org has no accounts');
    emulator.setAssignmentRevoked(account.accountId, account.roles[0] ?? '', true);
    const lost = await failure(
      portal.send(
        new GetRoleCredentialsCommand({
          accessToken,
          accountId: account.accountId,
          roleName: account.roles[0],
        }),
      ),
    );
    expect([lost.name, lost.message, lost.$metadata.httpStatusCode]).toEqual([
      'ForbiddenException',
      'No access',
      403,
    ]);

    emulator.setKnobs({ tps: 1, burst: 1 });
    await portal.send(new ListAccountsCommand({ accessToken }));
    const throttled = await failure(portal.send(new ListAccountsCommand({ accessToken })));
    expect([throttled.name, throttled.$metadata.httpStatusCode]).toEqual(['TooManyRequestsException', 429]);
  });

  it('the SDK retries injected 500s and dropped connections on its own', async () => {
    const { accessToken } = await signIn();
    const retrying = portalClient(emulator, 3);
    emulator.injectFault({ operation: 'ListAccounts', error: 'InternalServerException', times: 2 });
    const result = await retrying.send(new ListAccountsCommand({ accessToken }));
    expect(result.accountList?.length).toBeGreaterThan(0);
    expect(emulator.log.counters().ListAccounts).toEqual({
      requests: 3,
      ok: 1,
      errors: { InternalServerException: 2 },
    });
    retrying.destroy();
  });
});

describe('fault knobs', () => {
  it('drops connections at the configured rate, and the SDK sees a network error', async () => {
    const { accessToken } = await signIn();
    emulator.setKnobs({ dropRate: 1 });
    const dropped = await failure(portal.send(new ListAccountsCommand({ accessToken })));
    expect(dropped.name).not.toMatch(/Exception$/);
    expect(emulator.log.counters().ListAccounts?.errors).toEqual({ dropped: 1 });
    emulator.setKnobs({ dropRate: 0, errorRate: 1 });
    expect((await failure(portal.send(new ListAccountsCommand({ accessToken })))).name).toBe(
      'InternalServerException',
    );
  });

  it('revokes every session', async () => {
    const { accessToken } = await signIn();
    expect(emulator.revokeAllSessions()).toBe(1);
    expect((await failure(portal.send(new ListAccountsCommand({ accessToken })))).name).toBe(
      'UnauthorizedException',
    );
  });
});
