/**
 * The settings, as `getSettings` reports them. The core owns them: a change is sent with
 * `updateSetting` and the view is read again, so what shows is what the core kept.
 */
import { useSyncExternalStore } from 'react';
import type { SettingUpdate, SettingsView } from '../../../shared/ipc-contract';
import type { SsoTrayApi } from '../../../shared/preload-api';
import { ExternalStore } from './external-store';

export class SettingsStore {
  private readonly store: ExternalStore<SettingsView | null>;

  constructor(private readonly api: SsoTrayApi) {
    this.store = new ExternalStore<SettingsView | null>(null, () => {
      void this.reload();
      return () => undefined;
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);
  readonly getSnapshot = (): SettingsView | null => this.store.getSnapshot();

  async reload(): Promise<void> {
    try {
      this.store.set(await this.api.getSettings());
    } catch {
      // The settings screen shows what it has; the next change reads them again.
    }
  }

  /** Sends one change; rejects with the core's reason when it refuses the value. */
  async update(update: SettingUpdate): Promise<void> {
    const before = this.store.getSnapshot();
    // Show the change at once; the read that follows has the final word.
    if (before) this.store.set({ ...before, [update.name]: update.value });
    try {
      await this.api.updateSetting(update);
    } finally {
      await this.reload();
    }
  }
}

export function useSettings(store: SettingsStore): SettingsView | null {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
