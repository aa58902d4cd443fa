/**
 * Names for generated profiles, from a template such as the default `{account_name}/{role_name}`.
 *
 * Template: literal characters from the safe profile-name set (letters, digits, `_-@+.%:/`) and the
 * tokens `{account_name}`, `{account_id}`, `{role_name}`, `{session}`. It must contain
 * `{role_name}` and one of `{account_name}`/`{account_id}`, or two roles would share a name.
 *
 * Token values are slugs: each character outside `[A-Za-z0-9_.+@-]` becomes `-`, runs of `-` become
 * one, leading and trailing `-` go, case is kept; an empty slug becomes the account id. `/`, `:` and
 * `%` are left to the template, so a separator like `/` never appears inside a value.
 *
 * Collisions, decided the same whatever the inventory's order (pairs are handled in account id,
 * then role name order, comparing code units, never the locale):
 * 1. every (account, role) pair gets its rendered name;
 * 2. when several pairs render the same name, every one of them gets `-<accountId>` appended (no
 *    pair is privileged by a name that depends on the others);
 * 3. if names still collide (one account, two roles with the same slug, or a name rule 2 made that
 *    another pair rendered), the first pair keeps it and the next get `-2`, `-3`, … skipping names
 *    already used by a pair or `taken`.
 * A name from rules 1–2 that is in `taken` (someone else's profile) is not changed but marked
 * `taken`: the caller leaves that profile alone and reports it.
 */
import { AppError } from '../app/app-error';
import type { Inventory } from '../../../shared/inventory';

export const defaultProfileTemplate = '{account_name}/{role_name}';

const tokens = ['account_name', 'account_id', 'role_name', 'session'] as const;
export type TemplateToken = (typeof tokens)[number];

export type TemplatePart = { kind: 'literal'; text: string } | { kind: 'token'; token: TemplateToken };

export interface ProfileTemplate {
  source: string;
  parts: TemplatePart[];
}

export interface TemplateValues {
  accountName: string;
  accountId: string;
  roleName: string;
  session: string;
}

export interface ProfileNameAssignment {
  name: string;
  accountId: string;
  accountName: string;
  roleName: string;
  /** The name is in `taken`: another profile owns it and this pair must not be written. */
  taken: boolean;
}

const literalPattern = /^[A-Za-z0-9_\-@+.%:/]$/;

/** Parses and checks a template; throws AppError('InvalidInput') saying what to change. */
export function parseTemplate(template: string): ProfileTemplate {
  const parts: TemplatePart[] = [];
  const fail = (why: string): never => {
    throw new AppError('InvalidInput', `The profile name template ${JSON.stringify(template)} ${why}`);
  };
  for (let i = 0; i < template.length;) {
    const char = template.charAt(i);
    if (char === '{') {
      const close = template.indexOf('}', i);
      if (close < 0) fail('has a { without a closing }: write tokens as {role_name}.');
      const name = template.slice(i + 1, close);
      const token = tokens.find((candidate) => candidate === name);
      if (!token)
        fail(`has an unknown token {${name}}: use {account_name}, {account_id}, {role_name} or {session}.`);
      else parts.push({ kind: 'token', token });
      i = close + 1;
      continue;
    }
    if (!literalPattern.test(char))
      fail(
        `has ${JSON.stringify(char)}, which profile names cannot contain: use only letters, digits and _-@+.%:/ besides the tokens.`,
      );
    const previous = parts[parts.length - 1];
    if (previous?.kind === 'literal') previous.text += char;
    else parts.push({ kind: 'literal', text: char });
    i++;
  }
  const has = (token: TemplateToken): boolean =>
    parts.some((part) => part.kind === 'token' && part.token === token);
  if (!has('role_name')) fail('has no {role_name}: each role needs its own profile name.');
  if (!has('account_name') && !has('account_id'))
    fail('has neither {account_name} nor {account_id}: roles of different accounts need different names.');
  return { source: template, parts };
}

/** A token value as it goes into a profile name (see the file comment); `fallback` when empty. */
export function slug(value: string, fallback: string): string {
  const slugged = value
    .replace(/[^A-Za-z0-9_.+@-]/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return slugged === '' ? fallback : slugged;
}

export function renderProfileName(template: ProfileTemplate, values: TemplateValues): string {
  const tokenValue: Record<TemplateToken, string> = {
    account_name: values.accountName,
    account_id: values.accountId,
    role_name: values.roleName,
    session: values.session,
  };
  return template.parts
    .map((part) => (part.kind === 'literal' ? part.text : slug(tokenValue[part.token], values.accountId)))
    .join('');
}

/** One name per (account, role) of the inventory, sorted by name (see the file comment for the rules). */
export function profileNamesFor(
  inventory: Inventory,
  template: string | ProfileTemplate,
  taken: ReadonlySet<string>,
): ProfileNameAssignment[] {
  const parsed = typeof template === 'string' ? parseTemplate(template) : template;
  const pairs = rolePairs(inventory);

  const rendered = pairs.map((pair) => renderProfileName(parsed, { ...pair, session: inventory.session }));
  const renderCount = countOf(rendered);
  const firstNames = rendered.map((name, i) =>
    (renderCount.get(name) ?? 0) > 1 ? `${name}-${pairs[i]?.accountId ?? ''}` : name,
  );

  const used = new Set([...firstNames, ...taken]);
  const kept = new Set<string>();
  const assignments = pairs.map((pair, i): ProfileNameAssignment => {
    const first = firstNames[i] ?? '';
    if (!kept.has(first)) {
      kept.add(first);
      return { ...pair, name: first, taken: taken.has(first) };
    }
    let n = 2;
    while (used.has(`${first}-${n}`)) n++;
    const name = `${first}-${n}`;
    used.add(name);
    return { ...pair, name, taken: false };
  });
  return assignments.sort((a, b) => compare(a.name, b.name));
}

interface RolePair {
  accountId: string;
  accountName: string;
  roleName: string;
}

/** Every (account, role) once, in account id then role name order, whatever the input order. */
function rolePairs(inventory: Inventory): RolePair[] {
  const byKey = new Map<string, RolePair>();
  for (const account of inventory.accounts) {
    for (const roleName of account.roles) {
      const key = JSON.stringify([account.accountId, roleName]);
      const seen = byKey.get(key);
      // An account listed twice: keep the smaller name, so the input order cannot matter.
      if (!seen || compare(account.accountName, seen.accountName) < 0)
        byKey.set(key, { accountId: account.accountId, accountName: account.accountName, roleName });
    }
  }
  return [...byKey.values()].sort(
    (a, b) => compare(a.accountId, b.accountId) || compare(a.roleName, b.roleName),
  );
}

function countOf(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
