// The switcher window end to end: the production renderer in Chromium, its preload API bridged to
// the real core (emulator, temporary HOME, the OS keychain). First run, sign-in, discovery,
// search, switching (checked in the AWS config on disk), the console, expiry, settings, axe.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { watchProblems } from './support/page-problems';

test.describe('first run, sign-in and switching', () => {
  test.use({ bridgeOptions: { withSession: false, accounts: 40, rolesPerAccount: 3 } });

  test('adds a session, signs in with a device code, finds a role and makes it the default', async ({
    page,
    bridge,
    rendererUrl,
  }) => {
    const problems = watchProblems(page);
    await page.goto(rendererUrl);
    await expect(page.getByRole('heading', { name: 'Set up SSO Tray' })).toBeVisible();
    await expectNoSeriousViolations(page);

    // Validation as the user types, then the session is added and the device flow starts.
    await page.getByRole('textbox', { name: 'Start URL' }).fill('not a url');
    await expect(page.getByRole('textbox', { name: 'Start URL' })).toHaveAccessibleDescription(/start URL/i);
    await page.getByRole('textbox', { name: 'Start URL' }).fill(bridge.emulator.org.startUrl);
    await page.getByRole('combobox', { name: 'Region' }).fill('us-east-1');
    await page.getByRole('textbox', { name: 'Session name' }).fill('work');
    await page.getByRole('radio', { name: 'With a code, on any device' }).check();
    await page.getByRole('button', { name: 'Add and sign in' }).click();

    // The emulator approves the code the core opened; the window goes on to the switcher.
    const search = page.getByRole('combobox', { name: 'Search accounts and roles' });
    await expect(page.getByRole('button', { name: /^Refresh(ing)? accounts of work$/ })).toBeVisible({
      timeout: 20_000,
    });
    await expect(search).toBeFocused();
    expect(await readFile(bridge.home.env.AWS_CONFIG_FILE ?? '', 'utf8')).toContain('[sso-session work]');
    expect(bridge.core.settings.signInFlows.work).toBe('device-code');
    expect(bridge.opened.some((url) => url.includes('user_code='))).toBe(true);

    const account = bridge.emulator.org.accounts[7];
    const role = account?.roles[1] ?? '';
    await expect(
      page.getByRole('listbox', { name: 'Accounts and roles' }).getByRole('option').first(),
    ).toBeVisible();
    await search.fill(account?.accountId ?? '');
    const option = page.getByRole('option', { name: `${account?.accountName ?? ''} / ${role}` });
    await expect(option).toBeVisible();
    // An exact account id ranks first.
    await expect(page.getByRole('option').first()).toHaveAccessibleName(
      new RegExp(`^${account?.accountName ?? ''} / `),
    );
    while ((await option.getAttribute('aria-selected')) !== 'true') await search.press('ArrowDown');
    await search.press('Enter');
    await expect
      .poll(async () => readFile(bridge.home.env.AWS_CONFIG_FILE ?? '', 'utf8'))
      .toContain(`sso_role_name = ${role}`);
    const config = await readFile(bridge.home.env.AWS_CONFIG_FILE ?? '', 'utf8');
    expect(config).toContain(
      `[default]\nsso_session = work\nsso_account_id = ${account?.accountId ?? ''}\nsso_role_name = ${role}`,
    );
    // The window hides once the core has answered: one more round trip after the file is written.
    await expect.poll(() => bridge.shell.hidden).toBe(1);
    expect(problems).toEqual([]);
  });
});

test.describe('with a signed-in session', () => {
  test.use({ bridgeOptions: { accounts: 30, rolesPerAccount: 2 } });

  /** Signs in to corp from the first-run screen; the switcher's search box, once focused. */
  async function signedIn(page: Page, rendererUrl: string): Promise<Locator> {
    await page.goto(rendererUrl);
    await page.getByRole('button', { name: 'Sign in to corp' }).first().click();
    const search = page.getByRole('combobox', { name: 'Search accounts and roles' });
    await expect(search).toBeFocused({ timeout: 20_000 });
    return search;
  }

  test('signs in with PKCE, opens the console and copies shell exports from the keyboard', async ({
    page,
    bridge,
    rendererUrl,
  }) => {
    const search = await signedIn(page, rendererUrl);
    const account = bridge.emulator.org.accounts[3];
    await search.fill(account?.accountName ?? '');
    await expect(page.getByRole('option').first()).toHaveAccessibleName(
      new RegExp(`^${account?.accountName ?? ''} / `),
    );
    await search.press('Control+Enter');
    await expect.poll(() => bridge.opened.filter((url) => url.includes('/federation?')).length).toBe(1);
    const consoleUrl = new URL(bridge.opened.find((url) => url.includes('/federation?')) ?? '');
    expect((await fetch(consoleUrl, { redirect: 'manual' })).status).toBe(302);
    expect(bridge.emulator.consoleLogins[0]?.accountId).toBe(account?.accountId);

    await search.press('Control+c');
    await expect.poll(() => bridge.clipboard.length).toBe(1);
    expect(bridge.clipboard[0]).toMatch(/^export AWS_ACCESS_KEY_ID=/);
    await expectNoSeriousViolations(page);
  });

  test('shows the expiry, and signs in again from the status bar', async ({ page, bridge, rendererUrl }) => {
    await signedIn(page, rendererUrl);
    bridge.emulator.revokeAllSessions();
    // The next call with the refused token (the listing that follows sign-in, or a refresh the
    // test asks for once that is done) marks the session expired.
    const signIn = page.getByRole('button', { name: 'Sign in to corp' });
    await expect(async () => {
      if (await signIn.isVisible()) return;
      const refresh = page.getByRole('button', { name: 'Refresh accounts of corp' });
      if ((await refresh.count()) > 0 && (await refresh.isEnabled())) await refresh.click();
      await expect(signIn).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole('alert')).toContainText(/expired/i);
    await signIn.click();
    await expect(page.getByRole('button', { name: 'Refresh accounts of corp' })).toBeVisible({
      timeout: 20_000,
    });
  });

  test("opens on the screen the tray's menu asks for, in a new window and in an open one", async ({
    page,
    bridge,
    rendererUrl,
  }) => {
    const search = await signedIn(page, rendererUrl);
    // An open window is told: "Settings…", then "Switch account…", then "Add a session…".
    bridge.emit('showView', 'settings');
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    bridge.emit('showView', 'main');
    bridge.emit('focusSearch');
    await expect(search).toBeFocused();
    bridge.emit('showView', 'add-session');
    await expect(page.getByRole('heading', { name: 'Set up SSO Tray' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Start URL' })).toBeVisible();
    // A window made for the menu item reads it from its URL (a new page, not a change of fragment).
    await page.goto('about:blank');
    await page.goto(`${rendererUrl}#settings`);
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await page.getByRole('button', { name: 'Back to accounts' }).click();
    await expect(search).toBeFocused();
  });

  test('settings changes reach the core and its files', async ({ page, bridge, rendererUrl }) => {
    await signedIn(page, rendererUrl);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect.poll(() => bridge.core.settings.theme).toBe('dark');
    const target = page.getByRole('textbox', { name: 'Profile to point at the chosen role' });
    await target.fill('work');
    await page.getByRole('button', { name: 'Save Profile to point at the chosen role' }).click();
    await expect.poll(() => bridge.core.settings.targetProfile).toBe('work');
    const stored = JSON.parse(await readFile(`${bridge.core.paths.appHome}/settings.json`, 'utf8')) as Record<
      string,
      unknown
    >;
    expect(stored).toMatchObject({ theme: 'dark', targetProfile: 'work' });
    // Removing a session takes a second press, then its section leaves the AWS config.
    await page.getByRole('button', { name: 'Remove corp' }).click();
    await page.getByRole('button', { name: 'Confirm: remove corp from the AWS config' }).click();
    await expect
      .poll(async () => readFile(bridge.home.env.AWS_CONFIG_FILE ?? '', 'utf8'))
      .not.toContain('[sso-session corp]');
    await expectNoSeriousViolations(page);
  });
});

test.describe('a large organisation behind a slow portal', () => {
  test.use({ bridgeOptions: { accounts: 150, rolesPerAccount: 1, knobs: { latencyMs: 40, tps: 40 } } });

  test('shows the discovery progress while the accounts are listed', async ({ page, rendererUrl }) => {
    await page.goto(rendererUrl);
    await page.getByRole('button', { name: 'Sign in to corp' }).first().click();
    await expect(page.getByRole('progressbar', { name: 'Listing the accounts of corp' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByText(/^corp: \d+ of \d+\+? accounts$/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Refresh accounts of corp' })).toBeEnabled({
      timeout: 30_000,
    });
    await expect(page.getByRole('progressbar')).toHaveCount(0);
  });
});

test.describe('static keys in the credentials file', () => {
  test.use({
    bridgeOptions: {
      credentialsFile: '[default]\naws_access_key_id = AKIAOLD\naws_secret_access_key = old\n',
    },
  });

  test('warn that they shadow the switch, and keep the window open', async ({ page, rendererUrl }) => {
    await page.goto(rendererUrl);
    await page.getByRole('button', { name: 'Sign in to corp' }).first().click();
    await expect(page.getByRole('button', { name: 'Refresh accounts of corp' })).toBeEnabled({
      timeout: 20_000,
    });
    // The window fetches the listed roles after the listing: wait until one is selected.
    await expect(page.getByRole('option', { selected: true })).toBeVisible();
    await page.getByRole('combobox', { name: 'Search accounts and roles' }).press('Enter');
    await expect(page.getByRole('status', { name: 'Switch shadowed' })).toContainText(/aws_access_key_id/);
  });
});
