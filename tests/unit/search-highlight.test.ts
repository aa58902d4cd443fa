// Highlight ranges follow the same tiers as the ranking.
import { describe, expect, it } from 'vitest';
import { highlightRanges, highlightSegments } from '../../renderer/src/search/highlight';
import { mergeRanges, scoreField, tierScore } from '../../renderer/src/search/match';

describe('highlight ranges', () => {
  it('marks a prefix', () => {
    expect(highlightRanges('Payments Prod (EU)', ['pay'])).toEqual([[0, 3]]);
  });

  it('marks a word prefix rather than an earlier substring', () => {
    // "prod" is inside nothing earlier here, but "dev" is inside "devops" and a word in "data-dev".
    expect(highlightRanges('Payments Prod (EU)', ['prod'])).toEqual([[9, 13]]);
    expect(highlightRanges('abcdev data-dev', ['dev'])).toEqual([[12, 15]]);
  });

  it('marks camelCase words', () => {
    expect(highlightRanges('PowerUserAccess', ['user'])).toEqual([[5, 9]]);
  });

  it('marks each character of a fuzzy match, merged where they touch', () => {
    expect(highlightRanges('PowerUserAccess', ['pwrusr'])).toEqual([
      [0, 1],
      [2, 3],
      [4, 7],
      [8, 9],
    ]);
  });

  it('merges the ranges of several terms', () => {
    expect(highlightRanges('Payments Prod', ['pay', 'ments', 'prod'])).toEqual([
      [0, 8],
      [9, 13],
    ]);
    expect(
      mergeRanges([
        [5, 7],
        [0, 2],
        [1, 3],
        [3, 4],
      ]),
    ).toEqual([
      [0, 4],
      [5, 7],
    ]);
  });

  it('marks nothing that does not match', () => {
    expect(highlightRanges('Billing', ['xyz'])).toEqual([]);
    expect(highlightSegments('Billing', ['xyz'])).toEqual([{ text: 'Billing', match: false }]);
  });

  it('splits the text into plain and matched segments', () => {
    expect(highlightSegments('Payments Prod', ['prod'])).toEqual([
      { text: 'Payments ', match: false },
      { text: 'Prod', match: true },
    ]);
  });
});

describe('field scores', () => {
  const score = (term: string, text: string): number => scoreField(term, text.toLowerCase(), text);

  it('orders the tiers', () => {
    const exact = score('billing', 'Billing');
    const prefix = score('bill', 'Billing');
    const word = score('prod', 'Payments Prod');
    const inside = score('ill', 'Billing');
    const fuzzy = score('pwr', 'PowerUser');
    expect(exact).toBe(tierScore.exact);
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(word);
    expect(word).toBeGreaterThan(inside);
    expect(inside).toBeGreaterThan(fuzzy);
    expect(fuzzy).toBeGreaterThan(0);
  });

  it('does not match short terms fuzzily, nor far-flung subsequences', () => {
    expect(score('pu', 'PowerUser')).toBe(0);
    expect(score('pwr', 'p-------------------w-----r')).toBe(0);
  });
});
