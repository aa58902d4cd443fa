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
  await page.addInitScript(() => {
    Object.defineProperty(globalThis, 'ssoTray', { value: { appVersion: '9.9.9', platform: 'linux' } });
  });
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'SSO Tray' })).toBeVisible();
  await expect(page.getByLabel('Version')).toHaveText('Version 9.9.9');
  expect(problems).toEqual([]);
  await server.close();
});
