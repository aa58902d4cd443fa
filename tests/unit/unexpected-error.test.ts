// What a log or the terminal shows of an unexpected error: name and message on one line, with
// secret-shaped runs masked and everything else (ids, ARNs, paths, words) kept; stack frames for
// the log; never the error's own fields.
import { describe, expect, it } from 'vitest';
import {
  redactSecrets,
  unexpectedErrorLine,
  unexpectedErrorReport,
} from '../../electron/core/app/unexpected-error';

describe('redactSecrets', () => {
  it('masks tokens, client secrets and AWS secret keys', () => {
    for (const secret of [
      'aoaAAAAAGdXq2F0MTZkYzQ5bXlTZWNyZXQx',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'eyJhbGciOiJIUzI1NiJ9-eyJzdWIiOiIxMjM0NTY3ODkwIn0_SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV',
      'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ==',
    ])
      expect(redactSecrets(`before ${secret} after`)).toBe('before [redacted] after');
    // Percent-encoded, as in a federation URL's Session parameter; hex signatures of either case.
    expect(
      redactSecrets('Session=%7B%22sessionToken%22%3A%22IQoJb3JpZ2luX2VjEJr%2F%2F%2FwEaCXVzLWVh%22%7D&x=1'),
    ).toBe('Session=[redacted]&x=1');
    expect(redactSecrets(`X-Amz-Signature=${'0123456789abcdef'.repeat(4)}`)).toBe(
      'X-Amz-Signature=[redacted]',
    );
    // A console sign-in URL carries its sign-in token in the query.
    expect(
      redactSecrets(
        'https://signin.aws.amazon.com/federation?Action=login&SigninToken=VCQgTmBFdMUhBdGYfnc5aoaAAAAAGdXq2F0MTZk',
      ),
    ).toBe('https://signin.aws.amazon.com/federation?Action=login&SigninToken=[redacted]');
  });

  it('keeps what helps a report: ids, ARNs, paths, URLs and words', () => {
    for (const text of [
      'account 123456789012 role AdministratorAccess',
      'arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef',
      '/home/someone/.config/sso-tray/inventory/2c26b46b68ffc68ff99b453c1d30413413422d70.json',
      'https://portal.sso.eu-west-1.amazonaws.com/federation/credentials',
      'ENOENT: no such file or directory, open /tmp/tmp.kK1YqKLdcY/home/.aws/config',
      'ASIAIOSFODNN7EXAMPLE',
      'role="arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef"',
    ])
      expect(redactSecrets(text)).toBe(text);
  });
});

describe('unexpectedErrorLine', () => {
  it('gives the name and the message on one line', () => {
    expect(unexpectedErrorLine(new TypeError('x is undefined\n  while reading\r\nthe config'))).toBe(
      'TypeError: x is undefined while reading the config',
    );
    expect(unexpectedErrorLine('a string thrown')).toBe('a string thrown');
    expect(unexpectedErrorLine({ accessToken: 'aoaAAAAAGdXq2F0MTZkYzQ5bXlTZWNyZXQx' })).toBe(
      'a thrown object',
    );
    expect(unexpectedErrorLine(undefined)).toBe('a thrown undefined');
  });

  it('never shows what the error carries besides its message', () => {
    const error = Object.assign(new Error('Deserialization error'), {
      $response: { body: '{"accessToken":"aoaAAAAAGdXq2F0MTZkYzQ5bXlTZWNyZXQx"}' },
    });
    expect(unexpectedErrorLine(error)).toBe('Error: Deserialization error');
  });
});

describe('unexpectedErrorReport', () => {
  it('adds the stack frames as they are (code locations), not the message the stack starts with', () => {
    const error = new Error('first line\nsecond line');
    const report = unexpectedErrorReport(error).split('\n');
    expect(report[0]).toBe('Error: first line second line');
    expect(report.length).toBeGreaterThan(1);
    for (const frame of report.slice(1)) expect(frame).toMatch(/^\s+at /);
    expect(unexpectedErrorReport('thrown text')).toBe('thrown text');
  });
});
