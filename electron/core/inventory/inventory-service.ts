import type { SSOClient } from '@aws-sdk/client-sso';
import type { DiscoveryProgress, Inventory } from '../../../shared/inventory';
import { AppError } from '../app/app-error';
import type { Clock } from '../app/clock';
import type { SessionService } from '../sso/session-service';
import { AdaptiveRateLimiter, type AdaptiveRateOptions } from './adaptive-rate-limiter';
import { discoverInventory } from './discover-inventory';
import type { InventoryCache } from './inventory-cache';
import { diffInventories, type InventoryChanges } from './inventory-diff';
import { PacedCaller, PortalCallError } from './paced-caller';

export interface InventoryServiceDeps {
  sessions: SessionService;
  cache: InventoryCache;
  clock: Clock;
  /** A portal client for a region, built with `maxAttempts: 1` (discovery has its own retries). */
  portalClient: (region: string) => Promise<SSOClient>;
  /** How old a cached inventory may get before it is refreshed on the next look. */
  maxAgeMs: number;
  limiter?: AdaptiveRateOptions;
}

export interface RefreshOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DiscoveryProgress) => void;
}

export interface RefreshResult {
  inventory: Inventory;
  changes: InventoryChanges;
}

/**
 * Each session's accounts and roles: the cached inventory at once, a discovery when it is missing,
 * too old or asked for, one discovery per session at a time. The throttle rate a discovery settles
 * on is where the next one starts, so a second refresh does not probe the limit from scratch.
 */
export class InventoryService {
  private readonly known = new Map<string, Inventory>();
  private readonly flights = new Map<string, Promise<RefreshResult>>();
  private readonly learnedRate = new Map<string, number>();
  private readonly listeners = new Set<(session: string) => void>();

  constructor(private readonly deps: InventoryServiceDeps) {}

  /** The last inventory of a session (memory, then the cache file), without any network call. */
  async cached(session: string): Promise<Inventory | undefined> {
    const inMemory = this.known.get(session);
    if (inMemory) return inMemory;
    const stored = await this.deps.cache.read(session);
    if (stored) this.known.set(session, stored);
    return stored;
  }

  isStale(inventory: Inventory): boolean {
    return this.deps.clock.now() - Date.parse(inventory.fetchedAt) > this.deps.maxAgeMs;
  }

  /** The cached inventory when it is fresh enough, else (or with `force`) a new discovery. */
  async current(session: string, options: RefreshOptions & { force?: boolean } = {}): Promise<Inventory> {
    const cached = await this.cached(session);
    if (cached && !options.force && !this.isStale(cached)) return cached;
    return (await this.refresh(session, options)).inventory;
  }

  /** Lists every account and role again; concurrent callers share one discovery. */
  refresh(session: string, options: RefreshOptions = {}): Promise<RefreshResult> {
    const flying = this.flights.get(session);
    if (flying) return flying;
    const flight = this.discover(session, options).finally(() => this.flights.delete(session));
    this.flights.set(session, flight);
    return flight;
  }

  onDidChange(listener: (session: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async discover(name: string, options: RefreshOptions): Promise<RefreshResult> {
    const session = this.deps.sessions.session(name);
    const accessToken = await this.deps.sessions.accessToken(name);
    const previous = await this.cached(name);
    const limiter = new AdaptiveRateLimiter(this.deps.clock, {
      ...this.deps.limiter,
      ...(this.learnedRate.has(name) ? { initialRate: this.learnedRate.get(name) } : {}),
    });
    const client = await this.deps.portalClient(session.region);
    let inventory: Inventory;
    try {
      inventory = await discoverInventory(
        name,
        { client, accessToken, caller: new PacedCaller(limiter, this.deps.clock), clock: this.deps.clock },
        { ...options, previous },
      );
    } catch (error) {
      if (error instanceof PortalCallError && error.kind === 'unauthorized')
        throw this.deps.sessions.markExpired(name);
      throw error instanceof AppError
        ? error
        : new AppError('NetworkError', describe(error), { cause: error });
    } finally {
      client.destroy();
    }
    this.learnedRate.set(name, limiter.rate);
    await this.deps.cache.write(inventory);
    this.known.set(name, inventory);
    for (const listener of this.listeners) listener(name);
    return { inventory, changes: diffInventories(previous, inventory) };
  }
}

function describe(error: unknown): string {
  const reason =
    error instanceof PortalCallError ? error.summary : error instanceof Error ? error.name : 'error';
  return `Could not list the accounts (${reason}); check your network and try again.`;
}
