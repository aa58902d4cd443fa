// Names and values SSO Tray writes must read the same in botocore and the JS SDK
// (aws-sso-reference.md §4.2, the safe subset). Each refusal is one line saying what to do.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSectionHeader, sectionHeader } from '../../electron/core/aws-files/section-header';
import { configValueProblem, profileNameProblem } from '../../electron/core/profiles/profile-name';

/** The JS SDK's section regex (smithy parseIni), for agreement checks. */
const jsSectionPattern = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;

describe('profileNameProblem', () => {
  it.each(['default', 'dev', 'Prod/Admin', 'AdministratorAccess-111111111111', 'a@b+c.d%e:f/g_h', '-', '.'])(
    'accepts %j',
    (name) => {
      expect(profileNameProblem(name)).toBeUndefined();
    },
  );

  it.each([
    ['', /empty/],
    ['a b', /letters, digits and _-@\+\.%:\//],
    ['a"b', /letters/],
    ["it's", /letters/],
    ['a#b', /letters/],
    ['a;b', /letters/],
    ['a[b]', /letters/],
    ['a=b', /letters/],
    ['café', /letters/],
    ['a\nb', /letters/],
    ['a\tb', /letters/],
    ['a\\b', /letters/],
    ['__proto__', /JavaScript/],
  ])('refuses %j', (name, message) => {
    const problem = profileNameProblem(name);
    expect(problem).toMatch(message);
    expect(problem).not.toMatch(/\n/);
  });

  it('accepts exactly the names both parsers read back from [profile NAME]', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'Z', '0', '_', '-', '@', '+', '.', '%', ':', '/', ' ', '"', '#', 'é'),
        }),
        (name) => {
          const header = sectionHeader('profile', name);
          const botocore = parseSectionHeader(header);
          const js = jsSectionPattern.exec(header);
          const bothRead = botocore.kind === 'profile' && botocore.name === name && js?.[3] === name;
          expect(profileNameProblem(name) === undefined).toBe(bothRead && name !== '__proto__');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('configValueProblem', () => {
  it.each([
    'us-east-1',
    'https://d-1234567890.awsapps.com/start',
    'https://d-1234567890.awsapps.com/start/#/',
    'json;x',
    'a = b',
    'Power User',
    '111111111111',
    'a\tb',
  ])('accepts %j', (value) => {
    expect(configValueProblem('sso_role_name', value)).toBeUndefined();
  });

  it.each([
    ['', /empty/],
    ['a\nb', /line break/],
    ['a\rb', /line break/],
    [' lead', /whitespace/],
    ['trail ', /whitespace/],
    ['trail\t', /whitespace/],
    ['x\u00a0', /whitespace/],
    ['a #b', /comment/],
    ['a ;b', /comment/],
    ['a\t#b', /comment/],
    ['a\t;b', /comment/],
    ['a\u00a0#b', /comment/],
    ['#start', /comment/],
    [';start', /comment/],
    ['a\u0000b', /control/],
    ['a\u000bb', /control/],
    ['a\u0085b', /control/],
  ])('refuses %j', (value, message) => {
    const problem = configValueProblem('region', value);
    expect(problem).toMatch(message);
    expect(problem).toContain('region');
    expect(problem).not.toMatch(/[\r\n]/);
  });

  it('refuses keys that are not lower-case config keys', () => {
    expect(configValueProblem('Region', 'x')).toMatch(/lower-case/);
    expect(configValueProblem('a b', 'x')).toMatch(/lower-case/);
    expect(configValueProblem('', 'x')).toMatch(/lower-case/);
  });

  it('accepts only values the JS SDK reads back whole from `key = value`', () => {
    // smithy parseIni: cut at whitespace + # or ;, then trim; an empty value is a sub-section.
    const jsRead = (line: string): string | undefined => {
      const trimmed = line.split(/(^|\s)[;#]/)[0]?.trim() ?? '';
      const at = trimmed.indexOf('=');
      const value = trimmed.substring(at + 1).trim();
      return value === '' ? undefined : value;
    };
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '/', '#', ';', ' ', '\t', '=', ':', '"') }),
        (value) => {
          if (configValueProblem('region', value) === undefined)
            expect(jsRead(`region = ${value}`)).toBe(value);
        },
      ),
      { numRuns: 500 },
    );
  });
});
