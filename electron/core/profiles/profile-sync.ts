/**
 * Writes one profile per role of a session into that session's managed block (managed-block.ts),
 * and nothing else: lines outside the block keep every byte, and a sync of an unchanged inventory
 * rewrites nothing, so the file (and its diff) only changes when the roles do.
 *
 * Inside the block, profiles are sorted by name and separated by one blank line. An existing
 * generated profile is edited in place with the same key edits as a switch, so keys and comments a
 * user added to it survive and an unchanged profile keeps its exact lines. Lines between the start
 * marker and the first profile are dropped (the marker says edits inside are overwritten); a
 * section inside the block that is not a profile (a pasted `[default]`, say) is kept, after the
 * profiles. The block is only created when there is a profile to put in it.
 */
import { AppError } from '../app/app-error';
import type { SsoSessionConfig } from '../aws-files/aws-config';
import { IniDocument, type IniLine } from '../aws-files/ini-document';
import { parseSectionHeader, sectionHeader } from '../aws-files/section-header';
import type { Inventory } from '../../../shared/inventory';
import type { RoleRef } from '../credentials/role-credentials';
import { roleOfCredentialProcessLine } from './credential-process-line';
import { beginMarker, blockSections, endMarker, managedBlocks, type ManagedBlock } from './managed-block';
import { configValueProblem, profileNameProblem } from './profile-name';
import { compare, parseTemplate, profileNamesFor, type ProfileTemplate } from './profile-template';
import {
  contradictingSsoKeys,
  editSection,
  sectionAt,
  ssoProfileEntries,
  ssoTargetProblem,
  type SsoRoleTarget,
} from './sso-profile-keys';

export { managedProfiles, type ManagedProfile } from './managed-block';
export { unifiedDiff } from './unified-diff';

export interface SyncOptions {
  session: SsoSessionConfig;
  /** The session's discovered roles; `inventory.session` must be `session.name`. */
  inventory: Inventory;
  /** A profile name template (profile-template.ts). */
  template: string;
  /** Remove generated profiles whose role is gone (never those of an account that failed to list). */
  prune: boolean;
  /** The generated profiles' `region`; the session's region when not given. */
  region?: string;
  /**
   * Writes profiles in the credential_process style instead of the SSO keys: the line for a role
   * (when tokens stay in the keychain only, so the AWS CLI cannot sign in by itself).
   */
  credentialProcess?: (role: RoleRef) => string | undefined;
}

export interface SyncCollision {
  name: string;
  reason: string;
  /** The role that got no profile; absent when an old generated profile was taken out instead. */
  accountId?: string;
  roleName?: string;
}

export interface SyncResult {
  changed: boolean;
  /** Profile names, each list sorted. */
  added: string[];
  updated: string[];
  removed: string[];
  /** Generated profiles whose role is gone, kept because `prune` was off or the account failed to list. */
  kept: string[];
  collisions: SyncCollision[];
}

/**
 * Brings the session's managed block in line with the inventory (see the file comment). Throws
 * AppError('InvalidInput') for a bad template, session or region, and AppError('ConfigConflict')
 * when the file's markers do not pair up; the document is unchanged then.
 */
export function syncProfiles(document: IniDocument, options: SyncOptions): SyncResult {
  const { session, inventory } = options;
  const region = options.region ?? session.region;
  const problem = sessionProblem(session, region, inventory);
  if (problem) throw new AppError('InvalidInput', problem);
  const template = parseTemplate(options.template);
  const blocks = managedBlocks(document);
  const own = blocks.find((block) => block.session === session.name && block.legacy === session.legacy);
  const owners = otherOwners(document, blocks, own);

  const { wanted, collisions } = planNames(
    inventory,
    template,
    {
      session,
      region,
      ...(options.credentialProcess ? { credentialProcess: options.credentialProcess } : {}),
    },
    owners,
  );
  const failedAccounts = new Set(
    inventory.accounts.filter((account) => account.error !== undefined).map((account) => account.accountId),
  );
  const result: SyncResult = {
    changed: false,
    added: [],
    updated: [],
    removed: [],
    kept: [],
    collisions: [],
  };
  const profiles: { name: string; lines: IniLine[] }[] = [];
  const { byName, others } = own
    ? chunksOf(document, own)
    : { byName: new Map<string, IniLine[]>(), others: [] };
  for (const [name, lines] of byName) {
    const target = wanted.get(name);
    const owner = owners.get(name);
    if (target) {
      const edited = editProfile(lines, name, target);
      if (!sameLines(edited, lines)) result.updated.push(name);
      profiles.push({ name, lines: edited });
    } else if (owner) {
      // Two sections of one name: botocore would refuse the whole file. Theirs wins.
      result.removed.push(name);
      if (!collisions.has(name)) collisions.set(name, { name, reason: owner });
    } else if (!options.prune || failedAccounts.has(accountOf(lines))) {
      result.kept.push(name);
      profiles.push({ name, lines });
    } else result.removed.push(name);
  }
  // The block's own line ending once it exists: taken from the whole file, it could flip as the
  // user's lines change, and a sync of the same roles would then rewrite the separators.
  const eol = (own && document.eolAt(own.begin)) || document.lineEnding();
  for (const [name, target] of wanted) {
    if (byName.has(name)) continue;
    result.added.push(name);
    profiles.push({ name, lines: newProfile(name, target, eol) });
  }

  const before = document.version;
  if (own || profiles.length > 0) {
    profiles.sort((a, b) => compare(a.name, b.name));
    writeBlock(document, session, own, [...profiles.map((profile) => profile.lines), ...others], eol);
  }
  result.changed = document.version !== before;
  for (const list of [result.added, result.updated, result.removed, result.kept]) list.sort(compare);
  result.collisions = [...collisions.values()].sort((a, b) => compare(a.name, b.name));
  return result;
}

/**
 * The profiles to write, by name, and the roles that get none: their name is someone else's, the
 * default profile's, or unusable, or one of their values cannot be written safely.
 */
function planNames(
  inventory: Inventory,
  template: ProfileTemplate,
  base: {
    session: SsoSessionConfig;
    region: string;
    credentialProcess?: (role: RoleRef) => string | undefined;
  },
  owners: ReadonlyMap<string, string>,
): { wanted: Map<string, SsoRoleTarget>; collisions: Map<string, SyncCollision> } {
  const wanted = new Map<string, SsoRoleTarget>();
  const collisions = new Map<string, SyncCollision>();
  for (const pair of profileNamesFor(inventory, template, new Set([...owners.keys(), 'default']))) {
    const { accountId, roleName } = pair;
    const target: SsoRoleTarget = {
      session: base.session,
      region: base.region,
      accountId,
      roleName,
      ...withLine(base.credentialProcess?.({ session: base.session.name, accountId, roleName })),
    };
    const why = pair.taken
      ? (owners.get(pair.name) ??
        'this is the name of the default profile, which is never generated: change the template')
      : (profileNameProblem(pair.name) ?? ssoTargetProblem(target));
    if (why) {
      const { name, accountId, roleName } = pair;
      collisions.set(name, { name, reason: why, accountId, roleName });
    } else wanted.set(pair.name, target);
  }
  return { wanted, collisions };
}

function sessionProblem(session: SsoSessionConfig, region: string, inventory: Inventory): string | undefined {
  if (inventory.session !== session.name)
    return `The inventory is for ${JSON.stringify(inventory.session)}, not the session ${JSON.stringify(session.name)}: list the roles of that session first.`;
  const values: [string, string][] = session.legacy
    ? [
        ['sso_start_url', session.startUrl],
        ['sso_region', session.region],
      ]
    : [['sso_session', session.name]];
  values.push(['region', region]);
  for (const [key, value] of values) {
    const problem = configValueProblem(key, value);
    if (problem) return problem;
  }
  return undefined;
}

/** Profile names the user or another session's block already uses, with why this sync leaves them. */
function otherOwners(
  document: IniDocument,
  blocks: readonly ManagedBlock[],
  own: ManagedBlock | undefined,
): Map<string, string> {
  const owners = new Map<string, string>();
  for (const section of document.sections()) {
    const parsed = parseSectionHeader(section.header);
    const name = parsed.kind === 'profile' ? parsed.name : parsed.kind === 'default' ? 'default' : undefined;
    if (name === undefined) continue;
    const block = blocks.find(
      (candidate) => section.start > candidate.begin && section.start < candidate.end,
    );
    if (block && block === own) continue;
    owners.set(
      name,
      block
        ? `the profile generated for ${block.legacy ? 'start URL' : 'sso-session'} ${block.session} has this name and is kept`
        : `your profile [${section.header}] outside the sso-tray blocks has this name and is kept`,
    );
  }
  return owners;
}

/**
 * The sections of a block as line lists without their trailing blank lines (the separators are
 * rewritten). Profiles are keyed by name, the last copy winning; other sections are kept in order.
 */
function chunksOf(
  document: IniDocument,
  block: ManagedBlock,
): { byName: Map<string, IniLine[]>; others: IniLine[][] } {
  const byName = new Map<string, IniLine[]>();
  const others: IniLine[][] = [];
  for (const section of blockSections(document, block)) {
    const lines = document.linesBetween(section.start, section.end);
    while (lines.length > 1 && lines[lines.length - 1]?.text.trim() === '') lines.pop();
    const parsed = parseSectionHeader(section.header);
    if (parsed.kind === 'profile' && parsed.name !== 'default') {
      byName.set(parsed.name, lines); // a later copy replaces an earlier one, as in botocore
    } else others.push(lines);
  }
  return { byName, others };
}

/** An existing generated profile with the target's keys written in place and its header canonical. */
function editProfile(lines: readonly IniLine[], name: string, target: SsoRoleTarget): IniLine[] {
  // A document of just this profile's lines, so the usual key edits apply without re-parsing text.
  const profile = IniDocument.fromLines(lines);
  const header = profile.lines[0];
  if (header) profile.replaceLines(0, 1, [{ text: `[${sectionHeader('profile', name)}]`, eol: header.eol }]);
  const stale = contradictingSsoKeys(profile, sectionAt(profile, 0), target);
  editSection(profile, 0, stale, ssoProfileEntries(target));
  return profile.lines.map((line) => ({ ...line }));
}

function newProfile(name: string, target: SsoRoleTarget, eol: string): IniLine[] {
  return [
    { text: `[${sectionHeader('profile', name)}]`, eol },
    ...ssoProfileEntries(target).map(([key, value]) => ({ text: `${key} = ${value}`, eol })),
  ];
}

const withLine = (line: string | undefined): { credentialProcess?: string } =>
  line === undefined ? {} : { credentialProcess: line };

function accountOf(lines: readonly IniLine[]): string {
  const profile = IniDocument.fromLines(lines);
  const entries = profile.entries(sectionAt(profile, 0));
  const viaProcess = roleOfCredentialProcessLine(entries.get('credential_process') ?? '');
  return entries.get('sso_account_id') ?? viaProcess?.accountId ?? '';
}

/** Replaces the block's lines, or appends the block after one blank line (as appendSection does). */
function writeBlock(
  document: IniDocument,
  session: SsoSessionConfig,
  own: ManagedBlock | undefined,
  sections: readonly IniLine[][],
  eol: string,
): void {
  const endingOf = (index: number | undefined): string =>
    (index === undefined ? undefined : document.eolAt(index)) || eol;
  const lines: IniLine[] = [{ text: beginMarker(session.name, session.legacy), eol }];
  sections.forEach((section, index) => {
    if (index > 0) lines.push({ text: '', eol });
    lines.push(...section);
  });
  // Always ended, so a line the user adds after the block cannot join the marker line.
  lines.push({ text: endMarker(session.name, session.legacy), eol: endingOf(own?.end) });
  if (own) document.replaceLines(own.begin, own.end + 1, lines);
  else document.appendLines(lines);
}

function sameLines(a: readonly IniLine[], b: readonly IniLine[]): boolean {
  return (
    a.length === b.length &&
    a.every((line, i) => {
      const other = b[i];
      return other !== undefined && line.text === other.text && line.eol === other.eol;
    })
  );
}
