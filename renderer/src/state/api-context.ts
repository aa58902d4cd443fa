/**
 * The preload API (`window.ssoTray`) and the stores built over it, for components. The API is the
 * window's only way to the core: every intent is one call, every fact comes from the snapshot.
 */
import { createContext, useContext } from 'react';
import type { SsoTrayApi } from '../../../shared/preload-api';
import type { ExternalStore } from './external-store';
import type { SettingsStore } from './settings-store';
import type { InventoryStore, SnapshotState } from './snapshot-store';

declare global {
  interface Window {
    ssoTray?: SsoTrayApi;
  }
}

/** The API the preload script exposed, or undefined when the page runs outside the app. */
export function findApi(): SsoTrayApi | undefined {
  return window.ssoTray;
}

export interface AppStores {
  readonly api: SsoTrayApi;
  readonly snapshots: ExternalStore<SnapshotState>;
  readonly inventories: InventoryStore;
  readonly settings: SettingsStore;
}

export const StoresContext = createContext<AppStores | null>(null);

export function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores needs a <StoresContext.Provider>');
  return stores;
}

export function useApi(): SsoTrayApi {
  return useStores().api;
}
