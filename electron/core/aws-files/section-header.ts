/**
 * What a section header of the AWS config file names, read as botocore reads it: `shlex.split`
 * of the header into exactly two tokens (`profile NAME`, `sso-session NAME`), or `default`
 * (aws-sso-reference.md §4.2).
 */
export type SectionName =
  | { kind: 'default' }
  | { kind: 'profile' | 'sso-session' | 'services'; name: string }
  | { kind: 'other'; header: string };

export function parseSectionHeader(header: string): SectionName {
  if (header === 'default') return { kind: 'default' };
  const tokens = shlexSplit(header);
  const [kind, name] = tokens ?? [];
  if (
    tokens?.length === 2 &&
    name !== undefined &&
    (kind === 'profile' || kind === 'sso-session' || kind === 'services')
  ) {
    return { kind, name };
  }
  return { kind: 'other', header };
}

/** The header SSO Tray writes for a name it has checked to be in the safe character set. */
export function sectionHeader(kind: 'profile' | 'sso-session', name: string): string {
  return `${kind} ${name}`;
}

/** POSIX shell word splitting with quotes, enough for section headers; undefined when unbalanced. */
function shlexSplit(text: string): string[] | undefined {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && i + 1 < text.length) current += text.charAt(++i);
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inToken = true;
    } else if (/\s/.test(char)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += char === '\\' && i + 1 < text.length ? text.charAt(++i) : char;
      inToken = true;
    }
  }
  if (quote) return undefined;
  if (inToken) tokens.push(current);
  return tokens;
}
