/// <reference lib="dom" />
import { chromium } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { serveFolder } from '../tests/support/static-server';
import { largeOrganisation } from '../tests/support/large-organisation';
import { installStubPreloadApi, stubSettings } from '../tests/support/stub-preload-api';
import { median, printTable } from './measure';

const rendererDist = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const accounts = 2000;
const rolesPerAccount = 5;

/**
 * The switcher window with 10,000 roles (2,000 accounts × 5), in Debian's Chromium on the
 * production renderer build, the preload API replaced by a stub that answers at once (this
 * measures the window, not the core): time to the first listed role (in the DOM, and painted),
 * keystroke to updated list, and how many rows are in the DOM. Seven pages, the first one not
 * counted (it pays for the browser's start-up).
 */
export async function switcherBench(): Promise<void> {
  if (!existsSync(rendererDist)) throw new Error('dist/renderer is missing: run npm run build first');
  const { inventory, snapshot } = largeOrganisation(accounts, rolesPerAccount);
  const server = await serveFolder(rendererDist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const inDom: number[] = [];
    const painted: number[] = [];
    const afterScripts: number[] = [];
    const keystrokes: number[] = [];
    let optionsInDom = 0;
    for (let run = 0; run < 7; run++) {
      const page = await browser.newPage({ viewport: { width: 420, height: 520 } });
      // The page reports its first render through a binding, so that nothing of Playwright's
      // (its selector engine, a polling wait) runs in the page before then.
      const firstRender = new Promise<FirstRender>((resolve) => {
        void page.exposeBinding('__reportFirstRender', (_source, times: FirstRender) => {
          resolve(times);
        });
      });
      // tsx keeps function names with a `__name` helper that the page does not have.
      await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
      await page.addInitScript(installStubPreloadApi, {
        snapshot,
        inventory,
        settings: stubSettings,
        appVersion: 'bench',
      });
      await page.addInitScript(installProbes);
      await page.goto(server.url, { waitUntil: 'commit' });
      const times = await Promise.race([
        firstRender,
        new Promise<never>((_resolve, reject) =>
          setTimeout(() => {
            reject(new Error('the window listed no role within 30 s: is dist/renderer a working build?'));
          }, 30_000).unref(),
        ),
      ]);
      // The first page of a browser also pays for its start-up: the figures come from the others.
      if (run > 0) {
        inDom.push(times.inDom);
        painted.push(times.painted);
        afterScripts.push(times.inDom - times.scriptsDone);
      }
      const search = page.getByRole('combobox', { name: 'Search accounts and roles' });
      for (const key of 'pay prod 12') {
        await search.press(key === ' ' ? 'Space' : key);
        const took = await page.evaluate(() => (globalThis as unknown as Probes).__keystroke);
        if (!Number.isFinite(took)) throw new Error(`no input event for the key ${key}`);
        if (run > 0) keystrokes.push(took);
      }
      await search.fill('');
      await page.getByRole('option').first().waitFor();
      optionsInDom = Math.max(optionsInDom, await page.getByRole('option').count());
      await page.close();
    }
    printTable(
      `Switcher window, ${(accounts * rolesPerAccount).toLocaleString('en')} roles (Chromium, production build)`,
      [
        ['figure', 'median', 'slowest', 'runs'],
        [
          'first render: navigation to the first role in the DOM',
          `${median(inDom).toFixed(0)} ms`,
          `${Math.max(...inDom).toFixed(0)} ms`,
          String(inDom.length),
        ],
        [
          'first render: … to the first frame painted with it',
          `${median(painted).toFixed(0)} ms`,
          `${Math.max(...painted).toFixed(0)} ms`,
          String(painted.length),
        ],
        [
          'first render: DOMContentLoaded to the first role in the DOM',
          `${median(afterScripts).toFixed(0)} ms`,
          `${Math.max(...afterScripts).toFixed(0)} ms`,
          String(afterScripts.length),
        ],
        [
          'keystroke to updated list',
          `${median(keystrokes).toFixed(1)} ms`,
          `${Math.max(...keystrokes).toFixed(1)} ms`,
          String(keystrokes.length),
        ],
        ['role rows in the DOM (of 10,000)', String(optionsInDom), '', ''],
      ],
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * When the first role was in the DOM, when the first frame with it was painted, and when the
 * page's scripts had run (DOMContentLoaded ended): what follows is the window's own work, what
 * precedes it the browser's (navigation, loading and evaluating the bundle).
 */
interface FirstRender {
  inDom: number;
  painted: number;
  scriptsDone: number;
}

interface Probes {
  __keystroke: number;
  __reportFirstRender?: (times: FirstRender) => void;
}

/** Runs in the page before the app: the probes the figures come from. */
function installProbes(): void {
  const probe = globalThis as unknown as Probes;
  // The first role option in the DOM (performance.now() counts from the navigation's start), and
  // the end of the first frame painted after it: a message posted from requestAnimationFrame is
  // handled once that frame is done.
  const watchFirst = new MutationObserver(() => {
    if (!document.querySelector('[role=option]')) return;
    watchFirst.disconnect();
    const inDom = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        probe.__reportFirstRender?.({
          inDom,
          painted: performance.now(),
          scriptsDone: navigation?.domContentLoadedEventEnd ?? 0,
        });
      };
      channel.port2.postMessage(null);
    });
  });
  watchFirst.observe(document, { subtree: true, childList: true });
  // A keystroke, from its keydown until the list shows its result: the window handles the input
  // event last (bubbling), after React has rendered and committed the update (a discrete event's
  // update is rendered in the microtask right after React's own listener). A change of the list's
  // DOM seen later than that (were rendering ever deferred) counts instead.
  let started = Number.NaN;
  let handled = Number.NaN;
  let listChanged = Number.NaN;
  const finish = (): void => {
    probe.__keystroke = Math.max(handled, Number.isNaN(listChanged) ? handled : listChanged) - started;
  };
  const watchList = new MutationObserver(() => {
    listChanged = performance.now();
    if (!Number.isNaN(handled)) finish();
  });
  document.addEventListener(
    'keydown',
    () => {
      started = performance.now();
      handled = Number.NaN;
      listChanged = Number.NaN;
      probe.__keystroke = Number.NaN;
      watchList.disconnect();
      const list = document.querySelector('[role=listbox]');
      if (list)
        watchList.observe(list, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    true,
  );
  window.addEventListener('input', () => {
    queueMicrotask(() => {
      handled = performance.now();
      finish();
    });
  });
}
