import { sleep, type Clock } from '../app/clock';
import {
  classifyPortalFailure,
  portalFailureSummary,
  type PortalFailureKind,
} from '../portal/portal-failure';
import type { AdaptiveRateLimiter } from './adaptive-rate-limiter';

/** A portal call that failed for good, after SSO Tray's one retry policy gave up on it. */
export class PortalCallError extends Error {
  override readonly name = 'PortalCallError';

  constructor(
    readonly kind: PortalFailureKind,
    readonly summary: string,
    options: { cause: unknown },
  ) {
    super(summary, options);
  }
}

export interface RetryPolicy {
  /** Throttles one call may take in a row before it is given up (the limiter slows down meanwhile). */
  maxThrottles: number;
  /** Tries for 5xx and network failures, the first included. */
  maxTransientAttempts: number;
  /** First back-off after a transient failure; doubled each time, with full jitter. */
  transientBackoffMs: number;
}

export const defaultRetryPolicy: Readonly<RetryPolicy> = Object.freeze({
  maxThrottles: 12,
  maxTransientAttempts: 4,
  transientBackoffMs: 250,
});

/**
 * Runs portal calls through the adaptive rate limiter with SSO Tray's single retry policy. The SDK
 * clients used here are built with `maxAttempts: 1`, so its own retries never multiply with these.
 */
export class PacedCaller {
  constructor(
    private readonly limiter: AdaptiveRateLimiter,
    private readonly clock: Clock,
    private readonly policy: RetryPolicy = defaultRetryPolicy,
    private readonly random: () => number = Math.random,
  ) {}

  async call<T>(run: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    let throttles = 0;
    let transientFailures = 0;
    for (;;) {
      const startedAt = await this.limiter.acquire(signal);
      try {
        const result = await run(signal);
        this.limiter.succeeded(startedAt);
        return result;
      } catch (error) {
        const kind = classifyPortalFailure(error, signal);
        if (kind === 'throttled') {
          this.limiter.throttled(startedAt);
          if (++throttles < this.policy.maxThrottles) continue;
        } else {
          this.limiter.failed(startedAt);
          if (kind === 'transient' && ++transientFailures < this.policy.maxTransientAttempts) {
            const ceiling = this.policy.transientBackoffMs * 2 ** (transientFailures - 1);
            await sleep(this.clock, ceiling * this.random(), signal);
            continue;
          }
        }
        if (kind === 'cancelled') throw signal?.reason ?? error;
        throw new PortalCallError(kind, portalFailureSummary(error), { cause: error });
      }
    }
  }
}
