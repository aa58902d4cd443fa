// The portal throttle holds: a burst over the limit gets 429 TooManyRequestsException, and a
// client that paces itself at the limit gets none.
import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { afterEach, describe, expect, it } from 'vitest';
import { Emulator } from '../emulator';
import { FakeClock } from '../support/fake-clock';
import { emulatorAccessToken } from '../support/emulator-token';
import { portalClient } from '../support/sdk-clients';

let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    return (error as Error).name;
  }
}

describe('the emulator rate limit', () => {
  it('throttles a burst above the limit (clock frozen, so exactly the bucket gets through)', async () => {
    const clock = new FakeClock();
    emulator = await Emulator.start({ now: clock.now, knobs: { tps: 10 } });
    const accessToken = await emulatorAccessToken(emulator);
    const portal = portalClient(emulator);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => outcome(portal.send(new ListAccountsCommand({ accessToken })))),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(10);
    expect(results.filter((r) => r === 'TooManyRequestsException')).toHaveLength(20);
    expect(emulator.log.throttled()).toBe(20);
    portal.destroy();
  });

  it('never throttles a client paced at the limit (fake clock moved 1/limit per call)', async () => {
    const clock = new FakeClock();
    emulator = await Emulator.start({ now: clock.now, knobs: { tps: 10, burst: 1 } });
    const accessToken = await emulatorAccessToken(emulator);
    const portal = portalClient(emulator);
    for (let i = 0; i < 50; i++) {
      expect(await outcome(portal.send(new ListAccountsCommand({ accessToken })))).toBe('ok');
      clock.advance(100);
    }
    expect(emulator.log.throttled()).toBe(0);
    portal.destroy();
  });

  it('on the real clock: a burst is throttled, a client below the limit is not', async () => {
    emulator = await Emulator.start({ knobs: { tps: 20 } });
    const accessToken = await emulatorAccessToken(emulator);
    const portal = portalClient(emulator);
    const burst = await Promise.all(
      Array.from({ length: 60 }, () => outcome(portal.send(new ListAccountsCommand({ accessToken })))),
    );
    expect(burst.filter((r) => r === 'TooManyRequestsException').length).toBeGreaterThanOrEqual(30);

    await new Promise((resolve) => setTimeout(resolve, 1100)); // let the bucket refill
    emulator.log.clear();
    for (let i = 0; i < 30; i++) {
      expect(await outcome(portal.send(new ListAccountsCommand({ accessToken })))).toBe('ok');
      await new Promise((resolve) => setTimeout(resolve, 60)); // about 16 requests per second
    }
    expect(emulator.log.throttled()).toBe(0);
    portal.destroy();
  });
});
