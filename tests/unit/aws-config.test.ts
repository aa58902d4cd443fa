import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  addSsoSession,
  findSsoSessionSection,
  parseScopes,
  readSsoSessions,
  type SsoSessionConfig,
} from '../../electron/core/aws-files/aws-config';
import { IniDocument } from '../../electron/core/aws-files/ini-document';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/aws-config/${name}`, import.meta.url)), 'utf8');

const session = (
  name: string,
  startUrl: string,
  region: string,
  scopes: string[] = [],
): SsoSessionConfig => ({
  name,
  startUrl,
  region,
  scopes,
  legacy: false,
});
const legacy = (startUrl: string, region: string): SsoSessionConfig => ({
  name: startUrl,
  startUrl,
  region,
  scopes: [],
  legacy: true,
});

function read(text: string): ReturnType<typeof readSsoSessions> {
  return readSsoSessions(IniDocument.parse(text));
}

describe('readSsoSessions', () => {
  it('reads what `aws configure sso` writes', () => {
    const text = [
      '[profile AdministratorAccess-111111111111]',
      'sso_session = my-sso',
      'sso_account_id = 111111111111',
      'sso_role_name = AdministratorAccess',
      'region = us-west-2',
      'output = json',
      '',
      '[sso-session my-sso]',
      'sso_start_url = https://d-1234567890.awsapps.com/start',
      'sso_region = us-east-1',
      'sso_registration_scopes = sso:account:access',
      '',
    ].join('\n');
    expect(read(text)).toEqual({
      sessions: [
        session('my-sso', 'https://d-1234567890.awsapps.com/start', 'us-east-1', ['sso:account:access']),
      ],
      incomplete: [],
    });
  });

  it('reads a legacy profile (start URL in the profile, no sso_session) as a session named by its start URL', () => {
    const text = [
      '[profile legacy]',
      'sso_start_url = https://d-1234567890.awsapps.com/start',
      'sso_region = us-east-1',
      'sso_account_id = 111111111111',
      'sso_role_name = Admin',
    ].join('\n');
    expect(read(text)).toEqual({
      sessions: [legacy('https://d-1234567890.awsapps.com/start', 'us-east-1')],
      incomplete: [],
    });
  });

  it('lists each legacy start URL once, first profile first, and the [default] profile counts too', () => {
    const text = [
      '[default]',
      'sso_start_url = https://a.awsapps.com/start',
      'sso_region = us-east-1',
      '[profile one]',
      'sso_start_url = https://b.awsapps.com/start',
      'sso_region = eu-west-1',
      '[profile two]',
      'sso_start_url = https://a.awsapps.com/start',
      'sso_region = us-east-1',
      '[profile three]',
      'sso_start_url = https://b.awsapps.com/start',
      'sso_region = eu-west-1',
    ].join('\n');
    expect(read(text).sessions).toEqual([
      legacy('https://a.awsapps.com/start', 'us-east-1'),
      legacy('https://b.awsapps.com/start', 'eu-west-1'),
    ]);
  });

  it('keeps a legacy start URL exactly as written: a trailing slash or /#/ is another cache key', () => {
    const text = [
      '[profile a]',
      'sso_start_url = https://a.awsapps.com/start',
      'sso_region = us-east-1',
      '[profile b]',
      'sso_start_url = https://a.awsapps.com/start/#/',
      'sso_region = us-east-1',
    ].join('\n');
    expect(read(text).sessions.map((s) => s.name)).toEqual([
      'https://a.awsapps.com/start',
      'https://a.awsapps.com/start/#/',
    ]);
  });

  it('does not read a profile that names an sso_session as a legacy session', () => {
    const text = [
      '[profile mixed]',
      'sso_session = corp',
      'sso_start_url = https://a.awsapps.com/start',
      'sso_region = us-east-1',
    ].join('\n');
    expect(read(text)).toEqual({ sessions: [], incomplete: [] });
  });

  it('ignores a profile with only half of the legacy keys', () => {
    expect(
      read('[profile a]\nsso_start_url = https://a.awsapps.com/start\n[profile b]\nsso_region = us-east-1\n'),
    ).toEqual({
      sessions: [],
      incomplete: [],
    });
  });

  it('lists sso-sessions before legacy start URLs, each group in file order', () => {
    const text = [
      '[profile old]',
      'sso_start_url = https://old.awsapps.com/start',
      'sso_region = us-east-1',
      '[sso-session b]',
      'sso_start_url = https://b.awsapps.com/start',
      'sso_region = us-east-1',
      '[sso-session a]',
      'sso_start_url = https://a.awsapps.com/start',
      'sso_region = eu-west-1',
    ].join('\n');
    expect(read(text).sessions.map((s) => s.name)).toEqual(['b', 'a', 'https://old.awsapps.com/start']);
  });

  it('reports an sso-session without start URL or region as incomplete, naming what is missing', () => {
    const text = [
      '[sso-session no-region]',
      'sso_start_url = https://a.awsapps.com/start',
      '[sso-session no-url]',
      'sso_region = us-east-1',
      '[sso-session empty]',
      '[sso-session blank-values]',
      'sso_start_url =',
      'sso_region =   ',
    ].join('\n');
    expect(read(text)).toEqual({
      sessions: [],
      incomplete: [
        { name: 'no-region', missing: ['sso_region'] },
        { name: 'no-url', missing: ['sso_start_url'] },
        { name: 'empty', missing: ['sso_start_url', 'sso_region'] },
        { name: 'blank-values', missing: ['sso_start_url', 'sso_region'] },
      ],
    });
  });

  it('parses the header with shlex and reads keys in any case and with `:`, as botocore does', () => {
    const text = [
      '[sso-session "corp sso"]',
      'SSO_Start_URL: https://corp.awsapps.com/start',
      'Sso_Region=eu-central-1',
    ].join('\n');
    expect(read(text).sessions).toEqual([
      session('corp sso', 'https://corp.awsapps.com/start', 'eu-central-1'),
    ]);
  });

  it('does not take sections botocore would not read as sessions or profiles', () => {
    const keys = 'sso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n';
    const text = [
      `[Sso-Session upper]\n${keys}`,
      `[ sso-session padded ]\n${keys}`,
      `[sso-session two words]\n${keys}`,
      `[DEFAULT]\n${keys}`,
      `[ default ]\n${keys}`,
      `[services x]\n${keys}`,
      `[preview]\n${keys}`,
    ].join('');
    expect(read(text)).toEqual({ sessions: [], incomplete: [] });
  });

  it('lets a later duplicate sso-session win, as for botocore the last section read wins', () => {
    expect(read(fixture('duplicate-sections.ini')).sessions).toEqual([
      session('corp', 'https://new.awsapps.com/start', 'eu-west-1', [
        'sso:account:access',
        'codewhisperer:completions',
      ]),
    ]);
  });

  it('reads the fixture corpus', () => {
    expect(read(fixture('crlf-bom.ini'))).toEqual({
      sessions: [
        session('corp', 'https://d-1234567890.awsapps.com/start', 'us-east-1', ['sso:account:access']),
      ],
      incomplete: [],
    });
    expect(read(fixture('nested-s3.ini'))).toEqual({
      sessions: [session('corp', 'https://corp.awsapps.com/start', 'eu-central-1')],
      incomplete: [],
    });
    expect(read(fixture('comments-between-keys.ini'))).toEqual({
      sessions: [legacy('https://d-9999999999.awsapps.com/start/#/', 'us-west-2')],
      incomplete: [],
    });
    // `[ sso-session padded ]` and `[Profile Caps]` are not read by botocore (nor the JS SDK).
    expect(read(fixture('mixed-eol-quoted.ini'))).toEqual({
      sessions: [session('quoted', 'https://quoted.awsapps.com/start', 'ap-northeast-1')],
      incomplete: [],
    });
  });
});

describe('parseScopes', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['', []],
    ['   ', []],
    ['sso:account:access', ['sso:account:access']],
    ['sso:account:access,codewhisperer:completions', ['sso:account:access', 'codewhisperer:completions']],
    [' sso:account:access , codewhisperer:completions ', ['sso:account:access', 'codewhisperer:completions']],
    [',,sso:account:access,, ,', ['sso:account:access']],
    ['a\t,\tb', ['a', 'b']],
  ])('%j → %j', (value, scopes) => {
    expect(parseScopes(value)).toEqual(scopes);
  });
});

describe('findSsoSessionSection', () => {
  it('finds a session whatever the quoting of its header, and the last of duplicates', () => {
    const document = IniDocument.parse(
      '[sso-session "corp"]\nsso_region = a\n[profile corp]\n[sso-session corp]\nsso_region = b\n',
    );
    const found = findSsoSessionSection(document, 'corp');
    expect(found).toMatchObject({ header: 'sso-session corp', start: 3 });
    expect(findSsoSessionSection(IniDocument.parse('[sso-session "corp"]\n'), 'corp')).toMatchObject({
      start: 0,
    });
    expect(findSsoSessionSection(document, 'other')).toBeUndefined();
    expect(findSsoSessionSection(IniDocument.parse('[profile corp]\n'), 'corp')).toBeUndefined();
  });
});

describe('addSsoSession', () => {
  const block = [
    '[sso-session my-sso]',
    'sso_start_url = https://d-1234567890.awsapps.com/start',
    'sso_region = us-east-1',
    'sso_registration_scopes = sso:account:access',
    '',
  ].join('\n');

  it('writes the section `aws configure sso` would, into an empty config', () => {
    const document = IniDocument.parse('');
    expect(addSsoSession(document, 'my-sso', 'https://d-1234567890.awsapps.com/start', 'us-east-1')).toBe(
      true,
    );
    expect(document.serialize()).toBe(block);
    expect(readSsoSessions(document).sessions).toEqual([
      session('my-sso', 'https://d-1234567890.awsapps.com/start', 'us-east-1', ['sso:account:access']),
    ]);
  });

  it('appends after the existing text, which stays byte for byte', () => {
    const text = fixture('comments-between-keys.ini');
    const document = IniDocument.parse(text);
    expect(addSsoSession(document, 'my-sso', 'https://d-1234567890.awsapps.com/start', 'us-east-1')).toBe(
      true,
    );
    // The fixture has no final newline: its last line gets one, then a blank line, then the block.
    expect(document.serialize()).toBe(`${text}\n\n${block}`);
  });

  it('keeps CRLF line endings and the byte order mark of a Windows file', () => {
    const text = fixture('crlf-bom.ini');
    const document = IniDocument.parse(text);
    expect(addSsoSession(document, 'my-sso', 'https://d-1234567890.awsapps.com/start', 'us-east-1')).toBe(
      true,
    );
    expect(document.serialize()).toBe(`${text}\r\n${block.replace(/\n/g, '\r\n')}`);
  });

  it('changes nothing and returns false when the session exists, however its header is quoted', () => {
    for (const text of [
      block,
      '[sso-session "my-sso"]\nsso_region = eu-west-1\n',
      "[sso-session 'my-sso']\n",
    ]) {
      const document = IniDocument.parse(text);
      expect(addSsoSession(document, 'my-sso', 'https://other.awsapps.com/start', 'eu-west-1')).toBe(false);
      expect(document.serialize()).toBe(text);
    }
  });

  it('adds the session when only a profile or an unreadable header has that name', () => {
    const text = '[profile my-sso]\nregion = us-east-1\n[ sso-session my-sso ]\n';
    const document = IniDocument.parse(text);
    expect(addSsoSession(document, 'my-sso', 'https://d-1234567890.awsapps.com/start', 'us-east-1')).toBe(
      true,
    );
    expect(document.serialize()).toBe(`${text}\n${block}`);
  });
});
