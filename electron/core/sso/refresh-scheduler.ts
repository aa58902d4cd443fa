import type { Clock } from '../app/clock';
import type { SessionService } from './session-service';

/** Spread refreshes over up to this long before the window opens, so many sessions do not renew at once. */
const maxJitterMs = 2 * 60 * 1000;
/** After a transient failure (network, 5xx), try again this much later. */
const retryAfterMs = 60 * 1000;

/**
 * Keeps sessions fresh in a long-running process (the tray): a timer per session at its next event
 * (refresh due 15 minutes ahead, less a random jitter; warning threshold; expiry). A refresh
 * runs silently; a refusal only changes the status, and never opens a browser.
 */
export class RefreshScheduler {
  private readonly timers = new Map<string, () => void>();
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly sessions: SessionService,
    private readonly clock: Clock,
    private readonly random: () => number = Math.random,
  ) {}

  start(): void {
    this.stopListening = this.sessions.onDidChange(() => {
      this.rescheduleAll();
    });
    this.rescheduleAll();
  }

  stop(): void {
    this.stopListening?.();
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  /** Re-plan every session now (after power resume or when the network returns). */
  rescheduleAll(): void {
    for (const session of this.sessions.list()) this.schedule(session.name);
  }

  private schedule(name: string, delayOverrideMs?: number): void {
    this.timers.get(name)?.();
    this.timers.delete(name);
    const nextAt = this.sessions.nextEventAt(name);
    if (nextAt === undefined) return;
    const delay = delayOverrideMs ?? Math.max(0, nextAt - this.clock.now() - this.random() * maxJitterMs);
    this.timers.set(
      name,
      this.clock.setTimer(delay, () => {
        this.timers.delete(name);
        void this.fire(name);
      }),
    );
  }

  private async fire(name: string): Promise<void> {
    const snapshot = this.sessions.snapshot().find((session) => session.name === name);
    if (!snapshot) return;
    const expiresAt = snapshot.expiresAt ? Date.parse(snapshot.expiresAt) : 0;
    if (snapshot.refreshable && expiresAt - this.clock.now() <= 15 * 60 * 1000 + maxJitterMs) {
      try {
        await this.sessions.refresh(name); // onDidChange reschedules
        return;
      } catch {
        if (this.sessions.snapshot().find((session) => session.name === name)?.refreshable) {
          this.schedule(name, retryAfterMs); // transient: try again soon, silently
          return;
        }
      }
    }
    // A threshold passed (warning or expiry): tell the views, and plan the next one.
    this.sessions.emitChange();
  }
}
