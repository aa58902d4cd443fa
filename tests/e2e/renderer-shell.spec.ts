// The production renderer bundle loads in Chromium under its strict Content-Security-Policy.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { serveFolder } from '../support/static-server';
import { watchProblems } from './support/page-problems';
import { installStubPreloadApi, stubSettings } from '../support/stub-preload-api';

const rendererDist = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

test('the renderer shell renders with no console errors or CSP violations', async ({ page }) => {
  const server = await serveFolder(rendererDist);
  const problems = watchProblems(page);
  // A stub preload API with an empty snapshot: no session yet, so the first-run screen shows.
  await page.addInitScript(installStubPreloadApi, {
    snapshot: { sessions: [], active: null, recent: [], favourites: [], inventories: [] },
    inventory: null,
    settings: stubSettings,
    appVersion: '9.9.9',
  });
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Set up SSO Tray' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Start URL' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  expect(problems).toEqual([]);
  await server.close();
});
