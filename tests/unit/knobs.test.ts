import { describe, expect, it } from 'vitest';
import { validateKnobs } from '../emulator/knobs';

describe('validateKnobs', () => {
  it('accepts known knobs of the right type', () => {
    expect(validateKnobs({ tps: 20, latencyMs: 5, autoApprove: true, burst: null })).toEqual({
      tps: 20,
      latencyMs: 5,
      autoApprove: true,
      burst: null,
    });
  });

  it.each([
    [{ nope: 1 }, /unknown emulator knob "nope"/],
    [{ tps: 0 }, /positive number or null/],
    [{ latencyMs: -1 }, /non-negative number/],
    [{ autoApprove: 'yes' }, /must be a boolean/],
    [{ errorRate: 1.5 }, /fraction/],
  ])('refuses %j', (patch, message) => {
    expect(() => validateKnobs(patch as never)).toThrow(message);
  });
});
