/**
 * A virtualized list of fixed-height rows: follows the scroll position and the viewport's height
 * of the scrolling element, and says which rows to render and where. Only those rows are in the
 * DOM, so 10,000 roles cost as much as 20.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { revealRow, rowOffsets, visibleRows } from './virtual-rows';

export interface VirtualRow {
  readonly index: number;
  readonly start: number;
  readonly size: number;
}

export interface VirtualRows {
  readonly rows: readonly VirtualRow[];
  readonly totalSize: number;
  /** Scrolls as little as needed to show row `at` whole. */
  readonly reveal: (at: number) => void;
}

/**
 * `keep` is a row rendered even when scrolled out of view: the selected option, which the search
 * box names with aria-activedescendant, so it must stay in the DOM.
 */
export function useVirtualRows(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  heightOf: (at: number) => number,
  overscan: number,
  keep = -1,
): VirtualRows {
  const offsets = useMemo(() => rowOffsets(count, heightOf), [count, heightOf]);
  // Until the element is measured, the window's height bounds the list's: enough rows, never too few.
  const [viewportHeight, setViewportHeight] = useState(() => window.innerHeight);
  const [scrollTop, setScrollTop] = useState(0);
  // The same two numbers as the state, but current the moment a scroll event or a reveal sets
  // them: reveal reads them instead of the element, which would force a layout on every keystroke.
  const position = useRef({ scrollTop: 0, viewportHeight });

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    const onScroll = (): void => {
      position.current.scrollTop = element.scrollTop;
      setScrollTop(element.scrollTop);
    };
    const observer = new ResizeObserver(() => {
      position.current.viewportHeight = element.clientHeight;
      setViewportHeight(element.clientHeight);
    });
    element.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scrollRef]);

  const reveal = useCallback(
    (at: number): void => {
      const element = scrollRef.current;
      if (!element) return;
      const current = position.current;
      const next = revealRow(offsets, at, current.scrollTop, current.viewportHeight);
      if (next === current.scrollTop) return;
      element.scrollTop = next;
      current.scrollTop = next;
      setScrollTop(next);
    },
    [scrollRef, offsets],
  );

  const shown = visibleRows(offsets, scrollTop, viewportHeight, overscan);
  const rows: VirtualRow[] = [];
  const add = (index: number): void => {
    const start = offsets[index] ?? 0;
    rows.push({ index, start, size: (offsets[index + 1] ?? start) - start });
  };
  if (keep >= 0 && keep < shown.start && keep < count) add(keep);
  for (let index = shown.start; index < shown.end; index++) add(index);
  if (keep >= shown.end && keep < count) add(keep);
  return { rows, totalSize: offsets[count] ?? 0, reveal };
}
