/** Splits a text into plain and matched pieces for display, by the same tiers the ranking uses. */
import { matchRanges, mergeRanges } from './match';

export interface TextSegment {
  readonly text: string;
  readonly match: boolean;
}

/** The merged ranges `[start, end)` of `text` that the terms match. */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) matchRanges(term, text, ranges);
  return mergeRanges(ranges);
}

export function highlightSegments(text: string, terms: readonly string[]): TextSegment[] {
  const ranges = highlightRanges(text, terms);
  if (ranges.length === 0) return [{ text, match: false }];
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
