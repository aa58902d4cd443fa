// The discovery pacer, in simulated time: a fake clock, a token bucket like the portal's, and calls
// that take 20 ms. Everything is deterministic (seeded jitter), so the figures below are the
// algorithm's, not the machine's.
import { describe, expect, it } from 'vitest';
import {
  AdaptiveRateLimiter,
  type AdaptiveRateOptions,
} from '../../electron/core/inventory/adaptive-rate-limiter';
import { PacedCaller, PortalCallError } from '../../electron/core/inventory/paced-caller';
import { sleep } from '../../electron/core/app/clock';
import { SeededRandom } from '../emulator/seeded-random';
import { TokenBucket } from '../emulator/token-bucket';
import { FakeClock } from '../support/fake-clock';

class Throttled extends Error {
  override readonly name = 'TooManyRequestsException';
  readonly $metadata = { httpStatusCode: 429 };
}

class ServerError extends Error {
  override readonly name = 'InternalServerException';
  readonly $metadata = { httpStatusCode: 500 };
}

interface Outcome {
  elapsedMs: number;
  throttles: number;
  requests: number;
  maxInFlight: number;
  limiter: AdaptiveRateLimiter;
}

/** Runs `calls` calls through a limiter against a bucket of `limit` per second, in simulated time. */
async function simulate(
  limit: number,
  calls: number,
  options: AdaptiveRateOptions = {},
  latencyMs = 20,
): Promise<Outcome> {
  const clock = new FakeClock();
  const random = new SeededRandom(7);
  const jitter = (): number => random.next();
  const limiter = new AdaptiveRateLimiter(clock, { random: jitter, ...options });
  const caller = new PacedCaller(limiter, clock, undefined, jitter);
  const bucket = new TokenBucket(limit, limit, clock.now);
  const started = clock.now();
  let requests = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const request = async (): Promise<void> => {
    requests++;
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    await sleep(clock, latencyMs / 2);
    const allowed = bucket.tryTake();
    await sleep(clock, latencyMs / 2);
    inFlight--;
    if (!allowed) throw new Throttled('Rate exceeded');
  };
  const run = { finished: false };
  const all = Promise.all(Array.from({ length: calls }, () => caller.call(request))).finally(() => {
    run.finished = true;
  });
  while (!run.finished) {
    await new Promise((resolve) => setImmediate(resolve));
    const next = clock.nextDueAt();
    if (next !== undefined) clock.advance(next - clock.now());
  }
  await all;
  return {
    elapsedMs: clock.now() - started,
    throttles: limiter.throttleCount,
    requests,
    maxInFlight,
    limiter,
  };
}

describe('AdaptiveRateLimiter against a token bucket', () => {
  for (const limit of [5, 10, 20, 50, 100]) {
    it(`saturates a limit of ${limit} per second whatever it starts from`, async () => {
      const calls = limit * 30;
      const outcome = await simulate(limit, calls);
      const ideal = (calls / limit) * 1000;
      expect(outcome.elapsedMs / ideal).toBeLessThan(1.1);
      expect(outcome.throttles / calls).toBeLessThan(0.15);
      expect(outcome.requests).toBe(calls + outcome.throttles);
    });
  }

  it('converges from a start far above the limit, and from far below', async () => {
    for (const initialRate of [0.5, 400]) {
      const outcome = await simulate(10, 300, { initialRate });
      expect(outcome.elapsedMs / 30_000).toBeLessThan(1.15);
      expect(outcome.limiter.rate).toBeGreaterThan(7);
      expect(outcome.limiter.rate).toBeLessThan(14);
    }
  });

  it('never has more calls in flight than allowed, even at a high limit with slow calls', async () => {
    const outcome = await simulate(1000, 500, { maxInFlight: 8, initialRate: 1000 }, 200);
    expect(outcome.maxInFlight).toBe(8);
  });

  it('cuts the rate once for a round of throttles from calls already in flight', () => {
    const clock = new FakeClock();
    const limiter = new AdaptiveRateLimiter(clock, { initialRate: 100, decrease: 0.5, random: () => 0 });
    const startedBefore = clock.now();
    clock.advance(1);
    limiter.throttled(startedBefore);
    expect(limiter.rate).toBe(50);
    limiter.throttled(startedBefore);
    limiter.throttled(startedBefore);
    expect(limiter.rate).toBe(50);
    clock.advance(1);
    limiter.throttled(clock.now());
    expect(limiter.rate).toBe(25);
    expect(limiter.throttleCount).toBe(4);
  });
});

describe('PacedCaller retry policy', () => {
  const caller = (clock: FakeClock) =>
    new PacedCaller(
      new AdaptiveRateLimiter(clock, { initialRate: 1000 }),
      clock,
      { maxThrottles: 3, maxTransientAttempts: 2, transientBackoffMs: 100 },
      () => 0.5,
    );

  it('retries a server error, then gives up with its name and status', async () => {
    const clock = new FakeClock(undefined, true);
    let attempts = 0;
    const failing = caller(clock).call(() => {
      attempts++;
      return Promise.reject(new ServerError('boom'));
    });
    await expect(failing).rejects.toMatchObject({
      kind: 'transient',
      summary: 'InternalServerException (HTTP 500)',
    });
    expect(attempts).toBe(2);
  });

  it('gives up on a call throttled too many times in a row', async () => {
    const clock = new FakeClock(undefined, true);
    let attempts = 0;
    const error = await caller(clock)
      .call(() => {
        attempts++;
        return Promise.reject(new Throttled('Rate exceeded'));
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PortalCallError);
    expect((error as PortalCallError).kind).toBe('throttled');
    expect(attempts).toBe(3);
  });

  it('does not retry what would fail the same way again', async () => {
    const clock = new FakeClock(undefined, true);
    let attempts = 0;
    const notFound = Object.assign(new Error('gone'), {
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      caller(clock).call(() => {
        attempts++;
        return Promise.reject(notFound);
      }),
    ).rejects.toMatchObject({ kind: 'permanent' });
    expect(attempts).toBe(1);
  });

  it('stops waiting at once when cancelled', async () => {
    const clock = new FakeClock();
    const stop = new AbortController();
    const slow = new PacedCaller(new AdaptiveRateLimiter(clock, { initialRate: 0.5 }), clock);
    await slow.call(() => Promise.resolve(1), stop.signal);
    const waiting = slow.call(() => Promise.resolve(2), stop.signal);
    stop.abort(new Error('cancelled by the test'));
    await expect(waiting).rejects.toThrow('cancelled by the test');
  });
});
