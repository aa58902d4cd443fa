// The main screens of the switcher window in the light and the dark theme, against the real core:
// each is checked with axe in its theme, and saved as a picture. With UPDATE_SCREENSHOTS=1 the
// pictures go to docs/screenshots/ (shown in the README); otherwise to the test's output folder.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';

const docsFolder = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const themes = ['light', 'dark'] as const;

async function capture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await expectNoSeriousViolations(page);
  const path =
    process.env.UPDATE_SCREENSHOTS === '1' ? `${docsFolder}${name}.png` : testInfo.outputPath(`${name}.png`);
  await mkdir(process.env.UPDATE_SCREENSHOTS === '1' ? docsFolder : testInfo.outputDir, { recursive: true });
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
}

for (const theme of themes) {
  test.describe(`screens in the ${theme} theme`, () => {
    test.use({ viewport: { width: 420, height: 520 }, colorScheme: theme });

    test.describe('first run', () => {
      test.use({ bridgeOptions: { withSession: false } });
      test('the start URL form', async ({ page, rendererUrl }, testInfo) => {
        await page.goto(rendererUrl);
        await expect(page.getByRole('heading', { name: 'Set up SSO Tray' })).toBeVisible();
        await page.getByRole('textbox', { name: 'Start URL' }).fill('https://d-1234567890.awsapps.com/start');
        await capture(page, testInfo, `first-run-${theme}`);
      });
    });

    test.describe('sign-in', () => {
      test.use({ bridgeOptions: { browser: 'ignore', knobs: { devicePollIntervalSeconds: 1 } } });
      test('the device code', async ({ page, bridge, rendererUrl }, testInfo) => {
        await page.goto(rendererUrl);
        await expect(page.getByRole('heading', { name: 'Set up SSO Tray' })).toBeVisible();
        // A device-code sign-in started from the tray; nobody approves it while the picture is taken.
        const signIn = bridge.core.sessions.signIn('corp', { flow: 'device-code', noBrowser: true });
        signIn.catch(() => undefined);
        await expect(page.getByLabel('Device code')).toHaveText(/^[A-Z]{4}-[A-Z]{4}$/);
        await capture(page, testInfo, `sign-in-${theme}`);
      });
    });

    test.describe('switcher and settings', () => {
      test.use({ bridgeOptions: { accounts: 40, rolesPerAccount: 3 } });
      test('searching, and the settings', async ({ page, bridge, rendererUrl }, testInfo) => {
        await page.goto(rendererUrl);
        await page.getByRole('button', { name: 'Sign in to corp' }).first().click();
        await expect(page.getByRole('button', { name: 'Refresh accounts of corp' })).toBeEnabled({
          timeout: 20_000,
        });
        const account = bridge.emulator.org.accounts[2];
        await bridge.state.use({
          session: 'corp',
          accountId: account?.accountId ?? '',
          accountName: account?.accountName ?? '',
          roleName: account?.roles[0] ?? '',
        });
        const search = page.getByRole('combobox', { name: 'Search accounts and roles' });
        await search.fill('prod');
        await expect(page.getByRole('option').first()).toBeVisible();
        await capture(page, testInfo, `switcher-${theme}`);
        await page.getByRole('button', { name: 'Settings' }).click();
        await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
        await capture(page, testInfo, `settings-${theme}`);
      });
    });
  });
}
