/**
 * Profile names as profile sync writes them, for search and for the template's live preview.
 * A renderer copy of the core's rule (electron/core/profiles/profile-template.ts), which the window
 * may not import: token values are slugs (each character outside [A-Za-z0-9_.+@-] becomes `-`,
 * runs of `-` collapse, leading and trailing `-` go, an empty slug becomes the account id). The
 * core re-checks a template when it is saved; a unit test keeps both renderings in agreement.
 */
export const defaultProfileTemplate = '{account_name}/{role_name}';

const tokenNames = ['account_name', 'account_id', 'role_name', 'session'] as const;
type TokenName = (typeof tokenNames)[number];

export interface ProfileNameValues {
  accountName: string;
  accountId: string;
  roleName: string;
  session: string;
}

type Part = { literal: string } | { token: TokenName };

/** A parsed template: `render` names one role; `problem` says what is wrong, if anything. */
export type CompiledTemplate =
  { ok: true; render: (values: ProfileNameValues) => string } | { ok: false; problem: string };

const literalPattern = /^[A-Za-z0-9_\-@+.%:/]$/;

export function slug(value: string, fallback: string): string {
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
  return {
    ok: true,
    render: (values) => {
      let name = '';
      for (const part of parts)
        name += 'literal' in part ? part.literal : slug(valueOf(part.token, values), values.accountId);
      return name;
    },
  };
}
