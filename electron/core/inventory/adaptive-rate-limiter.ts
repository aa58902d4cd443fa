import type { Clock } from '../app/clock';

export interface AdaptiveRateOptions {
  /** Requests per second to start from; slow start finds the real limit from here. */
  initialRate?: number;
  minRate?: number;
  maxRate?: number;
  /** Calls in flight at most, whatever the rate (real portal latency is 100–300 ms). */
  maxInFlight?: number;
  /** Multiplicative decrease on a throttle: the new rate is this share of what was getting through. */
  decrease?: number;
  /**
   * Rate added per success before the first throttle. Successes come at the rate, so the rate grows
   * exponentially in time (×e every 1/step seconds): the limit is found within a second or two.
   */
  slowStartStep?: number;
  /** Share of the rate added per second after the first throttle (congestion avoidance). */
  growthPerSecond?: number;
  /** Returns a number in [0, 1); Math.random by default. Tests and benchmarks pass a seeded one. */
  random?: () => number;
}

const measureWindowMs = 1000;

/**
 * Paces calls to an API whose throttle limit is unknown (IAM Identity Center's portal differs per
 * organisation and says nothing but `TooManyRequestsException`). It controls the *rate* at which
 * calls start, not only how many run at once: at 20 ms latency one call in flight already makes 50
 * requests per second, so a concurrency limit alone cannot sit under a limit of 10.
 *
 * AIMD, as TCP does: slow start grows the rate exponentially until the first throttle; from then on
 * it grows by a share per second, and each throttle cuts it to `decrease` × the rate that was
 * actually getting through in the last second, with jitter so that several clients of one
 * organisation do not move in lockstep. Only calls started after the last cut may cut again, so a
 * burst of throttles from calls already in flight counts once. The server's token bucket banks
 * what the dip leaves unused and pays it back while the rate climbs over the limit again, which is
 * why a gentle cut saturates the limit.
 */
export class AdaptiveRateLimiter {
  private currentRate: number;
  private readonly minRate: number;
  private readonly maxRate: number;
  private readonly maxInFlight: number;
  private readonly decrease: number;
  private readonly slowStartStep: number;
  private readonly growthPerSecond: number;
  private readonly random: () => number;
  /** Callers waiting for their turn, first come first served. */
  private readonly waiting: { start: (startedAt: number) => void }[] = [];
  private cancelTimer: (() => void) | undefined;
  private lastStartAt = Number.NEGATIVE_INFINITY;
  /** No call starts before this (the pause after a throttle). */
  private notBefore = Number.NEGATIVE_INFINITY;
  private lastCutAt = Number.NEGATIVE_INFINITY;
  private slowStart = true;
  private running = 0;
  private readonly successTimes: number[] = [];
  private firstStartAt: number | undefined;
  private throttles = 0;

  constructor(
    private readonly clock: Clock,
    options: AdaptiveRateOptions = {},
  ) {
    this.currentRate = options.initialRate ?? 10;
    this.minRate = options.minRate ?? 0.5;
    this.maxRate = options.maxRate ?? 1000;
    this.maxInFlight = options.maxInFlight ?? 32;
    this.decrease = options.decrease ?? 0.85;
    this.slowStartStep = options.slowStartStep ?? 3;
    this.growthPerSecond = options.growthPerSecond ?? 0.1;
    this.random = options.random ?? Math.random;
  }

  /** Requests per second the limiter aims at now. */
  get rate(): number {
    return this.currentRate;
  }

  /** Throttles seen so far. */
  get throttleCount(): number {
    return this.throttles;
  }

  /**
   * Waits for this caller's turn and returns the call's start time, to hand back to `succeeded`,
   * `throttled` or `failed` (exactly one of them). The spacing between starts is worked out when a
   * turn comes, not when the caller queued, so a change of rate applies to everyone waiting.
   */
  acquire(signal?: AbortSignal): Promise<number> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const waiter = {
        start: (startedAt: number): void => {
          signal?.removeEventListener('abort', onAbort);
          resolve(startedAt);
        },
      };
      const onAbort = (): void => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
      this.dispatch();
    });
  }

  succeeded(_startedAt: number): void {
    const wasRunning = this.running;
    this.finish();
    const now = this.clock.now();
    this.successTimes.push(now);
    while ((this.successTimes[0] ?? now) <= now - measureWindowMs) this.successTimes.shift();
    // Grow only while the rate is what holds calls back: when every place is taken by a running
    // call, latency is, and a higher rate would only be a number.
    if (wasRunning < this.maxInFlight) {
      const step = this.slowStart ? this.slowStartStep : this.growthPerSecond;
      this.currentRate = Math.min(this.maxRate, this.currentRate + step);
    }
    this.dispatch();
  }

  /** The call was throttled: cut the rate (once per round of calls) and pause for a moment. */
  throttled(startedAt: number): void {
    this.finish();
    this.throttles++;
    const now = this.clock.now();
    if (startedAt >= this.lastCutAt) {
      const measured = this.measuredRate(now);
      const base = measured === undefined ? this.currentRate : Math.min(this.currentRate, measured);
      const jitter = 1 - 0.1 * this.random();
      this.currentRate = Math.max(this.minRate, base * this.decrease * jitter);
      this.slowStart = false;
      this.lastCutAt = now;
      // One jittered interval of silence lets the bucket refill a little before the next call.
      this.notBefore = now + (1000 / this.currentRate) * (0.5 + this.random());
    }
    this.dispatch();
  }

  /** The call failed for another reason: it frees its place and does not change the rate. */
  failed(_startedAt: number): void {
    this.finish();
    this.dispatch();
  }

  /** Starts the next waiting call when its turn has come, or sets a timer for when it will. */
  private dispatch(): void {
    if (this.cancelTimer || this.waiting.length === 0 || this.running >= this.maxInFlight) return;
    const now = this.clock.now();
    const dueAt = Math.max(this.lastStartAt + 1000 / this.currentRate, this.notBefore);
    if (dueAt > now) {
      this.cancelTimer = this.clock.setTimer(dueAt - now, () => {
        this.cancelTimer = undefined;
        this.dispatch();
      });
      return;
    }
    const next = this.waiting.shift();
    if (!next) return;
    this.running++;
    this.lastStartAt = now;
    this.firstStartAt ??= now;
    next.start(now);
    this.dispatch();
  }

  /** Successes per second over the last second, once a full second has been watched. */
  private measuredRate(now: number): number | undefined {
    if (this.firstStartAt === undefined || now - this.firstStartAt < measureWindowMs) return undefined;
    const recent = this.successTimes.filter((time) => time > now - measureWindowMs).length;
    return recent > 0 ? recent : undefined;
  }

  private finish(): void {
    this.running--;
  }
}
