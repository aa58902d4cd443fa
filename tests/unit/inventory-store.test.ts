// The window's inventories: fetched when a snapshot names a listing it has not loaded, "loading"
// only until a session's first answer, the last inventory kept while a newer one is on its way or
// when fetching it fails, and no new value (no render) when nothing changed.
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../shared/inventory';
import type { AppSnapshot } from '../../shared/session-snapshot';
import { InventoryStore } from '../../renderer/src/state/snapshot-store';

const inventoryOf = (session: string, fetchedAt: string): Inventory => ({
  session,
  fetchedAt,
  complete: true,
  accounts: [
    { accountId: '111111111111', accountName: 'Billing', emailAddress: 'b@acme.example', roles: ['Read'] },
  ],
});

const snapshotListing = (...listed: [session: string, fetchedAt: string | null][]): AppSnapshot => ({
  sessions: listed.map(([name]) => ({
    name,
    startUrl: `https://${name}.awsapps.com/start`,
    region: 'eu-west-1',
    status: 'active',
    expiresAt: null,
    refreshable: true,
    legacy: false,
  })),
  active: null,
  recent: [],
  favourites: [],
  inventories: listed.map(([session, fetchedAt]) => ({
    session,
    fetchedAt,
    accounts: 1,
    roles: 1,
    complete: true,
    progress: null,
  })),
});

/** An API whose getInventory answers when the test says so. */
function controlledApi() {
  const pending: {
    session: string;
    resolve: (inventory: Inventory | null) => void;
    reject: (error: Error) => void;
  }[] = [];
  return {
    pending,
    api: {
      getInventory: ({ session }: { session: string }) =>
        new Promise<Inventory | null>((resolve, reject) => {
          pending.push({ session, resolve, reject });
        }),
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('InventoryStore', () => {
  it('is loading until the first answer, and fetches again only when fetchedAt moves on', async () => {
    const { api, pending } = controlledApi();
    const store = new InventoryStore(api);
    store.sync(snapshotListing(['corp', 'T1'], ['lab', null]));
    expect(store.getSnapshot()).toEqual({ inventories: [], loading: true });
    expect(pending.map((request) => request.session)).toEqual(['corp']);
    store.sync(snapshotListing(['corp', 'T1'], ['lab', null]));
    expect(pending).toHaveLength(1);

    const first = inventoryOf('corp', 'T1');
    pending[0]?.resolve(first);
    await settle();
    expect(store.getSnapshot()).toEqual({ inventories: [first], loading: false });

    // A newer listing: the last one stays on screen meanwhile, with no "loading".
    store.sync(snapshotListing(['corp', 'T2'], ['lab', null]));
    expect(store.getSnapshot()).toEqual({ inventories: [first], loading: false });
    const second = inventoryOf('corp', 'T2');
    pending[1]?.resolve(second);
    await settle();
    expect(store.getSnapshot().inventories).toEqual([second]);
  });

  it('stops loading when the fetch fails or finds nothing, and keeps what it had', async () => {
    const { api, pending } = controlledApi();
    const store = new InventoryStore(api);
    store.sync(snapshotListing(['corp', 'T1']));
    pending[0]?.reject(new Error('the core is gone'));
    await settle();
    expect(store.getSnapshot()).toEqual({ inventories: [], loading: false });

    store.sync(snapshotListing(['corp', 'T2']));
    expect(store.getSnapshot().loading).toBe(true);
    pending[1]?.resolve(null);
    await settle();
    expect(store.getSnapshot()).toEqual({ inventories: [], loading: false });
  });

  it('drops an answer overtaken by a newer listing, sorts by session order, forgets removed sessions', async () => {
    const { api, pending } = controlledApi();
    const store = new InventoryStore(api);
    store.sync(snapshotListing(['lab', 'T1'], ['corp', 'T1']));
    store.sync(snapshotListing(['lab', 'T2'], ['corp', 'T1']));
    const [labOld, corp, labNew] = pending;
    labOld?.resolve(inventoryOf('lab', 'T1'));
    corp?.resolve(inventoryOf('corp', 'T1'));
    labNew?.resolve(inventoryOf('lab', 'T2'));
    await settle();
    expect(
      store.getSnapshot().inventories.map((inventory) => [inventory.session, inventory.fetchedAt]),
    ).toEqual([
      ['lab', 'T2'],
      ['corp', 'T1'],
    ]);

    store.sync(snapshotListing(['corp', 'T1']));
    expect(store.getSnapshot().inventories.map((inventory) => inventory.session)).toEqual(['corp']);
  });

  it('publishes no new value when nothing changed', async () => {
    const { api, pending } = controlledApi();
    const store = new InventoryStore(api);
    store.sync(snapshotListing(['corp', 'T1']));
    pending[0]?.resolve(inventoryOf('corp', 'T1'));
    await settle();
    let published = 0;
    const unsubscribe = store.subscribe(() => {
      published++;
    });
    const before = store.getSnapshot();
    store.sync(snapshotListing(['corp', 'T1']));
    expect(store.getSnapshot()).toBe(before);
    expect(published).toBe(0);
    unsubscribe();
  });
});
