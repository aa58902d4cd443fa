/**
 * The `credential_process` value of a profile that gets its credentials from SSO Tray: an absolute
 * command, then `credential-process --session SESSION ACCOUNTID/ROLE`. botocore splits it with
 * shlex (no shell) and the JS SDK runs it through /bin/sh (aws-sso-reference.md §4.5): words that
 * are double-quoted and hold none of `"`, `\`, `$` or a backquote read the same for both.
 */
import type { RoleRef } from '../credentials/role-credentials';

const plainWord = /^[A-Za-z0-9_@%+=:,./-]+$/;
const quotableWord = /^[^"\\$`\r\n]+$/;

/** Why a word of the command cannot be written safely, or undefined. */
export function commandWordProblem(word: string): string | undefined {
  return word !== '' && quotableWord.test(word)
    ? undefined
    : `"${word}" cannot go into a credential_process line (quotes, backslashes, $ and backquotes read differently for the AWS CLI and the SDKs); install SSO Tray under a plain path`;
}

/** The value, with each word double-quoted when it is not plain. `command` is the absolute argv prefix. */
export function credentialProcessLine(command: readonly string[], role: RoleRef): string {
  const words = [
    ...command,
    'credential-process',
    '--session',
    role.session,
    `${role.accountId}/${role.roleName}`,
  ];
  return words.map((word) => (plainWord.test(word) ? word : `"${word}"`)).join(' ');
}

const rolePattern = /\scredential-process --session (\S+) (\d{12})\/(\S+)$/;

/** The role a line written by credentialProcessLine is for (to recognise generated profiles). */
export function roleOfCredentialProcessLine(value: string): RoleRef | undefined {
  const match = rolePattern.exec(value);
  if (!match) return undefined;
  const [, session = '', accountId = '', roleName = ''] = match;
  return { session, accountId, roleName };
}
