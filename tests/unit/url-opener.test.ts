import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../electron/core/app/url-opener';
import { sessionNameProblem, regionProblem, startUrlProblem } from '../../shared/session-input';

describe('splitCommandLine', () => {
  it('splits $BROWSER entries like a shell, with quotes', () => {
    expect(splitCommandLine('firefox --new-tab')).toEqual(['firefox', '--new-tab']);
    expect(splitCommandLine('"/opt/My Browser/bin" --profile \'work a\' %s')).toEqual([
      '/opt/My Browser/bin',
      '--profile',
      'work a',
      '%s',
    ]);
    expect(splitCommandLine('  ')).toEqual([]);
  });
});

describe('sign-in input checks', () => {
  it('accepts real start URLs and regions', () => {
    expect(startUrlProblem('https://d-1234567890.awsapps.com/start')).toBeUndefined();
    expect(startUrlProblem('https://ssoins-72230f3d4e1a2b3c.us-east-1.portal.amazonaws.com')).toBeUndefined();
    expect(regionProblem('eu-west-1')).toBeUndefined();
    expect(regionProblem('us-gov-west-1')).toBeUndefined();
    expect(regionProblem('cn-north-1')).toBeUndefined();
  });

  it.each([
    ['http://d-1234567890.awsapps.com/start', 'must use https'],
    ['https://user:pw@d-1234567890.awsapps.com/start', 'must not contain a user name or password'],
    ['d-1234567890.awsapps.com', 'is not a URL'],
  ])('refuses the start URL %s with an example', (input, message) => {
    expect(startUrlProblem(input)).toContain(message);
    expect(startUrlProblem(input)).toContain('https://d-1234567890.awsapps.com/start');
  });

  it('refuses regions of no partition and unsafe session names', () => {
    expect(regionProblem('moon-base-1')).toBe('"moon-base-1" is not an AWS region, for example us-east-1');
    expect(sessionNameProblem('my company')).toContain('cannot be a session name');
    expect(sessionNameProblem('acme-prod')).toBeUndefined();
  });
});
