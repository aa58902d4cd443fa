/// <reference lib="dom" />
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { Inventory } from '../shared/inventory';
import type { AppSnapshot } from '../shared/session-snapshot';
import { serveFolder } from '../tests/support/static-server';
import { installStubPreloadApi, stubSettings } from '../tests/support/stub-preload-api';
import { median, printTable } from './measure';

const rendererDist = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const accounts = 2000;
const rolesPerAccount = 5;
const roleNames = ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess', 'DeveloperAccess', 'Billing'];

/**
 * The switcher window with 10,000 roles (2,000 accounts × 5), in Debian's Chromium on the
 * production renderer build, the preload API replaced by a stub that answers at once (this
 * measures the window, not the core): time to the first listed role, keystroke to updated list
 * (a MutationObserver on the list, in the page), and how many rows are in the DOM.
 */
export async function switcherBench(): Promise<void> {
  if (!existsSync(rendererDist)) throw new Error('dist/renderer is missing: run npm run build first');
  const inventory: Inventory = {
    session: 'corp',
    fetchedAt: new Date().toISOString(),
    complete: true,
    accounts: Array.from({ length: accounts }, (_, i) => ({
      accountId: String(100000000000 + i),
      accountName: `${['payments', 'ledger', 'search', 'data-lake', 'platform'][i % 5] ?? ''}-${['prod', 'dev', 'staging'][i % 3] ?? ''}-${i}`,
      emailAddress: `aws+${i}@example.com`,
      roles: roleNames.slice(0, rolesPerAccount),
    })),
  };
  const snapshot: AppSnapshot = {
    sessions: [
      {
        name: 'corp',
        startUrl: 'https://d-1234567890.awsapps.com/start',
        region: 'us-east-1',
        status: 'active',
        expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
        refreshable: true,
        legacy: false,
      },
    ],
    active: null,
    recent: [],
    favourites: [],
    inventories: [
      {
        session: 'corp',
        fetchedAt: inventory.fetchedAt,
        accounts,
        roles: accounts * rolesPerAccount,
        complete: true,
        progress: null,
      },
    ],
  };
  const server = await serveFolder(rendererDist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const firstRenders: number[] = [];
    const keystrokes: number[] = [];
    let optionsInDom = 0;
    for (let run = 0; run < 5; run++) {
      const page = await browser.newPage({ viewport: { width: 420, height: 520 } });
      // tsx keeps function names with a `__name` helper that the page does not have.
      await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
      await page.addInitScript(installStubPreloadApi, {
        snapshot,
        inventory,
        settings: stubSettings,
        appVersion: 'bench',
      });
      await page.addInitScript(installProbes);
      await page.goto(server.url);
      const search = page.getByRole('combobox', { name: 'Search accounts and roles' });
      await page.getByRole('option').first().waitFor();
      firstRenders.push(
        await page.evaluate(() => (globalThis as unknown as { __firstOption: number }).__firstOption),
      );
      for (const key of 'pay prod 12') {
        await search.press(key === ' ' ? 'Space' : key);
        keystrokes.push(
          await page.evaluate(() => (globalThis as unknown as { __lastKeystroke: number }).__lastKeystroke),
        );
      }
      await search.fill('');
      await page.getByRole('option').first().waitFor();
      optionsInDom = Math.max(optionsInDom, await page.getByRole('option').count());
      await page.close();
    }
    printTable(
      `Switcher window, ${(accounts * rolesPerAccount).toLocaleString('en')} roles (Chromium, production build)`,
      [
        ['figure', 'median', 'runs'],
        [
          'first render: navigation to the first listed role',
          `${median(firstRenders).toFixed(0)} ms`,
          String(firstRenders.length),
        ],
        ['keystroke to updated list', `${median(keystrokes).toFixed(1)} ms`, String(keystrokes.length)],
        ['keystroke to updated list, slowest', `${Math.max(...keystrokes).toFixed(1)} ms`, ''],
        ['role rows in the DOM (of 10,000)', String(optionsInDom), ''],
      ],
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Runs in the page before the app: the probes the figures come from. */
function installProbes(): void {
  const probe = globalThis as unknown as { __firstOption: number; __lastKeystroke: number };
  // The first role option in the DOM: performance.now() counts from the navigation's start.
  const watchFirst = new MutationObserver(() => {
    if (document.querySelector('[role=option]')) {
      probe.__firstOption = performance.now();
      watchFirst.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => {
    watchFirst.observe(document.body, { subtree: true, childList: true });
  });
  // A keystroke until the list's DOM has changed for it (the observer runs right after React's commit).
  document.addEventListener(
    'keydown',
    () => {
      const started = performance.now();
      const list = document.querySelector('[role=listbox]');
      if (!list) return;
      const watch = new MutationObserver(() => {
        probe.__lastKeystroke = performance.now() - started;
        watch.disconnect();
      });
      watch.observe(list, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    true,
  );
}
