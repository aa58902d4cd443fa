// IniDocument is the only thing that rewrites a user's ~/.aws/config, so it must give back every
// byte it did not mean to change. The property tests build configs from the fragments real files
// are made of, and check each edit against a model that knows, by construction, which lines a
// key owns (its sub-section and continuation lines, including the blank and comment lines botocore
// lets sit between them).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IniDocument, type IniLine, type IniSection } from '../../electron/core/aws-files/ini-document';
import { separateBlankLines } from '../support/blank-line-rule';

const fixturesFolder = fileURLToPath(new URL('../fixtures/aws-config/', import.meta.url));
const fixtureNames = readdirSync(fixturesFolder)
  .filter((name) => name.endsWith('.ini'))
  .sort();

function linesOf(document: IniDocument): IniLine[] {
  return document.lines.map(({ text, eol }) => ({ text, eol }));
}

function sectionNamed(document: IniDocument, header: string): IniSection {
  const section = document.findSection((candidate) => candidate === header);
  if (!section) throw new Error(`no [${header}] in the document`);
  return section;
}

function edited(text: string, edit: (document: IniDocument) => void): string {
  const document = IniDocument.parse(text);
  edit(document);
  return document.serialize();
}

describe('IniDocument.parse and serialize', () => {
  it('splits lines on LF, CRLF and lone CR, and remembers each ending', () => {
    const document = IniDocument.parse('a\nb\r\nc\rd');
    expect(linesOf(document)).toEqual([
      { text: 'a', eol: '\n' },
      { text: 'b', eol: '\r\n' },
      { text: 'c', eol: '\r' },
      { text: 'd', eol: '' },
    ]);
    expect(document.serialize()).toBe('a\nb\r\nc\rd');
  });

  it('reads CR followed by LF as one CRLF, and LF followed by CR as two endings', () => {
    expect(linesOf(IniDocument.parse('a\r\nb'))).toEqual([
      { text: 'a', eol: '\r\n' },
      { text: 'b', eol: '' },
    ]);
    expect(linesOf(IniDocument.parse('a\n\rb'))).toEqual([
      { text: 'a', eol: '\n' },
      { text: '', eol: '\r' },
      { text: 'b', eol: '' },
    ]);
  });

  it('keeps a final newline, and its absence', () => {
    expect(linesOf(IniDocument.parse('[default]\n'))).toEqual([{ text: '[default]', eol: '\n' }]);
    expect(linesOf(IniDocument.parse('[default]'))).toEqual([{ text: '[default]', eol: '' }]);
    expect(linesOf(IniDocument.parse('[default]\n\n'))).toEqual([
      { text: '[default]', eol: '\n' },
      { text: '', eol: '\n' },
    ]);
  });

  it('treats an empty text as one empty line and gives the empty text back', () => {
    const document = IniDocument.parse('');
    expect(linesOf(document)).toEqual([{ text: '', eol: '' }]);
    expect(document.sections()).toEqual([]);
    expect(document.serialize()).toBe('');
  });

  it('keeps a UTF-8 byte order mark out of the first line and writes it back', () => {
    const text = '\uFEFF[default]\r\nregion = us-east-1\r\n';
    const document = IniDocument.parse(text);
    expect(document.lines[0]).toEqual({ text: '[default]', eol: '\r\n' });
    expect(document.sections().map((section) => section.header)).toEqual(['default']);
    expect(document.serialize()).toBe(text);
    expect(IniDocument.parse('\uFEFF').serialize()).toBe('\uFEFF');
  });

  it('keeps whitespace, tabs and non-ASCII text exactly', () => {
    const text = '  \t\n[profile café]  \nregion\t:  eu-west-3  \n; ünïcödé ✓\n';
    expect(IniDocument.parse(text).serialize()).toBe(text);
  });
});

describe('IniDocument.sections and findSection', () => {
  const text = [
    '# preamble',
    'orphan = 1',
    '[default]',
    'region = us-east-1',
    '',
    '[DEFAULT]',
    'x = 1',
    '[profile dev]  ',
    '  [indented] = not a header',
    '[ sso-session corp ]',
    '[profile dev]',
    'output = json',
  ].join('\n');

  it('lists every header in file order with the lines it spans; lines before the first belong to none', () => {
    expect(IniDocument.parse(text).sections()).toEqual([
      { header: 'default', start: 2, end: 5 },
      { header: 'DEFAULT', start: 5, end: 7 },
      { header: 'profile dev', start: 7, end: 9 },
      { header: ' sso-session corp ', start: 9, end: 10 },
      { header: 'profile dev', start: 10, end: 12 },
    ]);
  });

  it('keeps the header text as written between the brackets, as botocore sees it', () => {
    // botocore only treats `[profile …]` as a profile when the name starts right after `[`, and
    // `[default ]` is not the default profile; the header must not be trimmed before that check.
    const headers = IniDocument.parse('[ default ]\n[profile x ]\n[\tsso-session y]\n')
      .sections()
      .map((section) => section.header);
    expect(headers).toEqual([' default ', 'profile x ', '\tsso-session y']);
    // Whitespace after the `]` goes; the last `]` closes; a line separator inside is no header.
    const edges = IniDocument.parse('[a]  \t\n[b]c]\n[d\u2028e]\n[]\n[\n[f]\u00a0\n')
      .sections()
      .map((section) => section.header);
    expect(edges).toEqual(['a', 'b]c', '', 'f']);
  });

  it('finds the last matching section (a later duplicate wins) and nothing when none matches', () => {
    const document = IniDocument.parse(text);
    expect(document.findSection((header) => header === 'profile dev')).toEqual({
      header: 'profile dev',
      start: 10,
      end: 12,
    });
    expect(document.findSection((header) => header === 'profile prod')).toBeUndefined();
  });

  it('finds no sections in a file without headers', () => {
    expect(IniDocument.parse('# only a comment\nkey = value\n').sections()).toEqual([]);
  });
});

describe('IniDocument.entries', () => {
  it('reads top-level keys as botocore does: lower-cased, = or :, values stripped, inline comments kept', () => {
    const document = IniDocument.parse(
      [
        '[profile dev]',
        'Region = us-east-1 # inline',
        '# comment = not a key',
        '  ; indented = comment',
        'output:json',
        'sso_start_url=https://d-1234567890.awsapps.com/start/#/',
        'credential_process =   /opt/bin/creds --profile "a b"   ',
        'url = a = b',
        's3 =',
        '    max_concurrent_requests = 20',
        'description = first',
        '    second',
        'not a key line',
        '[profile other]',
        'region = eu-west-1',
      ].join('\n'),
    );
    const [dev, other] = document.sections();
    if (!dev || !other) throw new Error('two sections expected');
    expect([...document.entries(dev)]).toEqual([
      ['region', 'us-east-1 # inline'],
      ['output', 'json'],
      ['sso_start_url', 'https://d-1234567890.awsapps.com/start/#/'],
      ['credential_process', '/opt/bin/creds --profile "a b"'],
      ['url', 'a = b'],
      ['s3', ''],
      ['description', 'first'],
    ]);
    expect([...document.entries(other)]).toEqual([['region', 'eu-west-1']]);
  });

  it('lets the last of duplicate keys win', () => {
    const document = IniDocument.parse('[default]\nregion = a\nREGION = b\n');
    expect(document.entries(sectionNamed(document, 'default')).get('region')).toBe('b');
  });
});

describe('IniDocument.setValue', () => {
  it('replaces an existing key in place, keeping its line ending and every other line', () => {
    const text = '[default]\r\nregion = us-east-1\r\noutput = json\r\n';
    expect(
      edited(text, (d) => {
        d.setValue(sectionNamed(d, 'default'), 'region', 'eu-west-1');
      }),
    ).toBe('[default]\r\nregion = eu-west-1\r\noutput = json\r\n');
  });

  it('matches the key case-insensitively, like botocore, and writes it as given', () => {
    const text = '[default]\nSSO_Region : us-east-1\n';
    expect(
      edited(text, (d) => {
        d.setValue(sectionNamed(d, 'default'), 'sso_region', 'eu-west-1');
      }),
    ).toBe('[default]\nsso_region = eu-west-1\n');
  });

  it('changes nothing when the key already reads `key = value`', () => {
    const text = '[default]\nregion = us-east-1\n';
    const document = IniDocument.parse(text);
    const before = document.lines.slice();
    document.setValue(sectionNamed(document, 'default'), 'region', 'us-east-1');
    expect(document.serialize()).toBe(text);
    expect(document.lines).toEqual(before);
  });

  it('drops the continuation lines of the old value, even when the first line already matches', () => {
    // botocore reads `description = first\n    second` as "first\nsecond": leaving the indented
    // line would keep the old value.
    const text = '[default]\ndescription = first\n    second\nregion = x\n';
    const document = IniDocument.parse(text);
    document.setValue(sectionNamed(document, 'default'), 'description', 'first');
    expect(document.serialize()).toBe('[default]\ndescription = first\nregion = x\n');
  });

  it('replaces a sub-section with a plain value, removing its indented lines', () => {
    const text = '[default]\ns3 =\n    a = 1\n    b = 2\noutput = json\n';
    expect(
      edited(text, (d) => {
        d.setValue(sectionNamed(d, 'default'), 's3', 'off');
      }),
    ).toBe('[default]\ns3 = off\noutput = json\n');
  });

  it('appends a new key after the last entry, before trailing blank and comment lines', () => {
    const text = '[profile a]\nregion = x\n\n# about b\n[profile b]\nregion = y\n';
    expect(
      edited(text, (d) => {
        d.setValue(sectionNamed(d, 'profile a'), 'output', 'json');
      }),
    ).toBe('[profile a]\nregion = x\noutput = json\n\n# about b\n[profile b]\nregion = y\n');
  });

  it('appends after a whole sub-section, including its blank and margin-comment lines', () => {
    // For botocore, a blank line or a comment at the margin does not end an indented block: the
    // new key must go after `    b = 2`, or botocore would read `b = 2` as a continuation of it.
    const text = '[default]\ns3 =\n    a = 1\n\n# note\n    b = 2\n\n# trailing\n';
    expect(
      edited(text, (d) => {
        d.setValue(sectionNamed(d, 'default'), 'region', 'us-east-1');
      }),
    ).toBe('[default]\ns3 =\n    a = 1\n\n# note\n    b = 2\nregion = us-east-1\n\n# trailing\n');
  });

  it('puts the first key of an empty section right after its header', () => {
    const text = '[default]\n\n[profile b]\n';
    expect(
      edited(text, (d) => {
        d.setValue(sectionNamed(d, 'default'), 'region', 'x');
      }),
    ).toBe('[default]\nregion = x\n\n[profile b]\n');
  });

  it('keeps a file without a final newline without one', () => {
    expect(
      edited('[default]\nregion = x', (d) => {
        d.setValue(sectionNamed(d, 'default'), 'output', 'json');
      }),
    ).toBe('[default]\nregion = x\noutput = json');
    expect(
      edited('[default]', (d) => {
        d.setValue(sectionNamed(d, 'default'), 'output', 'json');
      }),
    ).toBe('[default]\noutput = json');
  });

  it('uses the line ending most of the file uses for a new line', () => {
    const mostlyCrlf = '[default]\r\nregion = x\r\noutput = json\r\n\n';
    expect(
      edited(mostlyCrlf, (d) => {
        d.setValue(sectionNamed(d, 'default'), 'cli_pager', 'less');
      }),
    ).toBe('[default]\r\nregion = x\r\noutput = json\r\ncli_pager = less\r\n\n');
    const tied = '[default]\r\nregion = x\r\noutput = json\n\n';
    expect(
      edited(tied, (d) => {
        d.setValue(sectionNamed(d, 'default'), 'cli_pager', 'less');
      }),
    ).toBe('[default]\r\nregion = x\r\noutput = json\ncli_pager = less\n\n');
  });

  it('follows the file as edits change which line ending most lines use', () => {
    // 3 CRLF and 3 LF: a tie, so LF, until two CRLF lines come in; removing four tips it back.
    const text = '[default]\r\na = 1\r\nb = 2\r\n[x]\nd = 4\ne = 5\n';
    expect(
      edited(text, (d) => {
        expect(d.lineEnding()).toBe('\n');
        d.replaceLines(1, 1, [
          { text: 'p = 1', eol: '\r\n' },
          { text: 'q = 2', eol: '\r\n' },
        ]);
        d.setValue(sectionNamed(d, 'x'), 'f', '6');
        for (const key of ['a', 'b', 'p', 'q']) d.removeKey(sectionNamed(d, 'default'), key);
        d.setValue(sectionNamed(d, 'x'), 'g', '7');
      }),
    ).toBe('[default]\r\n[x]\nd = 4\ne = 5\nf = 6\r\ng = 7\n');
  });

  it('sets several keys as setValue one by one would, with the new ones inserted together', () => {
    const text = '[default]\nregion = x\n# trailing\n[other]\nk = v\n';
    const entries = [
      ['output', 'json'],
      ['region', 'y'],
      ['cli_pager', ''],
      ['Output', 'text'],
    ] as const;
    const oneByOne = edited(text, (d) => {
      for (const [key, value] of entries) d.setValue(sectionNamed(d, 'default'), key, value);
    });
    expect(oneByOne).toBe('[default]\nregion = y\nOutput = text\ncli_pager = \n# trailing\n[other]\nk = v\n');
    expect(
      edited(text, (d) => {
        d.setValues(sectionNamed(d, 'default'), entries);
      }),
    ).toBe(oneByOne);
  });

  it('reads a range past either end of the lines as reaching that end', () => {
    expect(
      edited('a\nb\n', (d) => {
        d.replaceLines(5, 9, [{ text: 'c', eol: '\n' }]);
        d.replaceLines(-3, 0, [{ text: 'z', eol: '\n' }]);
      }),
    ).toBe('z\na\nb\nc\n');
  });

  it('edits the last of duplicate keys, which is the one that wins', () => {
    const text = '[default]\nregion = a\nregion = b\n';
    expect(
      edited(text, (d) => {
        d.setValue(sectionNamed(d, 'default'), 'region', 'c');
      }),
    ).toBe('[default]\nregion = a\nregion = c\n');
  });

  it('only touches the section it is given', () => {
    const text = '[profile a]\nregion = x\n[profile b]\nregion = x\n';
    expect(
      edited(text, (d) => {
        d.setValue(sectionNamed(d, 'profile b'), 'region', 'y');
      }),
    ).toBe('[profile a]\nregion = x\n[profile b]\nregion = y\n');
  });
});

describe('IniDocument.removeKey', () => {
  it('removes the key line and returns true', () => {
    const document = IniDocument.parse('[default]\nregion = x\noutput = json\n');
    expect(document.removeKey(sectionNamed(document, 'default'), 'REGION')).toBe(true);
    expect(document.serialize()).toBe('[default]\noutput = json\n');
  });

  it('returns false and changes nothing when the key is not there', () => {
    const text = '[default]\nregion = x\n[profile b]\noutput = json\n';
    const document = IniDocument.parse(text);
    expect(document.removeKey(sectionNamed(document, 'default'), 'output')).toBe(false);
    expect(document.serialize()).toBe(text);
  });

  it('removes a sub-section with its indented lines and the blank and comment lines between them', () => {
    const text = '[default]\nregion = x\ns3 =\n    a = 1\n\n# note\n    b = 2\n\noutput = json\n';
    const document = IniDocument.parse(text);
    expect(document.removeKey(sectionNamed(document, 'default'), 's3')).toBe(true);
    expect(document.serialize()).toBe('[default]\nregion = x\n\noutput = json\n');
  });

  it('removes every copy of a duplicated key, so that no reader still finds one', () => {
    const document = IniDocument.parse('[default]\nregion = a\noutput = json\nRegion = b\n');
    expect(document.removeKey(sectionNamed(document, 'default'), 'region')).toBe(true);
    expect(document.serialize()).toBe('[default]\noutput = json\n');
    expect(document.entries(sectionNamed(document, 'default')).has('region')).toBe(false);
  });

  it('removing the last line of a file without a final newline leaves the previous line ending', () => {
    expect(
      edited('[default]\nregion = x\noutput = json', (d) =>
        d.removeKey(sectionNamed(d, 'default'), 'output'),
      ),
    ).toBe('[default]\nregion = x\n');
  });
});

describe('IniDocument.appendSection', () => {
  const entries = [
    ['sso_start_url', 'https://d-1234567890.awsapps.com/start'],
    ['sso_region', 'us-east-1'],
  ] as const;
  const block =
    '[sso-session corp]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\n';

  it('fills an empty document with just the section', () => {
    expect(
      edited('', (d) => {
        d.appendSection('sso-session corp', entries);
      }),
    ).toBe(block);
  });

  it('separates the section from what comes before by one blank line', () => {
    expect(
      edited('[default]\nregion = x\n', (d) => {
        d.appendSection('sso-session corp', entries);
      }),
    ).toBe(`[default]\nregion = x\n\n${block}`);
  });

  it('adds no second blank line when the file already ends with one', () => {
    expect(
      edited('[default]\nregion = x\n\n', (d) => {
        d.appendSection('sso-session corp', entries);
      }),
    ).toBe(`[default]\nregion = x\n\n${block}`);
  });

  it('ends the last line first when the file had no final newline', () => {
    expect(
      edited('[default]\nregion = x', (d) => {
        d.appendSection('sso-session corp', entries);
      }),
    ).toBe(`[default]\nregion = x\n\n${block}`);
  });

  it('writes CRLF into a CRLF file and keeps its byte order mark', () => {
    expect(
      edited('\uFEFF[default]\r\nregion = x\r\n', (d) => {
        d.appendSection('profile dev', [['region', 'y']]);
      }),
    ).toBe('\uFEFF[default]\r\nregion = x\r\n\r\n[profile dev]\r\nregion = y\r\n');
  });

  it('writes a section without entries as just its header', () => {
    expect(
      edited('[default]\n', (d) => {
        d.appendSection('profile empty', []);
      }),
    ).toBe('[default]\n\n[profile empty]\n');
  });
});

describe('IniDocument.removeSection', () => {
  it('removes the header and every line up to the next header', () => {
    const text =
      '[default]\nregion = x\n\n[profile dev]\nregion = y\ns3 =\n    a = 1\n# about prod\n[profile prod]\nregion = z\n';
    expect(
      edited(text, (d) => {
        d.removeSection(sectionNamed(d, 'profile dev'));
      }),
    ).toBe('[default]\nregion = x\n\n[profile prod]\nregion = z\n');
  });

  it('removes the last section through the end of the file', () => {
    expect(
      edited('[default]\nregion = x\n[profile dev]\nregion = y', (d) => {
        d.removeSection(sectionNamed(d, 'profile dev'));
      }),
    ).toBe('[default]\nregion = x\n');
  });
});

describe('the blank line after a lone CR', () => {
  it('is left as it is when the edit that joined it to a CR line is undone by a later step', () => {
    // removeKey takes out two copies: after the first, the blank line follows a CR line; after the
    // second it does not any more, so its LF stays.
    const text =
      '[default]\routput=\n max_concurrent_requests = 20\nregion=\n max_concurrent_requests = 20\rregion=\n\n';
    expect(
      edited(text, (d) => {
        d.removeKey(sectionNamed(d, 'default'), 'region');
      }),
    ).toBe('[default]\routput=\n max_concurrent_requests = 20\n\n');
  });

  it('ends with CR when an edit leaves it right after a CR line, so it does not read back as a CRLF', () => {
    expect(
      edited('[default]\rregion = x\n\n[profile p]\n', (d) => {
        d.removeKey(sectionNamed(d, 'default'), 'region');
      }),
    ).toBe('[default]\r\r[profile p]\n');
  });
});

describe('IniDocument.removeSectionEntries', () => {
  it('removes the header and entries (with their indented lines) but keeps the comments after them', () => {
    expect(
      edited(
        '[a]\nx = 1\n[sso-session s]\nk = v\ns3 =\n  y = 2\n\n# >>> marker\n[profile p]\nz = 3\n',
        (d) => {
          d.removeSectionEntries(sectionNamed(d, 'sso-session s'));
        },
      ),
    ).toBe('[a]\nx = 1\n\n# >>> marker\n[profile p]\nz = 3\n');
  });
});

describe('tricky hand-written configs (tests/fixtures/aws-config)', () => {
  it('has a corpus to test', () => {
    expect(fixtureNames).toEqual(
      expect.arrayContaining([
        'comments-between-keys.ini',
        'crlf-bom.ini',
        'duplicate-sections.ini',
        'mixed-eol-quoted.ini',
        'nested-s3.ini',
      ]),
    );
  });

  it.each(fixtureNames)('%s: parse then serialize gives back the identical bytes', (name) => {
    const bytes = readFileSync(join(fixturesFolder, name));
    const text = bytes.toString('utf8');
    const serialized = IniDocument.parse(text).serialize();
    expect(serialized).toBe(text);
    expect(Buffer.from(serialized, 'utf8').equals(bytes)).toBe(true);
  });

  it.each(fixtureNames)('%s: editing one section leaves every line of the others as it was', (name) => {
    const text = readFileSync(join(fixturesFolder, name), 'utf8');
    const document = IniDocument.parse(text);
    const sections = document.sections();
    const target = sections[sections.length - 1];
    if (!target) throw new Error(`${name} has no sections`);
    const before = linesOf(document).slice(0, target.start);
    document.setValue(target, 'sso_tray_test', 'yes');
    expect(linesOf(document).slice(0, target.start)).toEqual(before);
    const after = document.sections()[sections.length - 1];
    if (!after) throw new Error('the section went away');
    expect(document.entries(after).get('sso_tray_test')).toBe('yes');
    expect(document.removeKey(after, 'sso_tray_test')).toBe(true);
    // Adding then removing a key gives the file back, except that a file without a final newline
    // gets one when the key went at its very end.
    expect(document.serialize()).toBe(/[\r\n]$/.test(text) ? text : `${text}\n`);
  });

  it('reads the nested sub-sections of nested-s3.ini as separate keys of their profile', () => {
    const document = IniDocument.parse(readFileSync(join(fixturesFolder, 'nested-s3.ini'), 'utf8'));
    expect([...document.entries(sectionNamed(document, 'profile tuned'))]).toEqual([
      ['sso_session', 'corp'],
      ['s3', ''],
      ['region', 'eu-central-1'],
      ['api_versions', ''],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property-based tests: configs built from the fragments real files are made of.

type Role = 'other' | 'header' | 'key' | 'owned';

interface ModelLine extends IniLine {
  role: Role;
  /** Index of the generated section the line is in; -1 before the first header. */
  section: number;
  /** For a key line: its lower-cased name. */
  key?: string;
  /** For an owned line (sub-section key, continuation, or a blank or comment between them): its key line. */
  owner?: number;
}

interface GeneratedConfig {
  bom: boolean;
  lines: ModelLine[];
  sectionCount: number;
  text: string;
}

const commentArb = fc
  .tuple(
    fc.constantFrom('', ' ', '  ', '\t'),
    fc.constantFrom('#', ';'),
    fc.constantFrom('', ' a comment', '[profile commented]', ' sso_region = not-a-key', '#', ' ünïcödé'),
  )
  .map(([indent, marker, text]) => indent + marker + text);
const blankArb = fc.constantFrom('', ' ', '\t', '   ');
const blankOrCommentArb = fc.oneof(blankArb, commentArb);
const keyNameArb = fc.constantFrom(
  'region',
  'Region',
  'output',
  'sso_session',
  'SSO_Start_URL',
  'sso_region',
  's3',
  'cli_pager',
  'x-y.z',
  'key with space',
);
const valueArb = fc.constantFrom(
  '',
  'us-east-1',
  'json',
  'https://d-1234567890.awsapps.com/start/#/',
  'us-east-1 # inline',
  'json;x',
  'a = b',
  'x: y',
  '"quoted"',
  '[not a header]',
  'ünïcödé',
);
const spaceArb = fc.constantFrom('', ' ', '  ', '\t', ' \t');
const keyLineArb = fc
  .record({
    name: keyNameArb,
    before: spaceArb,
    separator: fc.constantFrom('=', '=', ':'),
    after: spaceArb,
    value: valueArb,
    trailing: fc.constantFrom('', '', ' ', '\t'),
  })
  .map((k) => ({
    name: k.name,
    text: `${k.name}${k.before}${k.separator}${k.after}${k.value}${k.trailing}`,
  }));
const ownedLineArb = fc
  .tuple(
    fc.constantFrom(' ', '  ', '    ', '\t', '\t  '),
    fc.constantFrom(
      'max_concurrent_requests = 20',
      'addressing_style = path',
      'second line',
      'k:v',
      '[bracketed]',
    ),
  )
  .map(([indent, text]) => indent + text);
const blockArb = fc.array(
  fc.record({ between: fc.array(blankOrCommentArb, { maxLength: 2 }), line: ownedLineArb }),
  {
    maxLength: 3,
  },
);
const bodyItemArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('key' as const), key: keyLineArb, block: blockArb }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('gap' as const),
      lines: fc.array(blankOrCommentArb, { minLength: 1, maxLength: 2 }),
    }),
  },
);
const headerArb = fc
  .tuple(
    fc.constantFrom(
      'default',
      'DEFAULT',
      'profile dev',
      'profile  dev',
      'profile "a b"',
      ' profile padded ',
      'sso-session my-sso',
      'sso-session corp',
      'services local',
      'plugins',
      'Profile Caps',
      'profile default',
    ),
    fc.constantFrom('', '', ' ', '\t'),
  )
  .map(([inner, trailing]) => ({ inner, text: `[${inner}]${trailing}` }));
const sectionArb = fc.record({ header: headerArb, body: fc.array(bodyItemArb, { maxLength: 6 }) });
const eolArb = fc.constantFrom('\n', '\n', '\r\n', '\r');

const configArb = (minSections: number): fc.Arbitrary<GeneratedConfig> =>
  fc
    .record({
      bom: fc.boolean(),
      preamble: fc.array(
        fc.oneof(
          blankOrCommentArb,
          keyLineArb.map((k) => k.text),
        ),
        { maxLength: 3 },
      ),
      sections: fc.array(sectionArb, { minLength: minSections, maxLength: 5 }),
      eols: fc.array(eolArb, { minLength: 1, maxLength: 6 }),
      finalEol: fc.constantFrom('', '\n', '\r\n', '\r'),
    })
    .map((spec) => {
      const lines: ModelLine[] = spec.preamble.map((text) => ({ text, eol: '', role: 'other', section: -1 }));
      spec.sections.forEach((section, index) => {
        lines.push({ text: section.header.text, eol: '', role: 'header', section: index });
        for (const item of section.body) {
          if (item.kind === 'gap') {
            for (const text of item.lines) lines.push({ text, eol: '', role: 'other', section: index });
            continue;
          }
          const owner = lines.length;
          lines.push({
            text: item.key.text,
            eol: '',
            role: 'key',
            section: index,
            key: item.key.name.toLowerCase(),
          });
          for (const group of item.block) {
            for (const text of group.between)
              lines.push({ text, eol: '', role: 'owned', section: index, owner });
            lines.push({ text: group.line, eol: '', role: 'owned', section: index, owner });
          }
        }
      });
      lines.forEach((line, index) => {
        line.eol = index === lines.length - 1 ? spec.finalEol : (spec.eols[index % spec.eols.length] ?? '\n');
      });
      normalizeEndings(lines);
      return {
        bom: spec.bom,
        lines,
        sectionCount: spec.sections.length,
        text: (spec.bom ? '\uFEFF' : '') + lines.map((line) => line.text + line.eol).join(''),
      };
    });

/**
 * Two spellings stand for other line structures than the one generated: an empty last line
 * without an ending is no line at all, and CR then an empty line ended by LF is a single CRLF.
 */
function normalizeEndings(lines: ModelLine[]): void {
  const last = lines[lines.length - 1];
  if (last && last.text === '' && last.eol === '') last.eol = '\n';
  lines.forEach((line, index) => {
    const next = lines[index + 1];
    if (line.eol === '\r' && next && next.text === '' && (next.eol === '\n' || next.eol === ''))
      line.eol = '\r\n';
  });
}

/** What a new line gets: CRLF when most endings are CRLF, else LF (the document's documented rule). */
function dominantEol(lines: readonly IniLine[]): string {
  const crlf = lines.filter((line) => line.eol === '\r\n').length;
  const lf = lines.filter((line) => line.eol === '\n').length;
  return crlf > lf ? '\r\n' : '\n';
}

function plain(lines: readonly IniLine[]): IniLine[] {
  return lines.map(({ text, eol }) => ({ text, eol }));
}

function sectionAt(document: IniDocument, index: number): IniSection {
  const section = document.sections()[index];
  if (!section) throw new Error(`no section ${index}`);
  return section;
}

/** The lines setValue must produce, worked out from the generated structure. */
function expectedSetValue(
  lines: readonly ModelLine[],
  section: number,
  key: string,
  value: string,
): IniLine[] {
  const text = `${key} = ${value}`;
  const matches = lines.flatMap((line, index) =>
    line.role === 'key' && line.section === section && line.key === key.toLowerCase() ? [index] : [],
  );
  const found = matches[matches.length - 1];
  if (found !== undefined) {
    const owned = lines.some((line) => line.owner === found);
    if (lines[found]?.text === text && !owned) return plain(lines);
    return plain(
      lines.flatMap((line, index) =>
        index === found ? [{ ...line, text }] : line.owner === found ? [] : [line],
      ),
    );
  }
  let at = lines.findIndex((line) => line.role === 'header' && line.section === section) + 1;
  lines.forEach((line, index) => {
    if (line.section === section && (line.role === 'key' || line.role === 'owned')) at = index + 1;
  });
  const eol = dominantEol(lines);
  const result = plain(lines);
  const before = result[at - 1];
  if (before && before.eol === '' && at === result.length) {
    before.eol = eol;
    result.push({ text, eol: '' });
  } else {
    result.splice(at, 0, { text, eol });
  }
  return result;
}

/** The lines removeKey must leave: every copy of the key in the section, with the lines it owns, gone. */
function expectedRemoveKey(lines: readonly ModelLine[], section: number, key: string): IniLine[] {
  const removed = new Set(
    lines.flatMap((line, index) =>
      line.role === 'key' && line.section === section && line.key === key.toLowerCase() ? [index] : [],
    ),
  );
  return plain(
    lines.filter(
      (line, index) => !removed.has(index) && !(line.owner !== undefined && removed.has(line.owner)),
    ),
  );
}

function expectedAppendSection(
  lines: readonly IniLine[],
  header: string,
  entries: readonly (readonly [string, string])[],
): IniLine[] {
  const eol = dominantEol(lines);
  const result = plain(lines);
  const last = result[result.length - 1];
  if (last && result.length === 1 && last.text === '' && last.eol === '') result.pop();
  else if (last) {
    if (last.eol === '') last.eol = eol;
    // After a lone CR the blank separator ends with CR too, or it would read back as part of a CRLF.
    if (last.text.trim() !== '')
      result.push({ text: '', eol: last.eol === '\r' && eol === '\n' ? '\r' : eol });
  }
  result.push(
    { text: `[${header}]`, eol },
    ...entries.map(([key, value]) => ({ text: `${key} = ${value}`, eol })),
  );
  return result;
}

const propertyRuns = { numRuns: 400 };

describe('IniDocument properties', () => {
  it('parse then serialize is byte-identical for any text at all', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '\n',
            '\r',
            '\r\n',
            '\uFEFF',
            ' ',
            '\t',
            '[',
            ']',
            '=',
            ':',
            '#',
            ';',
            'a',
            'é',
            '😀',
          ),
        }),
        (text) => IniDocument.parse(text).serialize() === text,
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => IniDocument.parse(text).serialize() === text),
      { numRuns: 500 },
    );
  });

  it('parse then serialize is byte-identical for generated configs, and the lines are the generated ones', () => {
    fc.assert(
      fc.property(configArb(0), (config) => {
        const document = IniDocument.parse(config.text);
        expect(document.serialize()).toBe(config.text);
        if (config.lines.length > 0) expect(linesOf(document)).toEqual(plain(config.lines));
        expect(document.sections().map((section) => section.start)).toEqual(
          config.lines.flatMap((line, index) => (line.role === 'header' ? [index] : [])),
        );
      }),
      propertyRuns,
    );
  });

  it('entries() sees exactly the generated top-level keys', () => {
    fc.assert(
      fc.property(configArb(1), (config) => {
        const document = IniDocument.parse(config.text);
        document.sections().forEach((section, index) => {
          const keys = new Set(
            config.lines
              .filter((line) => line.role === 'key' && line.section === index)
              .map((line) => line.key),
          );
          expect(new Set(document.entries(section).keys())).toEqual(keys);
        });
      }),
      propertyRuns,
    );
  });

  it('setValue changes only the lines it must, and the key then reads as the new value', () => {
    fc.assert(
      fc.property(
        configArb(1),
        fc.nat(),
        fc.constantFrom('region', 'REGION', 'output', 'sso_session', 's3', 'sso_start_url', 'new_key'),
        fc.constantFrom('us-west-2', 'json', 'corp', 'https://x.awsapps.com/start', 'first'),
        (config, pick, key, value) => {
          const section = pick % config.sectionCount;
          const document = IniDocument.parse(config.text);
          document.setValue(sectionAt(document, section), key, value);
          const expected = separateBlankLines(expectedSetValue(config.lines, section, key, value));
          expect(linesOf(document)).toEqual(expected);
          expect(document.serialize()).toBe(
            (config.bom ? '\uFEFF' : '') + expected.map((line) => line.text + line.eol).join(''),
          );
          expect(document.entries(sectionAt(document, section)).get(key.toLowerCase())).toBe(value);
        },
      ),
      propertyRuns,
    );
  });

  it('removeKey changes only the lines it must, and the key is then gone', () => {
    fc.assert(
      fc.property(configArb(1), fc.nat(), keyNameArb, (config, pick, key) => {
        const section = pick % config.sectionCount;
        const document = IniDocument.parse(config.text);
        const present = config.lines.some(
          (line) => line.role === 'key' && line.section === section && line.key === key.toLowerCase(),
        );
        expect(document.removeKey(sectionAt(document, section), key)).toBe(present);
        expect(linesOf(document)).toEqual(separateBlankLines(expectedRemoveKey(config.lines, section, key)));
        expect(document.entries(sectionAt(document, section)).has(key.toLowerCase())).toBe(false);
      }),
      propertyRuns,
    );
  });

  it('appendSection adds lines only at the end, and the new section reads back', () => {
    fc.assert(
      fc.property(configArb(0), fc.constantFrom('sso-session new', 'profile added'), (config, header) => {
        const entries = [
          ['sso_start_url', 'https://d-1234567890.awsapps.com/start'],
          ['sso_region', 'us-east-1'],
        ] as const;
        const document = IniDocument.parse(config.text);
        document.appendSection(header, entries);
        const expected = expectedAppendSection(linesOf(IniDocument.parse(config.text)), header, entries);
        expect(linesOf(document)).toEqual(expected);
        expect(linesOf(IniDocument.parse(document.serialize()))).toEqual(expected);
        const added = document.findSection((candidate) => candidate === header);
        expect(added && [...document.entries(added)]).toEqual(entries.map(([key, value]) => [key, value]));
        expect(document.sections()).toHaveLength(config.sectionCount + 1);
      }),
      propertyRuns,
    );
  });

  it('removeSection takes out exactly the lines of that section', () => {
    fc.assert(
      fc.property(configArb(1), fc.nat(), (config, pick) => {
        const section = pick % config.sectionCount;
        const document = IniDocument.parse(config.text);
        document.removeSection(sectionAt(document, section));
        const kept = plain(config.lines.filter((line) => line.section !== section));
        // Nothing left is one empty line, as parsing an empty file gives.
        expect(linesOf(document)).toEqual(kept.length > 0 ? kept : [{ text: '', eol: '' }]);
        expect(document.sections()).toHaveLength(config.sectionCount - 1);
      }),
      propertyRuns,
    );
  });

  it('keeps its section list and its lines true through any sequence of edits (the list is cached and shifted)', () => {
    const editArb = fc.record({
      kind: fc.constantFrom('set', 'remove', 'append', 'removeSection'),
      pick: fc.nat(),
      key: keyNameArb,
      value: fc.constantFrom('a', 'b', 'us-east-1'),
    });
    fc.assert(
      fc.property(configArb(1), fc.array(editArb, { maxLength: 8 }), (config, edits) => {
        const document = IniDocument.parse(config.text);
        for (const edit of edits) {
          const sections = document.sections();
          const section = sections[edit.pick % Math.max(1, sections.length)];
          if (edit.kind === 'append')
            document.appendSection(`profile p${edit.pick}`, [[edit.key.toLowerCase(), edit.value]]);
          else if (!section) continue;
          else if (edit.kind === 'set') document.setValue(section, edit.key.toLowerCase(), edit.value);
          else if (edit.kind === 'remove') document.removeKey(section, edit.key);
          else document.removeSection(section);
          const reread = IniDocument.parse(document.serialize());
          expect(document.sections()).toEqual(reread.sections());
          expect(linesOf(reread)).toEqual(linesOf(document)); // what it writes reads back line for line
        }
      }),
      propertyRuns,
    );
  });
});
