/**
 * The keys that make a profile use an IAM Identity Center role (aws-sso-reference.md §4.3), shared
 * by the default-profile switch and the generated profiles so both write the same thing.
 */
import type { SsoSessionConfig } from '../aws-files/aws-config';
import type { IniDocument, IniSection } from '../aws-files/ini-document';
import { configValueProblem } from './profile-name';

/** A role of a session, as a profile should reach it. */
export interface SsoRoleTarget {
  session: SsoSessionConfig;
  accountId: string;
  roleName: string;
  /** The profile's `region`; left as it is when undefined. */
  region?: string;
  /**
   * A `credential_process` line to write instead of the SSO keys: when tokens stay in the keychain
   * only, the AWS CLI has no token of its own and must ask SSO Tray for credentials.
   */
  credentialProcess?: string;
}

/** Keys that make botocore use SSO (it does before credential_process: they must go in that style). */
const ssoKeys = ['sso_session', 'sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name'] as const;

/** `[key, value]` pairs in the order they are written into a new section. */
export function ssoProfileEntries(target: SsoRoleTarget): [string, string][] {
  const { session } = target;
  if (target.credentialProcess !== undefined) {
    const entries: [string, string][] = [['credential_process', target.credentialProcess]];
    if (target.region !== undefined) entries.push(['region', target.region]);
    return entries;
  }
  const entries: [string, string][] = session.legacy
    ? [
        ['sso_start_url', session.startUrl],
        ['sso_region', session.region],
      ]
    : [['sso_session', session.name]];
  entries.push(['sso_account_id', target.accountId], ['sso_role_name', target.roleName]);
  if (target.region !== undefined) entries.push(['region', target.region]);
  return entries;
}

/** The first problem with any value that would be written for the target, or undefined. */
export function ssoTargetProblem(target: SsoRoleTarget): string | undefined {
  for (const [key, value] of ssoProfileEntries(target)) {
    const problem = configValueProblem(key, value);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * The SSO keys of a section that contradict the target and must go. A profile with `sso_session`
 * may still carry `sso_start_url`/`sso_region`, but both SDKs refuse it when they differ from the
 * session's; a legacy profile must not name an sso-session, or the SDKs would use that instead.
 */
export function contradictingSsoKeys(
  document: IniDocument,
  section: IniSection,
  target: SsoRoleTarget,
): string[] {
  const { session } = target;
  const entries = document.entries(section);
  if (target.credentialProcess !== undefined) return ssoKeys.filter((key) => entries.has(key));
  if (session.legacy) return entries.has('sso_session') ? ['sso_session'] : [];
  const stale: string[] = [];
  const startUrl = entries.get('sso_start_url');
  if (startUrl !== undefined && startUrl !== session.startUrl) stale.push('sso_start_url');
  const region = entries.get('sso_region');
  if (region !== undefined && region !== session.region) stale.push('sso_region');
  return stale;
}

/**
 * Removes `keys` from, then writes the target's keys into, the section at `index` in the document.
 * Works by index because every edit moves the lines after it; edits never add or remove headers.
 * Returns the keys that were there and were removed.
 */
export function editSection(
  document: IniDocument,
  index: number,
  remove: readonly string[],
  write: readonly (readonly [string, string])[],
): string[] {
  const removed: string[] = [];
  for (const key of remove) {
    if (document.removeKey(sectionAt(document, index), key)) removed.push(key);
  }
  document.setValues(sectionAt(document, index), write);
  return removed;
}

export function sectionAt(document: IniDocument, index: number): IniSection {
  const section = document.sections()[index];
  if (!section) throw new Error(`section ${index} went away during an edit`);
  return section;
}
