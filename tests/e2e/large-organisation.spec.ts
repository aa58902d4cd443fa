// 10,000 roles (2,000 accounts × 5) stay usable: a screenful of rows in the DOM wherever the list
// is scrolled, search finds one account among all of them, the keyboard walks the whole list with
// the selection kept in view, and a narrowing query shows its results from the top. How fast is
// the benchmark's business (npm run bench -- switcher); this checks the virtualized list is right.
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { largeOrganisation, largeOrganisationAccountId } from '../support/large-organisation';
import { serveFolder } from '../support/static-server';
import { installStubPreloadApi, stubSettings } from '../support/stub-preload-api';

const rendererDist = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
const { inventory, snapshot } = largeOrganisation(2000);

let server: Awaited<ReturnType<typeof serveFolder>>;
test.beforeAll(async () => {
  server = await serveFolder(rendererDist);
});
test.afterAll(async () => {
  await server.close();
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 420, height: 560 });
  await page.addInitScript(installStubPreloadApi, {
    snapshot,
    inventory,
    settings: stubSettings,
    appVersion: 't',
  });
  await page.goto(server.url);
  await expect(page.getByRole('option').first()).toBeVisible();
});

const search = (page: Page) => page.getByRole('combobox', { name: 'Search accounts and roles' });
const list = (page: Page) => page.getByRole('listbox', { name: 'Accounts and roles' });

/** The option the search box points at (aria-activedescendant). */
async function selectedOption(page: Page) {
  const id = await search(page).getAttribute('aria-activedescendant');
  expect(id).not.toBeNull();
  return page.locator(`[id="${id ?? ''}"]`);
}

test('keeps about a screenful of rows in the DOM, however far the list scrolls', async ({ page }) => {
  const options = page.getByRole('option');
  expect(await options.count()).toBeLessThanOrEqual(40);
  // The list is as tall as all its rows: 2,000 accounts (46 px) and 10,000 roles (34 px).
  expect(await list(page).evaluate((element) => element.scrollHeight)).toBe(2000 * 46 + 10_000 * 34);

  await list(page).evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await expect(page.getByRole('option', { name: 'platform-dev-1999 / Billing' })).toBeInViewport();
  expect(await options.count()).toBeLessThanOrEqual(40);
  // The selected option, scrolled out of view, stays in the DOM: the search box names it.
  await expect(await selectedOption(page)).toHaveAccessibleName('payments-prod-0 / AdministratorAccess');
  await expect(await selectedOption(page)).not.toBeInViewport();

  await list(page).evaluate((element) => {
    element.scrollTop = element.scrollHeight / 2;
  });
  await expect(page.getByRole('option', { name: /-1000 \/ AdministratorAccess$/ })).toBeInViewport();
  expect(await options.count()).toBeLessThanOrEqual(40);
});

test('finds one account among 2,000 by its id, with dashes, or by its name', async ({ page }) => {
  await search(page).fill(largeOrganisationAccountId(1234));
  await expect(page.getByRole('option').first()).toHaveAccessibleName(
    'platform-dev-1234 / AdministratorAccess',
  );
  await search(page).fill('1000-0000-1234');
  await expect(page.getByRole('option').first()).toHaveAccessibleName(
    'platform-dev-1234 / AdministratorAccess',
  );
  await search(page).fill('platform-dev-1999 bill');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option')).toHaveAccessibleName('platform-dev-1999 / Billing');
});

test('walks the whole list by keyboard, the selection always in view', async ({ page }) => {
  await expect(await selectedOption(page)).toHaveAccessibleName('payments-prod-0 / AdministratorAccess');
  // 1,000 PageDowns of 10 roles reach the last role, where the selection stays. Most are sent from
  // the page (a round trip per key would take most of a minute), the last ones by the keyboard.
  for (let chunk = 0; chunk < 10; chunk++) {
    await search(page).evaluate(async (input) => {
      const channel = new MessageChannel();
      for (let step = 0; step < 99; step++) {
        input.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, cancelable: true }),
        );
        // Let the window render the move before the next key, as it would between real keys.
        await new Promise((resolve) => {
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(null);
        });
      }
    });
    await search(page).press('PageDown');
    await expect(await selectedOption(page)).toBeInViewport();
  }
  await expect(await selectedOption(page)).toHaveAccessibleName('platform-dev-1999 / Billing');
  await expect(await selectedOption(page)).toBeInViewport();
  await search(page).press('ArrowUp');
  await expect(await selectedOption(page)).toHaveAccessibleName('platform-dev-1999 / DeveloperAccess');
  await expect(await selectedOption(page)).toHaveAttribute('aria-selected', 'true');
});

test('shows the results from the top when a query narrows a list scrolled far down', async ({ page }) => {
  await list(page).evaluate((element) => {
    element.scrollTop = element.scrollHeight * 0.8;
  });
  // The top is gone from the DOM (but for the selected option, which stays for the search box).
  await expect(page.getByRole('option', { name: 'payments-prod-0 / PowerUserAccess' })).toHaveCount(0);
  await search(page).fill('ledger-dev');
  const first = page.getByRole('option').first();
  await expect(first).toHaveAccessibleName(/^ledger-dev-\d+ \/ AdministratorAccess$/);
  await expect(first).toBeInViewport();
  await expect(await selectedOption(page)).toBeInViewport();
  // Back at the very top, so the first account's header shows above its first role.
  expect(await list(page).evaluate((element) => element.scrollTop)).toBe(0);
});
