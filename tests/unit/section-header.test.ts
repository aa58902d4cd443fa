// Section headers are read the way botocore reads them (aws-sso-reference.md §4.2): the header
// text as written must start with the kind, then `shlex.split` must give exactly two words. The
// table holds the cases the reference lists and the corners of POSIX shlex; the differential test
// runs the same headers through Python's own shlex when a python3 is on the PATH.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseSectionHeader,
  sectionHeader,
  type SectionName,
} from '../../electron/core/aws-files/section-header';

const other = (header: string): SectionName => ({ kind: 'other', header });

describe('parseSectionHeader', () => {
  it.each<[string, SectionName]>([
    ['default', { kind: 'default' }],
    ['profile dev', { kind: 'profile', name: 'dev' }],
    ['sso-session my-sso', { kind: 'sso-session', name: 'my-sso' }],
    ['services local-dynamo', { kind: 'services', name: 'local-dynamo' }],
    [
      'profile AdministratorAccess-111111111111',
      { kind: 'profile', name: 'AdministratorAccess-111111111111' },
    ],
    ['profile a@b+c.d%e:f/g_h', { kind: 'profile', name: 'a@b+c.d%e:f/g_h' }],
    // shlex splits on any run of spaces and tabs
    ['profile  x', { kind: 'profile', name: 'x' }],
    ['profile\tx', { kind: 'profile', name: 'x' }],
    ['profile x ', { kind: 'profile', name: 'x' }],
    ['profile x\t \t', { kind: 'profile', name: 'x' }],
    // quotes
    ['profile "a b"', { kind: 'profile', name: 'a b' }],
    ["profile 'a b'", { kind: 'profile', name: 'a b' }],
    ['sso-session "my-sso"', { kind: 'sso-session', name: 'my-sso' }],
    ['profile ""', { kind: 'profile', name: '' }],
    ['profile a"b c"d', { kind: 'profile', name: 'ab cd' }],
    ['profile "a"\'b\'', { kind: 'profile', name: 'ab' }],
    ['profile "it\'s"', { kind: 'profile', name: "it's" }],
    ['profile \'say "hi"\'', { kind: 'profile', name: 'say "hi"' }],
    // backslashes: outside quotes they escape anything; inside double quotes only " and \;
    // inside single quotes nothing
    ['profile a\\ b', { kind: 'profile', name: 'a b' }],
    ['profile a\\"b', { kind: 'profile', name: 'a"b' }],
    ['profile \\x', { kind: 'profile', name: 'x' }],
    ['profile "a\\"b"', { kind: 'profile', name: 'a"b' }],
    ['profile "a\\\\b"', { kind: 'profile', name: 'a\\b' }],
    ['profile "a\\b"', { kind: 'profile', name: 'a\\b' }],
    ['profile "C:\\Users\\me"', { kind: 'profile', name: 'C:\\Users\\me' }],
    ["profile 'a\\b'", { kind: 'profile', name: 'a\\b' }],
    // shlex knows no comments in shlex.split
    ['profile #dev', { kind: 'profile', name: '#dev' }],
    // only space, tab, CR and LF separate words; other Unicode spaces are part of a word
    ['profile a\u00a0b', { kind: 'profile', name: 'a\u00a0b' }],
    ['profile a\u000bb', { kind: 'profile', name: 'a\u000bb' }],
  ])('[%s] is %j', (header, expected) => {
    expect(parseSectionHeader(header)).toEqual(expected);
  });

  it.each([
    'profile foo bar', // three words
    'profile', // one word
    'profilefoo',
    'sso-session',
    'profile "unclosed',
    "profile 'unclosed",
    'profile "a\\"', // the escaped quote leaves the quote open
    'profile a\\', // a backslash at the end escapes nothing: shlex raises
    'profile\u00a0x', // one word for shlex
    'Profile x', // section names are case-sensitive
    'PROFILE x',
    'SSO-Session x',
    'DEFAULT', // configparser's magic section, not the default profile
    'Default',
    'default ', // botocore compares `default` exactly
    ' default',
    ' profile x', // botocore requires the text to start with the kind
    '\tsso-session corp',
    '"profile" x',
    'plugins',
    'preview',
    'sso-sessions corp',
    '',
  ])('[%s] is not a profile, session or services section', (header) => {
    expect(parseSectionHeader(header)).toEqual(other(header));
  });
});

describe('sectionHeader', () => {
  it('writes `kind name`, which reads back as the same kind and name', () => {
    expect(sectionHeader('sso-session', 'my-sso')).toBe('sso-session my-sso');
    expect(sectionHeader('profile', 'AdministratorAccess-111111111111')).toBe(
      'profile AdministratorAccess-111111111111',
    );
    fc.assert(
      fc.property(
        fc.constantFrom('profile' as const, 'sso-session' as const),
        fc.stringMatching(/^[A-Za-z0-9_\-@+.%:/]+$/),
        (kind, name) => {
          expect(parseSectionHeader(sectionHeader(kind, name))).toEqual({ kind, name });
        },
      ),
    );
  });
});

// Python's shlex is the reference; this is botocore's `build_profile_map` rule, except that SSO
// Tray also wants the first word to be exactly the kind (botocore's bare `startswith` would read
// `[sso-session-old corp]` as session `corp`, which the JS SDK ignores).
const pythonOracle = String.raw`
import json, shlex, sys
out = []
for header in json.load(sys.stdin):
    result = {"kind": "other", "header": header}
    if header == "default":
        result = {"kind": "default"}
    else:
        for kind in ("profile", "sso-session", "services"):
            if header.startswith(kind):
                try:
                    parts = shlex.split(header)
                except ValueError:
                    break
                if len(parts) == 2 and parts[0] == kind:
                    result = {"kind": kind, "name": parts[1]}
                break
    out.append(result)
json.dump(out, sys.stdout)
`;

const python = spawnSync('python3', ['-c', 'import shlex'], { encoding: 'utf8' });
const hasPython = python.status === 0;

describe.skipIf(!hasPython)('parseSectionHeader against Python shlex (needs python3)', () => {
  function oracle(headers: string[]): SectionName[] {
    const result = spawnSync('python3', ['-c', pythonOracle], {
      input: JSON.stringify(headers),
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as SectionName[];
  }

  it('agrees on generated headers full of quotes, backslashes and whitespace', () => {
    const headerArb = fc
      .tuple(
        fc.constantFrom(
          'profile',
          'sso-session',
          'services',
          'default',
          ' profile',
          'profilex',
          'Profile',
          '',
        ),
        fc.string({
          unit: fc.constantFrom(
            ' ',
            '  ',
            '\t',
            '"',
            "'",
            '\\',
            'a',
            'b',
            '-',
            '#',
            '\u00a0',
            '\u000b',
            '\r',
          ),
          maxLength: 8,
        }),
      )
      .map(([kind, rest]) => kind + rest);
    const headers = [...new Set(fc.sample(headerArb, { numRuns: 3000, seed: 20261130 }))];
    const expected = oracle(headers);
    // Sanity: the sample covers all three outcomes, so the comparison below means something.
    expect(new Set(expected.map((name) => name.kind))).toEqual(
      new Set(['default', 'profile', 'sso-session', 'services', 'other']),
    );
    headers.forEach((header, index) => {
      expect({ header, parsed: parseSectionHeader(header) }).toEqual({ header, parsed: expected[index] });
    });
  });
});
