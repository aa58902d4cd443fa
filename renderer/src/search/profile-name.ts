/**
 * Profile names as profile sync writes them, for search and for the template's live preview.
 * A renderer copy of the core's rule (electron/core/profiles/profile-template.ts), which the window
 * may not import: token values are slugs (each character outside [A-Za-z0-9_.+@-] becomes `-`,
 * runs of `-` collapse, leading and trailing `-` go, an empty slug becomes the account id). The
 * core re-checks a template when it is saved; a unit test keeps both renderings in agreement.
 */
export const defaultProfileTemplate = '{account_name}/{role_name}';

const tokenNames = ['account_name', 'account_id', 'role_name', 'session'] as const;
export type TokenName = (typeof tokenNames)[number];

export interface ProfileNameValues {
  accountName: string;
  accountId: string;
  roleName: string;
  session: string;
}

type Part = { literal: string } | { token: TokenName };

/**
 * A parsed template: `render` names one role; `assemble` does the same from values already
 * slugged (each with its fallback applied), so an index can slug each account and role name once
 * rather than once per role; `problem` says what is wrong, if anything.
 */
export type CompiledTemplate =
  | {
      ok: true;
      render: (values: ProfileNameValues) => string;
      assemble: (slugs: ProfileNameValues) => string;
      /** The tokens the template uses (the others need no slug). */
      tokens: ReadonlySet<TokenName>;
    }
  | { ok: false; problem: string };

const literalPattern = /^[A-Za-z0-9_\-@+.%:/]$/;

/** Whether a character may stay in a slug: [A-Za-z0-9_.+@-]. */
function isSlugCharacter(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 46 ||
    code === 43 ||
    code === 64 ||
    code === 45
  );
}

/** Whether `value` is its own slug: allowed characters, no `--`, no `-` at either end. */
function isSlug(value: string): boolean {
  if (value === '' || value.startsWith('-') || value.endsWith('-')) return false;
  for (let at = 0; at < value.length; at++) {
    const code = value.charCodeAt(at);
    if (!isSlugCharacter(code) || (code === 45 && value.charCodeAt(at + 1) === 45)) return false;
  }
  return true;
}

export function slug(value: string, fallback: string): string {
  // Most names are already slugs (an index slugs thousands at once): no regular expressions then.
  if (isSlug(value)) return value;
  const slugged = value
    .replace(/[^A-Za-z0-9_.+@-]/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return slugged === '' ? fallback : slugged;
}

function valueOf(token: TokenName, values: ProfileNameValues): string {
  switch (token) {
    case 'account_name':
      return values.accountName;
    case 'account_id':
      return values.accountId;
    case 'role_name':
      return values.roleName;
    case 'session':
      return values.session;
  }
}

/** Parses a template such as `{account_name}/{role_name}`, saying in plain words what to fix. */
export function compileTemplate(template: string): CompiledTemplate {
  const parts: Part[] = [];
  let literal = '';
  for (let i = 0; i < template.length;) {
    const char = template.charAt(i);
    if (char === '{') {
      const close = template.indexOf('}', i);
      if (close < 0) return { ok: false, problem: 'A { has no closing }: write tokens as {role_name}.' };
      const name = template.slice(i + 1, close);
      const token = tokenNames.find((candidate) => candidate === name);
      if (!token)
        return {
          ok: false,
          problem: `{${name}} is not a token: use {account_name}, {account_id}, {role_name} or {session}.`,
        };
      if (literal !== '') parts.push({ literal });
      literal = '';
      parts.push({ token });
      i = close + 1;
      continue;
    }
    if (!literalPattern.test(char))
      return {
        ok: false,
        problem: `Profile names cannot contain ${JSON.stringify(char)}: use letters, digits and _-@+.%:/ besides the tokens.`,
      };
    literal += char;
    i++;
  }
  if (literal !== '') parts.push({ literal });
  const has = (token: TokenName): boolean => parts.some((part) => 'token' in part && part.token === token);
  if (!has('role_name'))
    return { ok: false, problem: 'Add {role_name}: each role needs its own profile name.' };
  if (!has('account_name') && !has('account_id'))
    return {
      ok: false,
      problem: 'Add {account_name} or {account_id}: roles of different accounts need different names.',
    };
  const assemble = (slugs: ProfileNameValues): string => {
    let name = '';
    for (const part of parts) name += 'literal' in part ? part.literal : valueOf(part.token, slugs);
    return name;
  };
  return {
    ok: true,
    assemble,
    tokens: new Set(parts.flatMap((part) => ('token' in part ? [part.token] : []))),
    render: (values) =>
      assemble({
        accountName: slug(values.accountName, values.accountId),
        accountId: slug(values.accountId, values.accountId),
        roleName: slug(values.roleName, values.accountId),
        session: slug(values.session, values.accountId),
      }),
  };
}
