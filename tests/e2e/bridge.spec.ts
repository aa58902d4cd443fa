// The test bridge is a faithful stand-in for Electron's IPC: a small page of our own (not the
// renderer) uses window.ssoTray under the renderer's CSP, and its requests reach the real router
// and core (emulator, temporary HOME, the OS keychain), its errors come back as IpcErrors, and the
// core's events reach its listeners until they unsubscribe.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AppSnapshot } from '../../shared/session-snapshot';
import { keychainItem } from '../support/keychain';
import { serveFolder } from '../support/static-server';
import { expectNoSeriousViolations } from './support/axe';
import { preloadApi } from './support/core-bridge';
import { expect, test as bridgeTest } from './support/fixtures';
import { watchProblems } from './support/page-problems';

const pageFolder = fileURLToPath(new URL('./support/bridge-page', import.meta.url));

const test = bridgeTest.extend<object, { pageUrl: string }>({
  pageUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    async ({}, use) => {
      const server = await serveFolder(pageFolder);
      try {
        await use(server.url);
      } finally {
        await server.close();
      }
    },
    { scope: 'worker' },
  ],
});

test('the page reads the snapshot, signs in with a device code and hears the snapshot events', async ({
  page,
  bridge,
  pageUrl,
}) => {
  const problems = watchProblems(page);
  await page.goto(pageUrl);
  await expect(page.locator('#status')).toHaveText('corp: signed-out');
  await expect(page.locator('#version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(page.locator('#platform')).toHaveText(process.platform);

  await page.getByRole('button', { name: 'Sign in with a device code' }).click();
  await expect(page.locator('#status')).toHaveText('corp: active');
  expect(Number(await page.locator('#event-count').textContent())).toBeGreaterThan(0);
  await expect(page.locator('#error')).toHaveText('');
  // The browser was sent to the verification page with the code, and approved it on the emulator.
  expect(new URL(bridge.opened[0] ?? '').searchParams.get('user_code')).toMatch(/^\w{4}-\w{4}$/);
  // The token is in the OS keychain, under this test's own service.
  expect(await keychainItem('token:corp', bridge.keychainService)).toContain('accessToken');

  // Discovery follows the sign-in in the background, and its result arrives as events too.
  await expect
    .poll(async () => JSON.parse((await page.locator('#snapshot').textContent()) ?? '{}') as AppSnapshot)
    .toMatchObject({ inventories: [{ session: 'corp', accounts: 3, roles: 6, complete: true }] });
  const api = await preloadApi(page);
  const inventory = await api.evaluate((ssoTray) => ssoTray.getInventory({ session: 'corp' }));
  expect(inventory?.accounts).toHaveLength(3);
  expect(problems).toEqual([]);
  expect(bridge.unexpectedErrors).toEqual([]);
});

test('the router checks payloads, and errors cross with their code', async ({ page, bridge, pageUrl }) => {
  await page.goto(pageUrl);
  const api = await preloadApi(page);
  // Schema validation runs as in the app: an unknown flow, an extra key, an argument where none is taken.
  const badFlow = await api.evaluate((ssoTray) =>
    ssoTray.signIn({ session: 'corp', flow: 'carrier-pigeon' as 'pkce' }).catch((error: unknown) => error),
  );
  expect(badFlow).toEqual({
    name: 'IpcError',
    code: 'InvalidInput',
    message: expect.stringMatching(/^signIn: /),
  });
  const extraKey = await api.evaluate((ssoTray) =>
    ssoTray
      .signOut({ session: 'corp', sneaky: true } as { session: string })
      .catch((error: unknown) => error),
  );
  expect(extraKey).toMatchObject({ name: 'IpcError', code: 'InvalidInput' });
  const argument = await api.evaluate((ssoTray) =>
    (ssoTray.getSnapshot as (request: unknown) => Promise<unknown>)('please').catch(
      (error: unknown) => error,
    ),
  );
  expect(argument).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(/^getSnapshot: /) });

  // An AppError from the core crosses with its code and its message; it is a plain object.
  const notSignedIn = await api.evaluate(async (ssoTray) => {
    const error = await ssoTray.refreshAccounts({ session: 'corp' }).catch((caught: unknown) => caught);
    return { error, isError: error instanceof Error };
  });
  expect(notSignedIn).toEqual({
    error: { name: 'IpcError', code: 'NotSignedIn', message: expect.stringContaining('corp') },
    isError: false,
  });
  expect(bridge.unexpectedErrors).toEqual([]);
});

test('events reach each listener until it unsubscribes', async ({ page, bridge, pageUrl }) => {
  await page.goto(pageUrl);
  await bridge.core.sessions.signIn('corp', { flow: 'device-code' });
  await expect(page.locator('#status')).toHaveText('corp: active');
  await expect.poll(() => bridge.state.inventory('corp')?.accounts.length).toBe(3);
  await bridge.settled();
  const api = await preloadApi(page);
  await api.evaluate((ssoTray) => {
    const host = globalThis as unknown as { heard: Record<string, number>; stop: (() => void)[] };
    host.heard = { kept: 0, dropped: 0, focus: 0 };
    host.stop = [
      ssoTray.onSnapshot(() => {
        host.heard.dropped = (host.heard.dropped ?? 0) + 1;
      }),
      ssoTray.onFocusSearch(() => {
        host.heard.focus = (host.heard.focus ?? 0) + 1;
      }),
    ];
    ssoTray.onSnapshot(() => {
      host.heard.kept = (host.heard.kept ?? 0) + 1;
    });
  });
  const heard = () => page.evaluate(() => (globalThis as unknown as { heard: Record<string, number> }).heard);
  const account = bridge.state.inventory('corp')?.accounts[0];
  const ref = { session: 'corp', accountId: account?.accountId ?? '', roleName: account?.roles[0] ?? '' };

  await api.evaluate((ssoTray, request) => ssoTray.setFavourite({ ...request, favourite: true }), ref);
  bridge.emit('focusSearch');
  await bridge.settled();
  expect(await heard()).toEqual({ kept: 1, dropped: 1, focus: 1 });

  await page.evaluate(() => {
    for (const stop of (globalThis as unknown as { stop: (() => void)[] }).stop) stop();
  });
  await api.evaluate((ssoTray, request) => ssoTray.setFavourite({ ...request, favourite: false }), ref);
  bridge.emit('focusSearch');
  await bridge.settled();
  expect(await heard()).toEqual({ kept: 2, dropped: 1, focus: 1 });
  expect((await api.evaluate((ssoTray) => ssoTray.getSnapshot())).favourites).toEqual([]);
});

test('a frame inside the window is refused, as the trusted-sender check refuses it', async ({
  page,
  bridge,
  pageUrl,
}) => {
  await page.goto(`${pageUrl}frame.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('#error')).toHaveText(/^AccessDenied: /);
  // The main frame is ours, and is answered.
  const api = await preloadApi(page);
  expect((await api.evaluate((ssoTray) => ssoTray.getSnapshot())).sessions).toHaveLength(1);
  expect(bridge.unexpectedErrors).toEqual([]);
});

test('a PKCE sign-in is approved in the browser, and a cancelled one rejects with Cancelled', async ({
  page,
  bridge,
  pageUrl,
}) => {
  await page.goto(pageUrl);
  const api = await preloadApi(page);
  await api.evaluate((ssoTray) => ssoTray.signIn({ session: 'corp', flow: 'pkce' }));
  await expect(page.locator('#status')).toHaveText('corp: active');
  expect(new URL(bridge.opened[0] ?? '').pathname).toBe('/authorize');
  await api.evaluate((ssoTray) => ssoTray.signOut({ session: 'corp' }));
  await expect(page.locator('#status')).toHaveText('corp: signed-out');

  // The person ignores the browser: the page shows the code, then the user cancels.
  bridge.setBrowser('ignore');
  await api.evaluate((ssoTray) => {
    const host = globalThis as unknown as { signingIn: Promise<unknown> };
    host.signingIn = ssoTray.signIn({ session: 'corp', flow: 'device-code' }).then(
      () => 'signed in',
      (error: unknown) => error,
    );
  });
  await expect(page.locator('#status')).toHaveText('corp: signing-in');
  // The code shows once the device authorization has started.
  await expect
    .poll(() => api.evaluate(async (ssoTray) => (await ssoTray.getSnapshot()).sessions[0]?.pending?.userCode))
    .toMatch(/^\w{4}-\w{4}$/);
  expect(bridge.opened).toHaveLength(2);
  await api.evaluate((ssoTray) => ssoTray.cancelSignIn({ session: 'corp' }));
  expect(
    await page.evaluate(() => (globalThis as unknown as { signingIn: Promise<unknown> }).signingIn),
  ).toMatchObject({ name: 'IpcError', code: 'Cancelled' });
  await expect(page.locator('#status')).toHaveText('corp: signed-out');
});

test.describe('on first run', () => {
  test.use({ bridgeOptions: { withSession: false } });

  test('there is no session, and one added through the page lands in the AWS config', async ({
    page,
    bridge,
    pageUrl,
  }) => {
    await page.goto(pageUrl);
    await expect(page.locator('#status')).toHaveText('');
    const api = await preloadApi(page);
    expect((await api.evaluate((ssoTray) => ssoTray.getSnapshot())).sessions).toEqual([]);
    await api.evaluate(
      (ssoTray, startUrl) => ssoTray.addSession({ name: 'corp', startUrl, region: 'us-east-1' }),
      bridge.emulator.org.startUrl,
    );
    await expect(page.locator('#status')).toHaveText('corp: signed-out');
    expect(await readFile(bridge.home.env.AWS_CONFIG_FILE ?? '', 'utf8')).toContain('[sso-session corp]');
    const invalid = await api.evaluate((ssoTray) =>
      ssoTray
        .addSession({ name: 'lab', startUrl: 'not a url', region: 'us-east-1' })
        .catch((error: unknown) => error),
    );
    expect(invalid).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(/^addSession: /) });
  });
});

test('the accessibility check runs on the page', async ({ page, bridge, pageUrl }) => {
  await page.goto(pageUrl);
  await expect(page.locator('#status')).toHaveText('corp: signed-out');
  await expectNoSeriousViolations(page);
  await expectNoSeriousViolations(page, { include: 'main', exclude: '#snapshot' });
  expect(bridge.unexpectedErrors).toEqual([]);
});
