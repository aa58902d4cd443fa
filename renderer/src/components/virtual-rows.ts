/**
 * The arithmetic of a virtualized list whose rows have fixed heights (by kind): where each row
 * starts, which rows a scroll position shows, and where to scroll to show a row. With the heights
 * known there is nothing to measure, so a list of 12,000 rows costs one pass over a typed array.
 */

/** `offsets[i]` is where row i starts; `offsets[count]` is the list's whole height. */
export function rowOffsets(count: number, heightOf: (at: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let at = 0; at < count; at++) offsets[at + 1] = (offsets[at] ?? 0) + heightOf(at);
  return offsets;
}

/**
 * The first index whose offset is past `position` (`after`), or at or past it; binary search, since
 * offsets ascend.
 */
function firstIndex(offsets: Float64Array, position: number, after: boolean): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const offset = offsets[middle] ?? 0;
    if (after ? offset > position : offset >= position) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The rows `[start, end)` to render. */
export interface RowWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * The rows that overlap the viewport at `scrollTop`, with `overscan` more on each side. A scroll
 * position past the end (the list just got shorter) is read as the end, where the browser is
 * about to clamp it.
 */
export function visibleRows(
  offsets: Float64Array,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): RowWindow {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const total = offsets[count] ?? 0;
  const top = Math.max(0, Math.min(scrollTop, total - viewportHeight));
  // The last row starting at or above the top, and the rows that start above the bottom.
  const first = Math.min(count - 1, Math.max(0, firstIndex(offsets, top, true) - 1));
  const end = Math.max(first + 1, Math.min(count, firstIndex(offsets, top + viewportHeight, false)));
  return { start: Math.max(0, first - overscan), end: Math.min(count, end + overscan) };
}

/**
 * The scroll position that shows row `at` whole, moving as little as possible: unchanged when it
 * is already in view, its top at the top when it is above, its bottom at the bottom when below.
 */
export function revealRow(
  offsets: Float64Array,
  at: number,
  scrollTop: number,
  viewportHeight: number,
): number {
  const top = offsets[at];
  const bottom = offsets[at + 1];
  if (top === undefined || bottom === undefined) return scrollTop;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
