import type { IniDocument } from './ini-document';
import { type IniSection } from './ini-document';
import { parseSectionHeader, sectionHeader } from './section-header';

/** An IAM Identity Center sign-in as the AWS config describes it. */
export interface SsoSessionConfig {
  /** The `[sso-session NAME]`; for a legacy profile, its start URL (the CLI's cache key too). */
  name: string;
  startUrl: string;
  region: string;
  /** `sso_registration_scopes`, comma-separated in the file; empty for legacy profiles. */
  scopes: string[];
  /** True for a profile carrying `sso_start_url` itself (no sso-session): no refresh tokens. */
  legacy: boolean;
}

/** A session section with a required key missing: listed so the user can be told what to fix. */
export interface IncompleteSession {
  name: string;
  missing: string[];
}

export interface SsoConfigView {
  sessions: SsoSessionConfig[];
  incomplete: IncompleteSession[];
}

/**
 * Reads the sessions of an AWS config: every `[sso-session]` section, and every legacy profile
 * with `sso_start_url` and `sso_region` but no `sso_session` (one entry per start URL).
 */
export function readSsoSessions(document: IniDocument): SsoConfigView {
  const sessions = new Map<string, SsoSessionConfig>();
  const legacy = new Map<string, SsoSessionConfig>();
  const incomplete: IncompleteSession[] = [];
  for (const section of document.sections()) {
    const name = parseSectionHeader(section.header);
    // A profile is a legacy session only with sso_start_url: most profiles of a large config are
    // passed over on a substring test instead of having their keys parsed.
    if ((name.kind === 'profile' || name.kind === 'default') && !mentions(document, section, 'sso_start_url'))
      continue;
    const entries = document.entries(section);
    if (name.kind === 'sso-session') {
      const startUrl = entries.get('sso_start_url');
      const region = entries.get('sso_region');
      if (!startUrl || !region) {
        incomplete.push({
          name: name.name,
          missing: [!startUrl && 'sso_start_url', !region && 'sso_region'].filter((k): k is string => !!k),
        });
        continue;
      }
      sessions.set(name.name, {
        name: name.name,
        startUrl,
        region,
        scopes: parseScopes(entries.get('sso_registration_scopes')),
        legacy: false,
      });
    } else if ((name.kind === 'profile' || name.kind === 'default') && !entries.has('sso_session')) {
      const startUrl = entries.get('sso_start_url');
      const region = entries.get('sso_region');
      if (startUrl && region && !legacy.has(startUrl))
        legacy.set(startUrl, { name: startUrl, startUrl, region, scopes: [], legacy: true });
    }
  }
  return { sessions: [...sessions.values(), ...legacy.values()], incomplete };
}

/** Whether any line of the section contains `key` in any case (a cheap superset of having it). */
function mentions(document: IniDocument, section: IniSection, key: string): boolean {
  for (let index = section.start + 1; index < section.end; index++)
    if (document.textAt(index).toLowerCase().includes(key)) return true;
  return false;
}

/** `sso_registration_scopes` is comma-separated; whitespace trimmed, empties dropped (as the CLI does). */
export function parseScopes(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
}

export function findSsoSessionSection(document: IniDocument, name: string): IniSection | undefined {
  return document.findSection((header) => {
    const parsed = parseSectionHeader(header);
    return parsed.kind === 'sso-session' && parsed.name === name;
  });
}

/**
 * Adds `[sso-session NAME]` with the start URL, region and the `sso:account:access` scope when the
 * config has no such section. Returns false (and changes nothing) when it already exists.
 */
export function addSsoSession(
  document: IniDocument,
  name: string,
  startUrl: string,
  region: string,
): boolean {
  if (findSsoSessionSection(document, name)) return false;
  document.appendSection(sectionHeader('sso-session', name), [
    ['sso_start_url', startUrl],
    ['sso_region', region],
    ['sso_registration_scopes', 'sso:account:access'],
  ]);
  return true;
}
