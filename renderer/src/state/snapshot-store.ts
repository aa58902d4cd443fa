/**
 * The core's snapshot in the window (issue 7, item 6): read once with `getSnapshot`, then replaced
 * by every `onSnapshot` event, and rendered through `useSyncExternalStore`. The window keeps no
 * other copy of the domain; inventories (too large for the snapshot) are fetched on request and
 * fetched again when the snapshot says a discovery finished (`fetchedAt` changed).
 */
import { useSyncExternalStore } from 'react';
import type { Inventory } from '../../../shared/inventory';
import type { SsoTrayApi } from '../../../shared/preload-api';
import type { AppSnapshot } from '../../../shared/session-snapshot';
import { problemOf, type ProblemText } from './error-text';
import type { AppStores } from './api-context';
import { ExternalStore } from './external-store';
import { SettingsStore } from './settings-store';

export interface SnapshotState {
  readonly snapshot: AppSnapshot | null;
  /** Why the first read failed, if it did (events may still bring a snapshot later). */
  readonly problem: ProblemText | null;
}

/**
 * `follow` sees each snapshot before the views do, so the inventories it names are on their way
 * while the window renders (rather than after, from an effect).
 */
export function createSnapshotStore(
  api: SsoTrayApi,
  follow: (snapshot: AppSnapshot) => void,
): ExternalStore<SnapshotState> {
  const store: ExternalStore<SnapshotState> = new ExternalStore<SnapshotState>(
    { snapshot: null, problem: null },
    () => {
      let evented = false;
      const receive = (snapshot: AppSnapshot): void => {
        follow(snapshot);
        store.set({ snapshot, problem: null });
      };
      const unsubscribe = api.onSnapshot((snapshot) => {
        evented = true;
        receive(snapshot);
      });
      api.getSnapshot().then(
        (snapshot) => {
          // An event that came while the read was on its way is newer.
          if (!evented) receive(snapshot);
        },
        (error: unknown) => {
          if (!evented) store.set({ snapshot: null, problem: problemOf(error) });
        },
      );
      return unsubscribe;
    },
  );
  return store;
}

interface InventoryEntry {
  /** The `fetchedAt` the last request was made for. */
  wanted: string;
  inventory: Inventory | null;
  /** The request for `wanted` has answered (with an inventory, none, or an error). */
  answered: boolean;
}

export interface InventoryState {
  readonly inventories: readonly Inventory[];
  /** A session's first inventory is on its way (a refreshed one keeps showing the last). */
  readonly loading: boolean;
}

/** Loaded inventories by session, fetched again when a summary's `fetchedAt` moves on. */
export class InventoryStore {
  private readonly entries = new Map<string, InventoryEntry>();
  private readonly store = new ExternalStore<InventoryState>({ inventories: [], loading: false });
  private order: readonly string[] = [];

  constructor(private readonly api: Pick<SsoTrayApi, 'getInventory'>) {}

  readonly subscribe = this.store.subscribe;
  readonly getSnapshot = this.store.getSnapshot;

  /** Follows a new snapshot: fetches what changed, forgets sessions that are gone. */
  sync(snapshot: AppSnapshot): void {
    this.order = snapshot.sessions.map((session) => session.name);
    let changed = false;
    for (const name of [...this.entries.keys()])
      if (!snapshot.inventories.some((summary) => summary.session === name)) {
        this.entries.delete(name);
        changed = true;
      }
    for (const summary of snapshot.inventories) {
      if (summary.fetchedAt === null) continue;
      const entry = this.entries.get(summary.session);
      if (entry?.wanted === summary.fetchedAt) continue;
      const wanted = summary.fetchedAt;
      this.entries.set(summary.session, { wanted, inventory: entry?.inventory ?? null, answered: false });
      changed = true;
      const answer = (inventory: Inventory | null | undefined): void => {
        const current = this.entries.get(summary.session);
        if (current?.wanted !== wanted) return;
        // A failure keeps what was shown; the next snapshot with a new fetchedAt tries again.
        if (inventory !== undefined) current.inventory = inventory;
        current.answered = true;
        this.publish();
      };
      this.api.getInventory({ session: summary.session }).then(answer, () => {
        answer(undefined);
      });
    }
    if (changed) this.publish();
  }

  private publish(): void {
    const rank = (session: string): number => {
      const at = this.order.indexOf(session);
      return at < 0 ? this.order.length : at;
    };
    const entries = [...this.entries.values()];
    const inventories = entries
      .flatMap((entry) => (entry.inventory ? [entry.inventory] : []))
      .sort((a, b) => rank(a.session) - rank(b.session));
    const loading = entries.some((entry) => !entry.answered && entry.inventory === null);
    const current = this.store.getSnapshot();
    // Nothing new to show: keep the same value, so the views do not render again.
    const same =
      current.loading === loading &&
      current.inventories.length === inventories.length &&
      current.inventories.every((inventory, at) => inventory === inventories[at]);
    if (!same) this.store.set({ inventories, loading });
  }
}

/** The snapshot (null until the first read answers) and the first read's problem. */
export function useSnapshotState(store: ExternalStore<SnapshotState>): SnapshotState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The inventories of every session, kept in step with the snapshot's summaries by the store. */
export function useInventories(store: InventoryStore): InventoryState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** Builds the stores of one window over the API. */
export function createAppStores(api: SsoTrayApi): AppStores {
  const inventories = new InventoryStore(api);
  return {
    api,
    snapshots: createSnapshotStore(api, (snapshot) => {
      inventories.sync(snapshot);
    }),
    inventories,
    settings: new SettingsStore(api),
  };
}
