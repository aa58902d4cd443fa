/**
 * The managed blocks of the AWS config: one per session, between two marker comment lines, holding
 * the profiles SSO Tray generates for that session's roles. Everything outside the markers is the
 * user's. Both parsers read the markers as whole-line comments, so they change nothing for them.
 */
import { AppError } from '../app/app-error';
import type { IniDocument, IniSection } from '../aws-files/ini-document';
import { parseSectionHeader } from '../aws-files/section-header';
import { roleOfCredentialProcessLine } from './credential-process-line';

export interface ManagedBlock {
  /** The session's name: the sso-session name, or the start URL for a legacy session. */
  session: string;
  legacy: boolean;
  /** Index of the start marker line. */
  begin: number;
  /** Index of the end marker line. */
  end: number;
}

/** Who generated a profile: what `sso-tray` needs to resolve a generated profile name. */
export interface ManagedProfile {
  session: string;
  accountId: string;
  roleName: string;
}

const label = (session: string, legacy: boolean): string =>
  legacy ? `start URL ${session}` : `sso-session ${session}`;

export function beginMarker(session: string, legacy: boolean): string {
  return `# >>> sso-tray profiles for ${label(session, legacy)}: generated, edits inside are overwritten >>>`;
}

export function endMarker(session: string, legacy: boolean): string {
  return `# <<< sso-tray profiles for ${label(session, legacy)} <<<`;
}

// Trailing whitespace is tolerated: an editor may add it, and it must not orphan the block.
const beginPattern =
  /^# >>> sso-tray profiles for (sso-session|start URL) (.+): generated, edits inside are overwritten >>>\s*$/;
const endPattern = /^# <<< sso-tray profiles for (sso-session|start URL) (.+) <<<\s*$/;

interface Marker {
  session: string;
  legacy: boolean;
}

function markerOf(pattern: RegExp, text: string): Marker | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  return { session: match[2] ?? '', legacy: match[1] === 'start URL' };
}

const sameMarker = (a: Marker, b: Marker): boolean => a.session === b.session && a.legacy === b.legacy;

/**
 * Every well-formed block in file order, and a description of each marker that does not pair up
 * (a start without an end, an end without a start, a start inside a block, a second block for the
 * same session). Line numbers in the problems are 1-based.
 */
export function scanManagedBlocks(document: IniDocument): { blocks: ManagedBlock[]; problems: string[] } {
  const blocks: ManagedBlock[] = [];
  const problems: string[] = [];
  let open: (Marker & { begin: number }) | undefined;
  for (let index = 0; index < document.lineCount; index++) {
    const text = document.textAt(index);
    // Markers are comments: skip the regexes for every other line (configs of thousands of lines).
    if (!text.startsWith('# ')) continue;
    const begin = markerOf(beginPattern, text);
    const end = begin ? undefined : markerOf(endPattern, text);
    if (begin) {
      if (open)
        problems.push(
          `line ${index + 1} starts a block while the one for ${label(open.session, open.legacy)} from line ${open.begin + 1} is not ended`,
        );
      open = { ...begin, begin: index };
    } else if (end) {
      if (!open) problems.push(`line ${index + 1} ends a block that was not started`);
      else if (!sameMarker(open, end))
        problems.push(
          `line ${index + 1} ends the block for ${label(end.session, end.legacy)} but the one from line ${open.begin + 1} is for ${label(open.session, open.legacy)}`,
        );
      else {
        const earlier = blocks.find((block) => sameMarker(block, end));
        if (earlier)
          problems.push(
            `the block for ${label(end.session, end.legacy)} appears twice (lines ${earlier.begin + 1} and ${open.begin + 1})`,
          );
        blocks.push({ session: open.session, legacy: open.legacy, begin: open.begin, end: index });
      }
      open = undefined;
    }
  }
  if (open)
    problems.push(
      `the block for ${label(open.session, open.legacy)} from line ${open.begin + 1} has no end marker`,
    );
  return { blocks, problems };
}

/**
 * The role a profile of that name is generated for, if profile sync generates it: a switch must
 * not point it at another role, since the next sync would point it back. Only headers that can
 * name the profile are parsed, and only its own entries read.
 */
export function generatedProfile(document: IniDocument, profile: string): ManagedProfile | undefined {
  const blocks = scanManagedBlocks(document).blocks;
  if (blocks.length === 0) return undefined;
  let generated: ManagedProfile | undefined;
  for (const block of blocks)
    for (const section of blockSections(document, block)) {
      if (!section.header.includes(profile)) continue;
      const name = parseSectionHeader(section.header);
      if (name.kind === 'profile' && name.name === profile)
        generated = managedProfileOf(document, block, section) ?? generated;
    }
  return generated;
}

/** The well-formed blocks; throws AppError('ConfigConflict') when any marker does not pair up. */
export function managedBlocks(document: IniDocument): ManagedBlock[] {
  const { blocks, problems } = scanManagedBlocks(document);
  if (problems.length > 0)
    throw new AppError(
      'ConfigConflict',
      `The sso-tray markers in the AWS config do not pair up (${problems.join('; ')}): fix or delete those marker lines, then sync again.`,
    );
  return blocks;
}

/** Sections whose header lies inside the block, each ending at the end marker at the latest. */
export function blockSections(document: IniDocument, block: ManagedBlock): IniSection[] {
  return document
    .sections()
    .filter((section) => section.start > block.begin && section.start < block.end)
    .map((section) => ({ ...section, end: Math.min(section.end, block.end) }));
}

/**
 * Generated profile name → session, account and role, from every well-formed block (a broken one
 * is skipped, not fatal, so selecting a profile still works while sync reports the problem).
 */
export function managedProfiles(document: IniDocument): Map<string, ManagedProfile> {
  const profiles = new Map<string, ManagedProfile>();
  for (const block of scanManagedBlocks(document).blocks) {
    for (const section of blockSections(document, block)) {
      const name = parseSectionHeader(section.header);
      if (name.kind !== 'profile') continue;
      const generated = managedProfileOf(document, block, section);
      if (generated) profiles.set(name.name, generated);
    }
  }
  return profiles;
}

/** The role a generated section points at (by SSO keys, or by its credential_process line). */
function managedProfileOf(
  document: IniDocument,
  block: ManagedBlock,
  section: IniSection,
): ManagedProfile | undefined {
  const entries = document.entries(section);
  const viaProcess = roleOfCredentialProcessLine(entries.get('credential_process') ?? '');
  const accountId = entries.get('sso_account_id') ?? viaProcess?.accountId;
  const roleName = entries.get('sso_role_name') ?? viaProcess?.roleName;
  return accountId && roleName ? { session: block.session, accountId, roleName } : undefined;
}
