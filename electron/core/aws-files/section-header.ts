/**
 * What a section header of the AWS config file names, read as botocore reads it: `shlex.split`
 * of the header into exactly two tokens (`profile NAME`, `sso-session NAME`), or `default`
 * (aws-sso-reference.md §4.2). The header is the text between the brackets as written.
 */
export type SectionName =
  | { kind: 'default' }
  | { kind: 'profile' | 'sso-session' | 'services'; name: string }
  | { kind: 'other'; header: string };

/** `profile NAME` with a plain name: what shlex would give, without running it (large configs). */
const plainHeader = /^(profile|sso-session|services) ([^\s"'\\]+)$/;

export function parseSectionHeader(header: string): SectionName {
  if (header === 'default') return { kind: 'default' };
  const plain = plainHeader.exec(header);
  if (plain) return { kind: plain[1] as 'profile' | 'sso-session' | 'services', name: plain[2] ?? '' };
  const tokens = shlexSplit(header);
  const [kind, name] = tokens ?? [];
  // botocore checks `header.startswith(kind)` before splitting: `[ profile x]` and `["profile" x]`
  // are not profiles for it (nor for the JS SDK).
  if (
    tokens?.length === 2 &&
    name !== undefined &&
    (kind === 'profile' || kind === 'sso-session' || kind === 'services') &&
    header.startsWith(kind)
  ) {
    return { kind, name };
  }
  return { kind: 'other', header };
}

/** The header SSO Tray writes for a name it has checked to be in the safe character set. */
export function sectionHeader(kind: 'profile' | 'sso-session', name: string): string {
  return `${kind} ${name}`;
}

/**
 * Python's `shlex.split` in POSIX mode, enough for section headers; undefined where it raises (an
 * open quote, a backslash at the very end).
 */
function shlexSplit(text: string): string[] | undefined {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"') {
        // In double quotes a backslash escapes only `"` and itself; before anything else it stays.
        const next = text.charAt(++i);
        if (next === '') return undefined;
        current += next === '"' || next === '\\' ? next : `\\${next}`;
      } else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inToken = true;
    } else if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      // shlex's whitespace is exactly these four: a no-break space is part of a word.
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else if (char === '\\') {
      if (i + 1 >= text.length) return undefined; // shlex: "No escaped character"
      current += text.charAt(++i);
      inToken = true;
    } else {
      current += char;
      inToken = true;
    }
  }
  if (quote) return undefined;
  if (inToken) tokens.push(current);
  return tokens;
}
