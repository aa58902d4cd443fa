/**
 * Ranked search over the index: every term of the query must match some field of a role (its
 * account's name, id or email, its role name or its profile name). A 12-digit term equal to the
 * account id ranks first, then prefixes of a field, prefixes of a word, substrings and fuzzy
 * subsequences. Results are grouped by account, the groups ordered by their best role.
 */
import { scoreField, tierScore } from './match';
import type { SearchIndex } from './search-index';

/** Extra points by field, smaller than a tier step: a name beats an email at the same tier. */
const fieldBonus = { accountName: 60, roleName: 50, profileName: 30, accountId: 20, email: 10 } as const;

export interface AccountGroup {
  /** Index into the index's `accounts`. */
  readonly account: number;
  readonly score: number;
  /** Indexes into the index's `roles`, best first. */
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

/** Reusable buffers, so a keystroke allocates only its result. */
interface Scratch {
  accountScores: Float64Array;
  roleScores: Float64Array;
  matched: Int32Array;
  groupOf: Int32Array;
}
const scratchByIndex = new WeakMap<SearchIndex, Scratch>();
const maxTerms = 8;

function scratchFor(index: SearchIndex): Scratch {
  let scratch = scratchByIndex.get(index);
  if (!scratch) {
    scratch = {
      accountScores: new Float64Array(index.accounts.length * maxTerms),
      roleScores: new Float64Array(index.roles.length),
      matched: new Int32Array(index.roles.length),
      groupOf: new Int32Array(index.accounts.length),
    };
    scratchByIndex.set(index, scratch);
  }
  return scratch;
}

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

/** Every role, grouped by account in index order: what an empty query lists. */
function everything(index: SearchIndex, query: string): SearchResults {
  const groups: AccountGroup[] = [];
  for (let a = 0; a < index.accounts.length; a++) {
    const account = index.accounts[a];
    if (!account) continue;
    const roles: number[] = [];
    for (let r = 0; r < account.roleCount; r++) roles.push(account.firstRole + r);
    groups.push({ account: a, score: 0, roles });
  }
  return { query, terms: [], groups, roleCount: index.roles.length };
}

export function search(index: SearchIndex, query: string): SearchResults {
  const terms = queryTerms(query).slice(0, maxTerms);
  if (terms.length === 0) return everything(index, query);
  const { accountScores, roleScores, matched, groupOf } = scratchFor(index);
  const accountCount = index.accounts.length;

  for (let t = 0; t < terms.length; t++) {
    const term = terms[t] ?? '';
    const offset = t * accountCount;
    for (let a = 0; a < accountCount; a++) accountScores[offset + a] = accountScore(index, a, term);
  }

  let matchedCount = 0;
  const roles = index.roles;
  for (let r = 0; r < roles.length; r++) {
    const role = roles[r];
    if (!role) continue;
    let total = 0;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t] ?? '';
      let best = accountScores[t * accountCount + role.account] ?? 0;
      let score = scoreField(term, role.roleLower, role.roleName);
      if (score > 0 && score + fieldBonus.roleName > best) best = score + fieldBonus.roleName;
      score = scoreField(term, role.profileLower, role.profileName);
      if (score > 0 && score + fieldBonus.profileName > best) best = score + fieldBonus.profileName;
      if (best === 0) {
        total = 0;
        break;
      }
      total += best;
    }
    roleScores[r] = total;
    if (total > 0) matched[matchedCount++] = r;
  }

  // Best first; ties keep index order (accounts by name, roles by name).
  const order = Array.from(matched.subarray(0, matchedCount));
  order.sort((x, y) => (roleScores[y] ?? 0) - (roleScores[x] ?? 0) || x - y);

  groupOf.fill(-1);
  const groups: { account: number; score: number; roles: number[] }[] = [];
  for (const r of order) {
    const accountIndex = roles[r]?.account ?? 0;
    const existing = groupOf[accountIndex] ?? -1;
    if (existing >= 0) groups[existing]?.roles.push(r);
    else {
      groupOf[accountIndex] = groups.length;
      groups.push({ account: accountIndex, score: roleScores[r] ?? 0, roles: [r] });
    }
  }
  return { query, terms, groups, roleCount: matchedCount };
}
