// The production renderer bundle loads in Chromium under its strict Content-Security-Policy.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { serveFolder } from '../support/static-server';

const rendererDist = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

test('the renderer shell renders with no console errors or CSP violations', async ({ page }) => {
  const server = await serveFolder(rendererDist);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // A stub preload API with an empty snapshot: no session yet, so the first-run screen shows.
  await page.addInitScript(() => {
    const snapshot = { sessions: [], active: null, recent: [], favourites: [], inventories: [] };
    const settings = {
      tokenStore: 'keychain',
      awsCliCacheMirror: true,
      targetProfile: 'default',
      profileTemplate: '{account_name}/{role_name}',
      inventoryMaxAgeMinutes: 60,
      consoleMode: 'federation',
      consoleRegion: '',
      consoleDestination: '',
      profileSyncAuto: false,
      notificationLeadMinutes: 10,
      globalShortcut: 'CommandOrControl+Alt+A',
      launchAtLogin: false,
      theme: 'system',
    };
    const nothing = () => Promise.resolve(undefined);
    const api = {
      appVersion: '9.9.9',
      platform: 'linux',
      getSnapshot: () => Promise.resolve(snapshot),
      getInventory: () => Promise.resolve(null),
      getSettings: () => Promise.resolve(settings),
      signIn: nothing,
      cancelSignIn: nothing,
      signOut: nothing,
      addSession: nothing,
      refreshAccounts: () => Promise.resolve({ added: 0, removed: 0 }),
      useRole: () => Promise.resolve({ profile: 'default', changed: true, removed: [], shadowedBy: [] }),
      openConsole: nothing,
      copyShellExports: nothing,
      setFavourite: nothing,
      updateSetting: nothing,
      syncProfiles: () => Promise.resolve({ added: 0, updated: 0, removed: 0, diff: '' }),
      hideWindow: nothing,
      onSnapshot: () => () => undefined,
      onFocusSearch: () => () => undefined,
    };
    Object.defineProperty(globalThis, 'ssoTray', { value: api });
  });
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Set up SSO Tray' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Start URL' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  expect(problems).toEqual([]);
  await server.close();
});
