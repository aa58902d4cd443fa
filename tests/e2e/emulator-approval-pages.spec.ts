// A person approving a sign-in in a real browser: the emulator's device verification page and its
// authorization page, clicked in Debian's Chromium.
import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { expect, test } from '@playwright/test';
import { Emulator } from '../emulator';
import { listenForCallback } from '../support/loopback-callback';
import { pkcePair } from '../support/pkce';
import { oidcClient } from '../support/sdk-clients';

let emulator: Emulator;

test.beforeEach(async () => {
  emulator = await Emulator.start({ accounts: 2, rolesPerAccount: 1 });
});

test.afterEach(async () => {
  await emulator.close();
});

async function startDeviceAuthorization() {
  const oidc = oidcClient(emulator);
  const client = await oidc.send(
    new RegisterClientCommand({ clientName: 'e2e', clientType: 'public', scopes: ['sso:account:access'] }),
  );
  const ids = { clientId: client.clientId, clientSecret: client.clientSecret };
  const auth = await oidc.send(
    new StartDeviceAuthorizationCommand({ ...ids, startUrl: emulator.org.startUrl }),
  );
  const poll = () =>
    oidc.send(
      new CreateTokenCommand({
        ...ids,
        grantType: 'urn:ietf:params:oauth:grant-type:device_code',
        deviceCode: auth.deviceCode,
      }),
    );
  return { auth, poll, oidc };
}

test('the device verification page approves the code the browser was sent to', async ({ page }) => {
  const { auth, poll, oidc } = await startDeviceAuthorization();
  await expect(poll()).rejects.toThrow(expect.objectContaining({ name: 'AuthorizationPendingException' }));
  await page.goto(auth.verificationUriComplete ?? '');
  await expect(page.getByText(auth.userCode ?? '')).toBeVisible();
  await page.getByRole('button', { name: 'Allow access' }).click();
  await expect(page.getByRole('heading', { name: 'Request approved' })).toBeVisible();
  const token = await poll();
  expect(token.accessToken).toMatch(/^aoa/);
  oidc.destroy();
});

test('the device verification page denies, and the client hears access_denied', async ({ page }) => {
  const { auth, poll, oidc } = await startDeviceAuthorization();
  await page.goto(`${emulator.url}/device`);
  await page.getByLabel('Code').fill(auth.userCode ?? '');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page.getByRole('heading', { name: 'Request denied' })).toBeVisible();
  await expect(poll()).rejects.toThrow(expect.objectContaining({ name: 'AccessDeniedException' }));
  oidc.destroy();
});

test('the authorization page redirects the browser to the loopback listener with code and state', async ({
  page,
}) => {
  const oidc = oidcClient(emulator);
  const client = await oidc.send(
    new RegisterClientCommand({
      clientName: 'e2e',
      clientType: 'public',
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: ['http://127.0.0.1/oauth/callback'],
      scopes: ['sso:account:access'],
    }),
  );
  const listener = await listenForCallback();
  const { verifier, challenge } = pkcePair();
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId ?? '',
    redirect_uri: listener.redirectUri,
    state: 'e2e-state',
    code_challenge_method: 'S256',
    scopes: 'sso:account:access',
    code_challenge: challenge,
  });
  await page.goto(`${emulator.url}/authorize?${query.toString()}`);
  await page.getByRole('button', { name: 'Allow access' }).click();
  const callback = await listener.callback;
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  listener.close();
  expect(callback.get('state')).toBe('e2e-state');
  const token = await oidc.send(
    new CreateTokenCommand({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      grantType: 'authorization_code',
      code: callback.get('code') ?? '',
      redirectUri: listener.redirectUri,
      codeVerifier: verifier,
    }),
  );
  expect(token.refreshToken).toMatch(/^aor/);
  oidc.destroy();
});
