/**
 * Points one profile (usually `default`) at an IAM Identity Center role by editing only the keys
 * that decide its credentials; every other key, comment, sub-section and byte stays as it was.
 */
import { AppError } from '../app/app-error';
import type { SsoSessionConfig } from '../aws-files/aws-config';
import type { IniDocument } from '../aws-files/ini-document';
import { parseSectionHeader, sectionHeader } from '../aws-files/section-header';
import { profileNameProblem } from './profile-name';
import { contradictingSsoKeys, editSection, ssoProfileEntries, ssoTargetProblem } from './sso-profile-keys';

export interface SwitchChoice {
  /** The profile to edit; `default` is the `[default]` section. */
  profile: string;
  session: SsoSessionConfig;
  accountId: string;
  roleName: string;
  /** Written when given; otherwise the profile's `region` is left alone. */
  region?: string;
  /** Write this credential_process line instead of the SSO keys (see sso-profile-keys.ts). */
  credentialProcess?: string;
}

export interface SwitchResult {
  changed: boolean;
  /** Keys removed from the profile, each once, in a fixed order (see `removedKeyOrder`). */
  removed: string[];
}

/**
 * Keys that botocore or the JS SDK would use before SSO (assume-role, web identity, static keys in
 * the JS SDK's order) or instead of it (credential_process), so the switch would not take effect.
 */
export const conflictingKeys = [
  'credential_process',
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
  'role_arn',
  'source_profile',
  'credential_source',
  'web_identity_token_file',
] as const;

const removedKeyOrder = [
  'sso_session',
  'sso_start_url',
  'sso_region',
  'sso_account_id',
  'sso_role_name',
  ...conflictingKeys,
];

/**
 * Edits every section that represents the profile, so botocore and the JS SDK agree whichever one
 * each picks: for `default`, both `[default]` and `[profile default]` (the JS SDK prefers the
 * latter, botocore takes the later one, each replacing the other whole); for NAME, every header
 * botocore reads as that profile (`[profile NAME]`, `[profile "NAME"]`, …). The last section of each
 * header gets the full set of SSO keys; earlier copies of the same header (merged by the JS SDK,
 * refused by botocore) lose the keys that would contradict it. Without any, `[default]` or
 * `[profile NAME]` is appended. Throws AppError('InvalidInput') before any edit for a name or value
 * outside the safe subset.
 */
export function switchProfile(document: IniDocument, choice: SwitchChoice): SwitchResult {
  const problem = profileNameProblem(choice.profile) ?? ssoTargetProblem(choice);
  if (problem) throw new AppError('InvalidInput', problem);

  const before = document.version;
  const write = ssoProfileEntries(choice);
  const indexes = profileSectionIndexes(document, choice.profile);
  if (indexes.length === 0) {
    const header = choice.profile === 'default' ? 'default' : sectionHeader('profile', choice.profile);
    document.appendSection(header, write);
    return { changed: true, removed: [] };
  }

  const lastOfHeader = new Map<string, number>();
  const sections = document.sections();
  for (const index of indexes) lastOfHeader.set(sections[index]?.header ?? '', index);
  const full = new Set(lastOfHeader.values());

  const removed = new Set<string>();
  for (const index of indexes) {
    const section = document.sections()[index];
    if (!section) continue;
    // credential_process is what the credential-process style writes: not a conflict there.
    const conflicts = conflictingKeys.filter(
      (key) => !(choice.credentialProcess && key === 'credential_process'),
    );
    const remove = [...contradictingSsoKeys(document, section, choice), ...conflicts];
    const done = editSection(document, index, remove, full.has(index) ? write : []);
    for (const key of done) removed.add(key);
  }
  return {
    changed: document.version !== before,
    removed: removedKeyOrder.filter((key) => removed.has(key)),
  };
}

const quoteOrEscape = /["'\\]/;

/** Indexes (into `sections()`) of every section botocore or the JS SDK reads as the profile. */
function profileSectionIndexes(document: IniDocument, profile: string): number[] {
  const indexes: number[] = [];
  const sections = document.sections();
  for (let index = 0; index < sections.length; index++) {
    const header = sections[index]?.header ?? '';
    // Most headers of a large config cannot name the profile: skip botocore's shlex for them
    // (unless quotes or escapes could spell the name in pieces).
    if (header !== 'default' && !header.includes(profile) && !quoteOrEscape.test(header)) continue;
    const name = parseSectionHeader(header);
    if (
      (name.kind === 'profile' && name.name === profile) ||
      (name.kind === 'default' && profile === 'default')
    )
      indexes.push(index);
  }
  return indexes;
}

const staticKeys = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token'] as const;

/**
 * The static-credential keys the credentials file sets for the profile. The JS SDK uses them before
 * SSO (botocore does not), so the caller should warn. Credentials-file sections are named raw
 * (`[dev]`, not `[profile dev]`); duplicates are merged as the JS SDK does.
 */
export function staticKeysShadowing(credentialsDocument: IniDocument, profile: string): string[] {
  const present = new Set<string>();
  for (const section of credentialsDocument.sections()) {
    if (section.header !== profile) continue;
    for (const key of credentialsDocument.entries(section).keys()) present.add(key);
  }
  return staticKeys.filter((key) => present.has(key));
}
