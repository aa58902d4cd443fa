import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../emulator/token-bucket';
import { FakeClock } from '../support/fake-clock';

describe('TokenBucket', () => {
  it('lets a full bucket through, then throttles until tokens flow back in', () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(10, 10, clock.now);
    const burst = Array.from({ length: 15 }, () => bucket.tryTake());
    expect(burst.filter(Boolean)).toHaveLength(10);
    expect(bucket.tryTake()).toBe(false);
    clock.advance(100);
    expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
  });

  it('never throttles a client pacing itself at the rate', () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(20, 1, clock.now);
    for (let i = 0; i < 200; i++) {
      expect(bucket.tryTake()).toBe(true);
      clock.advance(50);
    }
  });

  it('does not store more than its capacity while idle', () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(5, 3, clock.now);
    clock.advance(60_000);
    expect(Array.from({ length: 5 }, () => bucket.tryTake()).filter(Boolean)).toHaveLength(3);
  });
});
