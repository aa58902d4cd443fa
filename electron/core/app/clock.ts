/**
 * Time as the core sees it: the current instant and timers. The system clock in production; tests
 * pass a fake one they move by hand, so expiry and refresh are tested without waiting.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `callback` after `delayMs`; returns a function that cancels it. */
  setTimer(delayMs: number, callback: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(delayMs, callback) {
    // setTimeout overflows past 2^31-1 ms (about 24.8 days): wait in steps.
    const step = Math.min(Math.max(0, delayMs), 2 ** 31 - 1);
    let cancelled = false;
    let cancelInner: (() => void) | undefined;
    const timer = setTimeout(() => {
      if (cancelled) return;
      if (step < delayMs) cancelInner = systemClock.setTimer(delayMs - step, callback);
      else callback();
    }, step);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      cancelInner?.();
    };
  },
};

/** Waits on a clock, ending early (with the signal's reason) when the signal aborts. */
export function sleep(clock: Clock, delayMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      cancel();
      reject(signal?.reason as Error);
    };
    const cancel = clock.setTimer(delayMs, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
