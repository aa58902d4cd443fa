import type { RoleCredentials } from './role-credentials';

export type CredentialFormat = 'json' | 'env' | 'process';

/** ISO-8601 in UTC: what both SDKs and the AWS CLI parse for Expiration. */
const iso = (credentials: RoleCredentials): string => new Date(credentials.expiresAtMs).toISOString();

/** The credentials in the format a tool expects; every format ends with a newline. */
export function formatCredentials(credentials: RoleCredentials, format: CredentialFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          AccessKeyId: credentials.accessKeyId,
          SecretAccessKey: credentials.secretAccessKey,
          SessionToken: credentials.sessionToken,
          Expiration: iso(credentials),
        },
        null,
        2,
      )}\n`;
    case 'process':
      // The credential_process contract: Version is the number 1 (aws-sso-reference.md §4.5).
      return `${JSON.stringify({
        Version: 1,
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        Expiration: iso(credentials),
      })}\n`;
    case 'env':
      return exportLines([
        ['AWS_ACCESS_KEY_ID', credentials.accessKeyId],
        ['AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey],
        ['AWS_SESSION_TOKEN', credentials.sessionToken],
        ['AWS_CREDENTIAL_EXPIRATION', iso(credentials)],
      ]);
  }
}

/** POSIX shell `export NAME=value` lines, values single-quoted when they need it. */
export function exportLines(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => `export ${name}=${shellQuote(value)}\n`).join('');
}

export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}
