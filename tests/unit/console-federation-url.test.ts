// The federation endpoint's URLs (aws-sso-reference.md §5): which sign-in host serves a region,
// the getSigninToken request with its Session JSON, the login URL, and the sign-out, alone or
// chained to a sign-in; all following AWS_ENDPOINT_URL_SIGNIN.
import { describe, expect, it } from 'vitest';
import {
  federationBase,
  getSigninTokenUrl,
  loginUrl,
  logoutUrl,
  signOutThenLoginUrl,
} from '../../electron/core/console/federation-url';
import { appErrorOf } from '../support/app-error-of';

// Shaped like real ones: secret keys hold `+` and `/`, session tokens `=` too.
const credentials = {
  accessKeyId: 'ASIAEXAMPLEKEY123456',
  secretAccessKey: 'wJalr+XUtnFEMI/K7MDENG/bPxRfiCY&EXAMPLE=',
  sessionToken: 'IQoJb3JpZ2luX2VjE+/abc==&x=y #z',
};

describe('federationBase', () => {
  it.each([
    // The partition's home region is served by the global host (granted's rule) …
    ['us-east-1', 'https://signin.aws.amazon.com/federation'],
    ['cn-north-1', 'https://signin.amazonaws.cn/federation'],
    ['us-gov-west-1', 'https://signin.amazonaws-us-gov.com/federation'],
    // … every other region by its regional host.
    ['eu-west-1', 'https://eu-west-1.signin.aws.amazon.com/federation'],
    ['us-west-2', 'https://us-west-2.signin.aws.amazon.com/federation'],
    ['cn-northwest-1', 'https://cn-northwest-1.signin.amazonaws.cn/federation'],
    ['us-gov-east-1', 'https://us-gov-east-1.signin.amazonaws-us-gov.com/federation'],
  ])('in %s is %s', (region, expected) => {
    expect(federationBase(region, {})).toBe(expected);
  });

  it.each([
    ['http://127.0.0.1:8989', 'http://127.0.0.1:8989/federation'],
    ['http://127.0.0.1:8989/', 'http://127.0.0.1:8989/federation'],
    ['https://signin.example.test/prefix/', 'https://signin.example.test/prefix/federation'],
    ['  http://localhost:1234  ', 'http://localhost:1234/federation'],
  ])('follows AWS_ENDPOINT_URL_SIGNIN=%j', (override, expected) => {
    expect(federationBase('eu-west-1', { AWS_ENDPOINT_URL_SIGNIN: override })).toBe(expected);
  });

  it('ignores a blank AWS_ENDPOINT_URL_SIGNIN and the catch-all AWS_ENDPOINT_URL', () => {
    expect(
      federationBase('us-east-1', {
        AWS_ENDPOINT_URL_SIGNIN: ' ',
        AWS_ENDPOINT_URL: 'http://localhost:4566',
      }),
    ).toBe('https://signin.aws.amazon.com/federation');
  });

  it.each(['not a url', 'ftp://127.0.0.1/', 'http://127.0.0.1/?x=1', 'http://127.0.0.1/#x'])(
    'refuses AWS_ENDPOINT_URL_SIGNIN=%j',
    (override) => {
      const error = appErrorOf(() => federationBase('us-east-1', { AWS_ENDPOINT_URL_SIGNIN: override }));
      expect(error.code).toBe('InvalidInput');
      expect(error.message).toBe(
        'AWS_ENDPOINT_URL_SIGNIN is not an http(s) URL without a query; fix it or unset it to use AWS.',
      );
    },
  );

  it('refuses a region of no partition', () => {
    const error = appErrorOf(() => federationBase('mars-north-1', {}));
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe(
      'Cannot open the AWS console in "mars-north-1": it is not an AWS region; use one such as us-east-1.',
    );
  });
});

describe('getSigninTokenUrl', () => {
  const base = 'https://signin.aws.amazon.com/federation';

  it('sends the Session JSON with exactly sessionId, sessionKey and sessionToken', () => {
    const url = new URL(getSigninTokenUrl(base, credentials));
    expect(`${url.origin}${url.pathname}`).toBe(base);
    expect([...url.searchParams.keys()]).toEqual(['Action', 'Session']);
    expect(url.searchParams.get('Action')).toBe('getSigninToken');
    const session = url.searchParams.get('Session') ?? '';
    expect(session).toBe(
      JSON.stringify({
        sessionId: credentials.accessKeyId,
        sessionKey: credentials.secretAccessKey,
        sessionToken: credentials.sessionToken,
      }),
    );
    expect(Object.keys(JSON.parse(session) as object)).toEqual(['sessionId', 'sessionKey', 'sessionToken']);
  });

  it('percent-encodes the JSON, so + / & = # and spaces survive a form decoder', () => {
    const raw = getSigninTokenUrl(base, credentials);
    const query = raw.slice(raw.indexOf('?') + 1);
    expect(query).not.toMatch(/[+/ #{}"]/);
    expect(query.split('&')).toHaveLength(2);
    const parsed = JSON.parse(new URLSearchParams(query).get('Session') ?? '') as Record<string, string>;
    expect(parsed).toEqual({
      sessionId: credentials.accessKeyId,
      sessionKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    });
  });

  it('adds SessionDuration when asked', () => {
    const url = new URL(getSigninTokenUrl(base, credentials, 3600));
    expect([...url.searchParams.keys()]).toEqual(['Action', 'SessionDuration', 'Session']);
    expect(url.searchParams.get('SessionDuration')).toBe('3600');
    expect(new URL(getSigninTokenUrl(base, credentials, 900)).searchParams.get('SessionDuration')).toBe(
      '900',
    );
    expect(new URL(getSigninTokenUrl(base, credentials, 43200)).searchParams.get('SessionDuration')).toBe(
      '43200',
    );
  });

  it.each([899, 43201, 3600.5, Number.NaN, -1])('refuses the session duration %d', (seconds) => {
    const error = appErrorOf(() => getSigninTokenUrl(base, credentials, seconds));
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe(
      'The console session duration must be whole seconds from 900 to 43200 (15 minutes to 12 hours); pick one in that range.',
    );
  });
});

describe('loginUrl', () => {
  const base = 'https://eu-west-1.signin.aws.amazon.com/federation';
  const login = {
    issuer: 'https://d-1234567890.awsapps.com/start/#/',
    destination: 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:a&b',
    signinToken: 'tok+en/with=odd&chars',
  };

  it('has Action, Issuer, Destination and SigninToken exactly once each, encoded', () => {
    const raw = loginUrl(base, login);
    expect(raw).toBe(
      'https://eu-west-1.signin.aws.amazon.com/federation?Action=login' +
        '&Issuer=https%3A%2F%2Fd-1234567890.awsapps.com%2Fstart%2F%23%2F' +
        '&Destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fcloudwatch%2Fhome%3Fregion%3Deu-west-1%23logsV2%3Aa%26b' +
        '&SigninToken=tok%2Ben%2Fwith%3Dodd%26chars',
    );
    const url = new URL(raw);
    expect(url.hash).toBe('');
    expect([...url.searchParams.keys()]).toEqual(['Action', 'Issuer', 'Destination', 'SigninToken']);
    expect(url.searchParams.get('Action')).toBe('login');
    expect(url.searchParams.get('Issuer')).toBe(login.issuer);
    expect(url.searchParams.get('Destination')).toBe(login.destination);
    expect(url.searchParams.get('SigninToken')).toBe(login.signinToken);
  });
});

describe('logoutUrl and signOutThenLoginUrl', () => {
  it.each([
    ['us-east-1', 'https://signin.aws.amazon.com/oauth?Action=logout'],
    ['eu-west-1', 'https://signin.aws.amazon.com/oauth?Action=logout'],
    ['cn-northwest-1', 'https://signin.amazonaws.cn/oauth?Action=logout'],
    ['us-gov-east-1', 'https://signin.amazonaws-us-gov.com/oauth?Action=logout'],
  ])('signs out in %s at %s', (region, expected) => {
    expect(logoutUrl(region, {})).toBe(expected);
  });

  it('follows AWS_ENDPOINT_URL_SIGNIN', () => {
    expect(logoutUrl('us-east-1', { AWS_ENDPOINT_URL_SIGNIN: 'http://127.0.0.1:8989/' })).toBe(
      'http://127.0.0.1:8989/oauth?Action=logout',
    );
  });

  const login =
    'https://eu-west-1.signin.aws.amazon.com/federation?Action=login&Issuer=x&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2F&SigninToken=t%2B';

  it.each([
    ['eu-west-1', 'https://us-east-1.signin.aws.amazon.com/oauth'],
    ['us-east-1', 'https://us-east-1.signin.aws.amazon.com/oauth'],
    ['cn-north-1', 'https://signin.amazonaws.cn/oauth'],
    ['us-gov-west-1', 'https://signin.amazonaws-us-gov.com/oauth'],
  ])('chains a sign-out in %s through %s to the sign-in', (region, endpoint) => {
    const raw = signOutThenLoginUrl(region, {}, login);
    expect(raw).toBe(`${endpoint}?Action=logout&redirect_uri=${encodeURIComponent(login)}`);
    const url = new URL(raw);
    expect([...url.searchParams.keys()]).toEqual(['Action', 'redirect_uri']);
    expect(url.searchParams.get('redirect_uri')).toBe(login);
  });

  it('chains through AWS_ENDPOINT_URL_SIGNIN', () => {
    const env = { AWS_ENDPOINT_URL_SIGNIN: 'http://127.0.0.1:8989' };
    expect(signOutThenLoginUrl('eu-west-1', env, login)).toBe(
      `http://127.0.0.1:8989/oauth?Action=logout&redirect_uri=${encodeURIComponent(login)}`,
    );
  });
});
