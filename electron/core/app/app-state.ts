import type { DiscoveryProgress, Inventory } from '../../../shared/inventory';
import type { AppSnapshot, InventorySummary, RoleEntry } from '../../../shared/session-snapshot';
import type { InventoryService, RefreshResult } from '../inventory/inventory-service';
import type { SessionService } from '../sso/session-service';
import type { ProfileSyncService } from '../switching/profile-sync-service';
import type { Settings } from './settings';
import type { ChoiceState, ChoiceStore } from '../switching/choice-store';
import type { SwitchOptions, SwitchOutcome, SwitchService } from '../switching/switch-service';

export interface AppStateDeps {
  sessions: SessionService;
  inventory: InventoryService;
  choices: ChoiceStore;
  switcher: SwitchService;
  profiles: ProfileSyncService;
  settings: Settings;
}

/**
 * The one snapshot the tray, the window and notifications render (architecture.md: data flows
 * one way). It composes the sessions, the remembered choices and a summary of each inventory,
 * tells its listeners when any of them changes, and is where the intents that change them go, so
 * that every change is published. A session that finishes signing in has its accounts listed in
 * the background.
 */
export class AppState {
  private choices: ChoiceState = { active: null, recent: [], favourites: [] };
  private readonly inventories = new Map<string, Inventory>();
  private readonly progress = new Map<string, DiscoveryProgress>();
  private readonly listeners = new Set<() => void>();
  private readonly signingIn = new Set<string>();
  private readonly stopWatching: () => void;

  constructor(private readonly deps: AppStateDeps) {
    this.stopWatching = deps.sessions.onDidChange(() => {
      this.listAfterSignIn();
      this.emit();
    });
  }

  /** Reads what is remembered and cached, so the first snapshot shows everything at once. */
  async load(): Promise<void> {
    this.choices = await this.deps.choices.read();
    for (const session of this.deps.sessions.list()) {
      const cached = await this.deps.inventory.cached(session.name);
      if (cached) this.inventories.set(session.name, cached);
    }
    this.emit();
  }

  snapshot(): AppSnapshot {
    const { active } = this.choices;
    return {
      sessions: this.deps.sessions.snapshot(),
      active: active ? { ...active, accountName: this.accountName(active.session, active.accountId) } : null,
      recent: this.choices.recent,
      favourites: this.choices.favourites,
      inventories: this.deps.sessions.list().map((session) => this.summary(session.name)),
    };
  }

  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The full inventory of a session, for the window's search (never pushed with the snapshot). */
  inventory(session: string): Inventory | null {
    return this.inventories.get(session) ?? null;
  }

  /** Lists a session's accounts again, publishing the progress as it goes. */
  async refreshAccounts(session: string, signal?: AbortSignal): Promise<RefreshResult> {
    try {
      const result = await this.deps.inventory.refresh(session, {
        ...(signal ? { signal } : {}),
        onProgress: (progress) => {
          this.progress.set(session, progress);
          this.emit();
        },
      });
      this.inventories.set(session, result.inventory);
      // With profileSyncAuto, the generated profiles follow every listing (never pruned by itself).
      if (this.deps.settings.profileSyncAuto)
        await this.deps.profiles.sync(session, { prune: false, dryRun: false });
      return result;
    } finally {
      this.progress.delete(session);
      this.emit();
    }
  }

  /** Lists again every signed-in session whose inventory is missing or older than the setting. */
  async refreshStale(): Promise<void> {
    for (const session of this.deps.sessions.snapshot()) {
      if (session.status !== 'active' && session.status !== 'expiring') continue;
      const known = this.inventories.get(session.name);
      if (known && !this.deps.inventory.isStale(known)) continue;
      await this.refreshAccounts(session.name).catch(() => undefined); // shown by the session's status
    }
  }

  async use(role: RoleEntry, options: SwitchOptions = {}): Promise<SwitchOutcome> {
    const outcome = await this.deps.switcher.switchTo(role, options);
    this.choices = await this.deps.choices.read();
    this.emit();
    return outcome;
  }

  async setFavourite(role: RoleEntry, favourite: boolean): Promise<void> {
    this.choices = await this.deps.choices.setFavourite(role, favourite);
    this.emit();
  }

  dispose(): void {
    this.stopWatching();
    this.listeners.clear();
  }

  /** A session that just finished signing in gets its accounts listed, in the background. */
  private listAfterSignIn(): void {
    for (const session of this.deps.sessions.snapshot()) {
      if (session.status === 'signing-in') this.signingIn.add(session.name);
      else if (this.signingIn.delete(session.name) && session.status === 'active')
        void this.refreshAccounts(session.name).catch(() => undefined);
    }
  }

  private summary(session: string): InventorySummary {
    const inventory = this.inventories.get(session);
    return {
      session,
      fetchedAt: inventory?.fetchedAt ?? null,
      accounts: inventory?.accounts.length ?? 0,
      roles: inventory?.accounts.reduce((sum, account) => sum + account.roles.length, 0) ?? 0,
      complete: inventory?.complete ?? true,
      progress: this.progress.get(session) ?? null,
    };
  }

  private accountName(session: string, accountId: string): string {
    const account = this.inventories
      .get(session)
      ?.accounts.find((candidate) => candidate.accountId === accountId);
    return account?.accountName ?? accountId;
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
