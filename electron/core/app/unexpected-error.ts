/**
 * What a log or a terminal may show of an error SSO Tray did not expect: its name, its message with
 * anything shaped like a secret masked, and (for the log) its stack frames. Never the error's own
 * fields: an AWS SDK error carries the raw `$response`, whose body may be a token endpoint's answer.
 */

/**
 * Runs of 24 or more token characters (base64 with its padding, base64url, percent-encoding) that
 * mix upper case, lower case and digits, and runs of 32 or more hex digits: access and refresh
 * tokens, client secrets, secret access keys, session tokens, sign-in tokens and signatures in a
 * URL look like that; words, ids and most paths (broken up by `.`, `:`, `=` or `@`, or of one
 * case) do not. ARNs are kept whole, wherever they stand: they name a role, they grant nothing.
 */
const secretShaped = /[A-Za-z0-9+/_%-]{24,}={0,2}/g;
const arn = /arn:[^\s"'`)<>,;]+/g;

function looksSecret(run: string): boolean {
  return /^[0-9a-f]{32,}$/i.test(run) || (/[a-z]/.test(run) && /[A-Z]/.test(run) && /\d/.test(run));
}

function maskRuns(text: string): string {
  return text.replace(secretShaped, (run) => (looksSecret(run) ? '[redacted]' : run));
}

export function redactSecrets(text: string): string {
  let masked = '';
  let at = 0;
  for (const match of text.matchAll(arn)) {
    masked += maskRuns(text.slice(at, match.index)) + match[0];
    at = match.index + match[0].length;
  }
  return masked + maskRuns(text.slice(at));
}

/** `Name: message`, on one line, secrets masked. */
export function unexpectedErrorLine(error: unknown): string {
  const text =
    error instanceof Error
      ? `${error.name}: ${error.message}`
      : typeof error === 'string'
        ? error
        : `a thrown ${typeof error}`;
  return redactSecrets(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/**
 * {@link unexpectedErrorLine}, then the stack's frames: where it happened, never what it held (a
 * frame names a function and a file, so it is shown as it is).
 */
export function unexpectedErrorReport(error: unknown): string {
  const frames =
    error instanceof Error && typeof error.stack === 'string'
      ? error.stack
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .map((line) => line.trimEnd())
      : [];
  return [unexpectedErrorLine(error), ...frames].join('\n');
}
