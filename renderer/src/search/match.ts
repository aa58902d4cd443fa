/**
 * Matching one search term against one field, in tiers: a prefix of the field beats a prefix of a
 * word in it, which beats a substring, which beats a fuzzy subsequence. Called tens of thousands
 * of times per keystroke, so it allocates nothing: the field is passed pre-lower-cased, and the
 * original is only read for camelCase word starts.
 */

/** Score bands: a better tier always outranks a worse one, whatever the field or position. */
export const tierScore = {
  exactId: 9000,
  exact: 5000,
  prefix: 4000,
  wordPrefix: 3000,
  substring: 2000,
  fuzzy: 1000,
} as const;

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code > 127;
}

/** Whether a word starts at `index`: after a separator, or at a lower-to-upper camelCase step. */
export function isWordStart(lower: string, original: string, index: number): boolean {
  if (index === 0) return true;
  const previous = lower.charCodeAt(index - 1);
  if (!isAlphanumeric(previous)) return true;
  const current = original.charCodeAt(index);
  const before = original.charCodeAt(index - 1);
  const isUpper = current >= 65 && current <= 90;
  const wasLower = before >= 97 && before <= 122;
  const wasDigit = before >= 48 && before <= 57;
  const isDigit = current >= 48 && current <= 57;
  return (isUpper && wasLower) || (isDigit && !wasDigit) || (!isDigit && wasDigit);
}

/** Where a word-prefix match of `term` starts in the field, or -1. */
export function wordPrefixAt(term: string, lower: string, original: string): number {
  let at = lower.indexOf(term, 1);
  while (at >= 0) {
    if (isWordStart(lower, original, at)) return at;
    at = lower.indexOf(term, at + 1);
  }
  return -1;
}

/**
 * The span of the tightest greedy subsequence match of `term` starting from its first character's
 * first occurrence, as `end - start` (the number of characters it covers), or -1 when `term` is
 * not a subsequence of the field.
 */
function fuzzySpan(term: string, lower: string): number {
  const start = lower.indexOf(term.charAt(0));
  if (start < 0) return -1;
  let position = start + 1;
  for (let t = 1; t < term.length; t++) {
    const code = term.charCodeAt(t);
    while (position < lower.length && lower.charCodeAt(position) !== code) position++;
    if (position >= lower.length) return -1;
    position++;
  }
  return position - start;
}

/**
 * How well `term` (lower-case, non-empty) matches a field: 0 for no match, else a score in the
 * field's tier band, higher for earlier and tighter matches.
 */
export function scoreField(term: string, lower: string, original: string): number {
  if (lower.length < term.length) return 0;
  if (lower.startsWith(term)) {
    if (lower.length === term.length) return tierScore.exact;
    return tierScore.prefix - Math.min(lower.length - term.length, 99);
  }
  const word = wordPrefixAt(term, lower, original);
  if (word >= 0) return tierScore.wordPrefix - Math.min(word, 99);
  const inside = lower.indexOf(term);
  if (inside >= 0) return tierScore.substring - Math.min(inside, 99);
  // One or two letters match nearly everything as a subsequence: only a substring counts then.
  if (term.length < 3) return 0;
  const span = fuzzySpan(term, lower);
  if (span < 0 || span > term.length * 4) return 0;
  return tierScore.fuzzy - Math.min((span - term.length) * 10, 900);
}

/**
 * The character ranges `[start, end)` that `term` matches in `original`, by the same tiers as
 * {@link scoreField}, pushed onto `ranges`. Called only for the rows on screen.
 */
export function matchRanges(term: string, original: string, ranges: [number, number][]): void {
  const lower = original.toLowerCase();
  if (term === '' || lower.length < term.length) return;
  if (lower.startsWith(term)) {
    ranges.push([0, term.length]);
    return;
  }
  const word = wordPrefixAt(term, lower, original);
  const at = word >= 0 ? word : lower.indexOf(term);
  if (at >= 0) {
    ranges.push([at, at + term.length]);
    return;
  }
  if (term.length < 3) return;
  const span = fuzzySpan(term, lower);
  if (span < 0 || span > term.length * 4) return;
  let position = lower.indexOf(term.charAt(0));
  for (let t = 0; t < term.length; t++) {
    const code = term.charCodeAt(t);
    while (lower.charCodeAt(position) !== code) position++;
    ranges.push([position, position + 1]);
    position++;
  }
}

/** Sorts and merges overlapping or touching ranges. */
export function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
