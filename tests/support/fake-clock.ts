import type { Clock } from '../../electron/core/app/clock';

interface PendingTimer {
  dueAt: number;
  callback: () => void;
  cancelled: boolean;
}

/**
 * A clock tests move by hand; `now` is in epoch milliseconds, starting at a fixed instant. With
 * `autoAdvance`, every timer fires on the next turn of the event loop with the clock moved to its
 * due time, so a polling flow runs at once while logical time passes as it would for real.
 */
export class FakeClock implements Clock {
  private readonly timers: PendingTimer[] = [];
  /** Every delay asked of `setTimer`, in order. */
  readonly delays: number[] = [];

  constructor(
    private current = Date.UTC(2026, 10, 30, 9, 0, 0),
    private readonly autoAdvance = false,
  ) {}

  readonly now = (): number => this.current;

  setTimer(delayMs: number, callback: () => void): () => void {
    const timer: PendingTimer = { dueAt: this.current + delayMs, callback, cancelled: false };
    this.delays.push(delayMs);
    this.timers.push(timer);
    if (this.autoAdvance) {
      setImmediate(() => {
        if (timer.cancelled) return;
        this.current = Math.max(this.current, timer.dueAt);
        this.fireDue();
      });
    }
    return () => {
      timer.cancelled = true;
    };
  }

  /** When the earliest pending timer is due; undefined when none is pending. */
  nextDueAt(): number | undefined {
    const due = this.timers.filter((timer) => !timer.cancelled).map((timer) => timer.dueAt);
    return due.length === 0 ? undefined : Math.min(...due);
  }

  advance(ms: number): void {
    this.current += ms;
    this.fireDue();
  }

  private fireDue(): void {
    for (;;) {
      const due = this.timers
        .filter((timer) => !timer.cancelled && timer.dueAt <= this.current)
        .sort((a, b) => a.dueAt - b.dueAt)[0];
      if (!due) return;
      due.cancelled = true;
      due.callback();
    }
  }
}
