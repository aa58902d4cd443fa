// Playwright fixtures for the switcher window's tests: `bridge` (the real core behind the page's
// preload API, see core-bridge.ts) and `rendererUrl` (the production renderer build, served once
// per worker). Options per file or describe block: `test.use({ bridgeOptions: { accounts: 50 } })`.
import { test as base } from '@playwright/test';
import { startCoreBridge, type CoreBridge, type CoreBridgeOptions } from './core-bridge';
import { serveRenderer } from './renderer-server';

export interface BridgeFixtures {
  /** Options for `bridge` (emulator size and knobs, first run, browser decision, clock). */
  bridgeOptions: CoreBridgeOptions;
  /** Started before the test's first `page.goto`; disposed after the test. */
  bridge: CoreBridge;
}

export interface RendererFixtures {
  /** The URL of the served `dist/renderer/index.html` (ends with `/`). */
  rendererUrl: string;
}

export const test = base.extend<BridgeFixtures, RendererFixtures>({
  bridgeOptions: [{}, { option: true }],
  // Automatic: a page of these tests always has the preload API, even when the test does not
  // touch the bridge itself.
  bridge: [
    async ({ page, bridgeOptions }, use) => {
      const bridge = await startCoreBridge(page, bridgeOptions);
      try {
        await use(bridge);
      } finally {
        await bridge.dispose();
      }
    },
    { auto: true },
  ],
  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    async ({}, use) => {
      const server = await serveRenderer();
      try {
        await use(server.url);
      } finally {
        await server.close();
      }
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
