/**
 * What a log or a terminal may show of an error SSO Tray did not expect: its name, its message with
 * anything shaped like a secret masked, and (for the log) its stack frames. Never the error's own
 * fields: an AWS SDK error carries the raw `$response`, whose body may be a token endpoint's answer.
 */

/**
 * Runs of 24 or more token characters (base64 with its padding, base64url, hex) mixing upper case,
 * lower case and digits: access tokens, refresh tokens, client secrets, secret access keys, session
 * tokens and sign-in tokens in a URL look like that; words, ids and paths (broken up by `.`, `:`,
 * `=` or `@`, or of one case) do not. An ARN is kept whole: it names a role, it grants nothing.
 */
const secretShaped = /[A-Za-z0-9+/_-]{24,}={0,2}/g;

export function redactSecrets(text: string): string {
  return text.replace(/\S+/g, (word) =>
    word.startsWith('arn:')
      ? word
      : word.replace(secretShaped, (run) =>
          /[a-z]/.test(run) && /[A-Z]/.test(run) && /\d/.test(run) ? '[redacted]' : run,
        ),
  );
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

/** {@link unexpectedErrorLine}, then the stack's frames (where it happened, never what it held). */
export function unexpectedErrorReport(error: unknown): string {
  const frames =
    error instanceof Error && typeof error.stack === 'string'
      ? error.stack
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .map((line) => redactSecrets(line.trimEnd()))
      : [];
  return [unexpectedErrorLine(error), ...frames].join('\n');
}
