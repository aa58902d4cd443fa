// The virtualized list's arithmetic: row offsets from fixed heights, the rows a scroll position
// shows (with overscan, and a position past the end read as the end), and the least scroll that
// shows a row whole.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { revealRow, rowOffsets, visibleRows } from '../../renderer/src/components/virtual-rows';

// A section (28), an account (46) and its three roles (34 each), twice: 2 × 176 = 352 px.
const heights = [28, 46, 34, 34, 34, 28, 46, 34, 34, 34];
const offsets = rowOffsets(heights.length, (at) => heights[at] ?? 0);

describe('rowOffsets', () => {
  it('starts each row where the one before ends', () => {
    expect([...offsets]).toEqual([0, 28, 74, 108, 142, 176, 204, 250, 284, 318, 352]);
    expect([...rowOffsets(0, () => 10)]).toEqual([0]);
  });
});

describe('visibleRows', () => {
  it('lists the rows that overlap the viewport, and no more without overscan', () => {
    // 0..100 px: rows 0 (0-28), 1 (28-74), 2 (74-108).
    expect(visibleRows(offsets, 0, 100, 0)).toEqual({ start: 0, end: 3 });
    // 74..108 exactly: row 2 only.
    expect(visibleRows(offsets, 74, 34, 0)).toEqual({ start: 2, end: 3 });
    // 75..109: rows 2 and 3.
    expect(visibleRows(offsets, 75, 34, 0)).toEqual({ start: 2, end: 4 });
  });

  it('adds overscan rows on each side, within the list', () => {
    expect(visibleRows(offsets, 142, 34, 2)).toEqual({ start: 2, end: 7 });
    // 0..34 px: rows 0 and 1, then three more.
    expect(visibleRows(offsets, 0, 34, 3)).toEqual({ start: 0, end: 5 });
  });

  it('reads a scroll position past the end (the list just got shorter) as the end', () => {
    expect(visibleRows(offsets, 5000, 100, 0)).toEqual({ start: 7, end: 10 });
    expect(
      visibleRows(
        rowOffsets(2, () => 34),
        5000,
        500,
        0,
      ),
    ).toEqual({ start: 0, end: 2 });
    expect(
      visibleRows(
        rowOffsets(0, () => 34),
        0,
        500,
        6,
      ),
    ).toEqual({ start: 0, end: 0 });
  });

  it('always covers the whole viewport (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(28, 34, 46), { minLength: 1, maxLength: 300 }),
        fc.nat(20_000),
        fc.integer({ min: 1, max: 900 }),
        fc.nat(8),
        (rowHeights, scrollTop, viewport, overscan) => {
          const rows = rowOffsets(rowHeights.length, (at) => rowHeights[at] ?? 0);
          const total = rows[rowHeights.length] ?? 0;
          const top = Math.max(0, Math.min(scrollTop, total - viewport));
          const { start, end } = visibleRows(rows, scrollTop, viewport, overscan);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(rowHeights.length);
          expect(rows[start] ?? Infinity).toBeLessThanOrEqual(top);
          expect(rows[end] ?? -Infinity).toBeGreaterThanOrEqual(Math.min(total, top + viewport));
          // At most the rows in view plus the overscan: about a viewport's worth, never the list.
          expect(end - start).toBeLessThanOrEqual(Math.ceil(viewport / 28) + 1 + 2 * overscan);
        },
      ),
    );
  });
});

describe('revealRow', () => {
  it('leaves a row in view where it is', () => {
    expect(revealRow(offsets, 2, 0, 120)).toBe(0);
  });

  it('brings a row above to the top and a row below to the bottom', () => {
    expect(revealRow(offsets, 1, 100, 120)).toBe(28);
    expect(revealRow(offsets, 8, 0, 120)).toBe(318 - 120);
    // Partly hidden at the bottom: moves just enough.
    expect(revealRow(offsets, 3, 0, 120)).toBe(142 - 120);
  });

  it('keeps the position for a row that is not there', () => {
    expect(revealRow(offsets, 10, 50, 120)).toBe(50);
    expect(revealRow(offsets, -1, 50, 120)).toBe(50);
  });
});
