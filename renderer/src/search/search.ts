/**
 * Ranked search over the index: every term of the query must match some field of a role (its
 * account's name, id or email, its role name or its profile name). A 12-digit term equal to the
 * account id ranks first, then prefixes of a field, prefixes of a word, substrings and fuzzy
 * subsequences. Results are grouped by account, the groups ordered by their best role.
 *
 * A keystroke usually changes one term of the query, so each term's scores over every role are
 * kept (a few recent terms per index) and a query adds up the arrays of its terms: typing
 * "pay prod 12" scores only the term being typed.
 */
import { scoreField, tierScore } from './match';
import type { SearchIndex } from './search-index';

/** Extra points by field, smaller than a tier step: a name beats an email at the same tier. */
const fieldBonus = { accountName: 60, roleName: 50, profileName: 30, accountId: 20, email: 10 } as const;

export interface AccountGroup {
  /** Index into the index's `accounts`. */
  readonly account: number;
  readonly score: number;
  /** Role indexes (as the index numbers them), best first. */
  readonly roles: readonly number[];
}

export interface SearchResults {
  readonly query: string;
  /** The lower-cased terms (what highlighting looks for). */
  readonly terms: readonly string[];
  readonly groups: readonly AccountGroup[];
  readonly roleCount: number;
}

/** Splits a query into lower-case terms; `1234-5678-9012` is read as the account id it spells. */
export function queryTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== '')
    .map((term) => (/^\d{4}-\d{4}-\d{4}$/.test(term) ? term.replace(/-/g, '') : term));
}

/** Each role's best score for one term (0: no field matches), kept for a few recent terms. */
const termScoresByIndex = new WeakMap<SearchIndex, Map<string, Uint16Array>>();
const keptTerms = 24;
const maxTerms = 8;
/** Role indexes fit in the low 24 bits of a sort key (16 million roles). */
const roleBits = 2 ** 24;
const maxTotal = maxTerms * 0xffff;

function accountScore(index: SearchIndex, accountIndex: number, term: string): number {
  const account = index.accounts[accountIndex];
  if (!account) return 0;
  if (term.length === 12 && term === account.accountId) return tierScore.exactId;
  let best = 0;
  let score = scoreField(term, account.nameLower, account.accountName);
  if (score > 0) best = score + fieldBonus.accountName;
  score = scoreField(term, account.accountId, account.accountId);
  if (score > 0 && score + fieldBonus.accountId > best) best = score + fieldBonus.accountId;
  score = scoreField(term, account.emailLower, account.email);
  if (score > 0 && score + fieldBonus.email > best) best = score + fieldBonus.email;
  return best;
}

/** Every role's best score for `term` over its account's fields, its name and its profile name. */
function scoreTerm(index: SearchIndex, term: string): Uint16Array {
  const accountBest = new Uint16Array(index.accounts.length);
  for (let a = 0; a < accountBest.length; a++) accountBest[a] = accountScore(index, a, term);
  const nameBest = new Uint16Array(index.roleNames.length);
  index.roleNames.forEach((name, n) => {
    const score = scoreField(term, name.lower, name.text);
    nameBest[n] = score > 0 ? score + fieldBonus.roleName : 0;
  });
  const profiles = index.profileNames();
  const scores = new Uint16Array(index.roleCount);
  for (let r = 0; r < scores.length; r++) {
    let best = accountBest[index.roleAccount[r] ?? 0] ?? 0;
    const byName = nameBest[index.roleNameId[r] ?? 0] ?? 0;
    if (byName > best) best = byName;
    const score = scoreField(term, profiles.lower[r] ?? '', profiles.text[r] ?? '');
    if (score > 0 && score + fieldBonus.profileName > best) best = score + fieldBonus.profileName;
    scores[r] = best;
  }
  return scores;
}

function termScores(index: SearchIndex, term: string): Uint16Array {
  let kept = termScoresByIndex.get(index);
  if (!kept) {
    kept = new Map();
    termScoresByIndex.set(index, kept);
  }
  let scores = kept.get(term);
  if (scores) {
    // Most recently used last, so the oldest is the first to go.
    kept.delete(term);
  } else {
    scores = scoreTerm(index, term);
    if (kept.size >= keptTerms) {
      const oldest = kept.keys().next();
      if (oldest.done !== true) kept.delete(oldest.value);
    }
  }
  kept.set(term, scores);
  return scores;
}

const everythingByIndex = new WeakMap<SearchIndex, readonly AccountGroup[]>();

/**
 * Every role, grouped by account in index order: what an empty query lists. The list walks the
 * index for it, so the groups are made only when asked for.
 */
function everything(index: SearchIndex, query: string): SearchResults {
  return {
    query,
    terms: [],
    get groups(): readonly AccountGroup[] {
      let groups = everythingByIndex.get(index);
      if (!groups) {
        groups = index.accounts.map((account, a) => ({
          account: a,
          score: 0,
          roles: Array.from({ length: account.roleCount }, (_, r) => account.firstRole + r),
        }));
        everythingByIndex.set(index, groups);
      }
      return groups;
    },
    roleCount: index.roleCount,
  };
}

export function search(index: SearchIndex, query: string): SearchResults {
  const terms = queryTerms(query).slice(0, maxTerms);
  if (terms.length === 0) return everything(index, query);
  const perTerm = terms.map((term) => termScores(index, term));

  // Each matched role as one number, best total first and then index order, so a native numeric
  // sort ranks them: (maxTotal - total) in the high bits, the role in the low 24.
  const keys = new Float64Array(index.roleCount);
  let matchedCount = 0;
  for (let r = 0; r < index.roleCount; r++) {
    let total = 0;
    for (const scores of perTerm) {
      const score = scores[r] ?? 0;
      if (score === 0) {
        total = 0;
        break;
      }
      total += score;
    }
    if (total > 0) keys[matchedCount++] = (maxTotal - total) * roleBits + r;
  }
  const ranked = keys.subarray(0, matchedCount).sort();

  const groupOf = new Int32Array(index.accounts.length).fill(-1);
  const groups: { account: number; score: number; roles: number[] }[] = [];
  for (const key of ranked) {
    const r = key % roleBits;
    const accountIndex = index.roleAccount[r] ?? 0;
    const existing = groupOf[accountIndex] ?? -1;
    if (existing >= 0) groups[existing]?.roles.push(r);
    else {
      groupOf[accountIndex] = groups.length;
      groups.push({ account: accountIndex, score: maxTotal - Math.floor(key / roleBits), roles: [r] });
    }
  }
  return { query, terms, groups, roleCount: matchedCount };
}
