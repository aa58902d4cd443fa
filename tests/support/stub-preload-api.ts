/// <reference lib="dom" />
import type { SettingsView } from '../../shared/ipc-contract';
import { defaultSettings } from '../../electron/core/app/settings';
import type { Inventory } from '../../shared/inventory';
import type { AppSnapshot } from '../../shared/session-snapshot';

const { signInFlows: _flows, ...defaults } = defaultSettings;

/** The settings a stub window starts with: the core's defaults. */
export const stubSettings: SettingsView = defaults;

export interface StubPreloadData {
  snapshot: AppSnapshot;
  /** What getInventory answers for any session. */
  inventory: Inventory | null;
  settings: SettingsView;
  appVersion: string;
}

/**
 * A preload API that answers at once from fixed data and does nothing else, for tests and
 * benchmarks of the window alone (without the core). Passed to `page.addInitScript`, so it runs in
 * the page and must not refer to anything outside itself.
 */
export function installStubPreloadApi({ snapshot, inventory, settings, appVersion }: StubPreloadData): void {
  const nothing = (): Promise<undefined> => Promise.resolve(undefined);
  const api: Record<string, unknown> = {
    appVersion,
    platform: 'linux',
    getSnapshot: () => Promise.resolve(snapshot),
    getInventory: () => Promise.resolve(inventory),
    getSettings: () => Promise.resolve(settings),
    refreshAccounts: () => Promise.resolve({ added: 0, removed: 0 }),
    useRole: () => Promise.resolve({ profile: 'default', changed: true, removed: [], shadowedBy: [] }),
    syncProfiles: () => Promise.resolve({ added: 0, updated: 0, removed: 0, diff: '' }),
    onSnapshot: () => () => undefined,
    onFocusSearch: () => () => undefined,
    onShowView: () => () => undefined,
  };
  for (const name of [
    'signIn',
    'cancelSignIn',
    'signOut',
    'removeSession',
    'addSession',
    'openConsole',
    'copyShellExports',
    'setFavourite',
    'updateSetting',
    'hideWindow',
  ])
    api[name] = nothing;
  Object.defineProperty(globalThis, 'ssoTray', { value: api });
}
