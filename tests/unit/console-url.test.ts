// Building the URL that opens a role's console, with the sign-in endpoint faked: federation asks
// for the credentials only when everything else is valid, maps each failure of getSigninToken to
// a clear error that never holds a credential, and can chain a sign-out first; the portal link
// needs no credentials at all.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../electron/core/app/app-error';
import { buildConsoleUrl, type ConsoleUrlRequest } from '../../electron/core/console/console-url';
import { fetchSigninToken } from '../../electron/core/console/federation-client';
import { appErrorOfAsync } from '../support/app-error-of';

const credentials = {
  accessKeyId: 'ASIAEXAMPLEKEY123456',
  secretAccessKey: 'wJalr+XUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE',
  sessionToken: 'IQoJb3JpZ2luX2VjE+/abcdefTOKEN==',
};
const secrets = Object.values(credentials);

interface FakeCall {
  url: string;
  init: RequestInit | undefined;
}

/** Replaces the global fetch with one that answers `reply` and records what it was asked. */
function fakeFetch(reply: (url: string) => Response | Promise<Response>): FakeCall[] {
  const calls: FakeCall[] = [];
  vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, init });
    return Promise.resolve(reply(url));
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

function expectNoSecrets(error: AppError): void {
  const text = `${error.message} ${String(error.cause)}`;
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(error.message).not.toContain('Session=');
  expect(error.message).not.toContain('?');
}

const base = 'https://signin.aws.amazon.com/federation';

describe('fetchSigninToken', () => {
  it('GETs getSigninToken without following redirects and returns the token', async () => {
    const calls = fakeFetch(() => Response.json({ SigninToken: 'the-token' }));
    await expect(fetchSigninToken(base, credentials, { sessionDurationSeconds: 3600 })).resolves.toBe(
      'the-token',
    );
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0]?.url ?? '');
    expect(url.searchParams.get('Action')).toBe('getSigninToken');
    expect(url.searchParams.get('SessionDuration')).toBe('3600');
    expect(calls[0]?.init?.redirect).toBe('manual');
    expect(calls[0]?.init?.method ?? 'GET').toBe('GET');
  });

  it.each([400, 403])(
    'says the credentials were refused on HTTP %d, with the short plain answer',
    async (status) => {
      // An endpoint that echoes the credentials back still does not get them into the message.
      fakeFetch(
        () =>
          new Response(`The credentials in Session are not valid: ${credentials.secretAccessKey}`, {
            status,
          }),
      );
      const error = await appErrorOfAsync(() => fetchSigninToken(base, credentials));
      expect(error.code).toBe('AccessDenied');
      expect(error.message).toBe(
        `The AWS sign-in endpoint signin.aws.amazon.com refused the role credentials (HTTP ${status}: The credentials in Session are not valid: …); they may have expired or be chained: sign in again with sso-tray login and retry.`,
      );
      expectNoSecrets(error);
    },
  );

  it('leaves out an HTML answer', async () => {
    fakeFetch(() => new Response('<html><body>Bad Request</body></html>', { status: 400 }));
    const error = await appErrorOfAsync(() => fetchSigninToken(base, credentials));
    expect(error.message).toBe(
      'The AWS sign-in endpoint signin.aws.amazon.com refused the role credentials (HTTP 400); they may have expired or be chained: sign in again with sso-tray login and retry.',
    );
  });

  it.each([500, 503, 429, 302])('calls HTTP %d a network failure worth a retry', async (status) => {
    fakeFetch(
      () => new Response(null, { status, headers: status === 302 ? { location: 'https://x/' } : {} }),
    );
    const error = await appErrorOfAsync(() => fetchSigninToken(base, credentials));
    expect(error.code).toBe('NetworkError');
    expect(error.message).toBe(
      `The AWS sign-in endpoint signin.aws.amazon.com failed to issue a sign-in token (HTTP ${status}); try again in a moment.`,
    );
    expectNoSecrets(error);
  });

  it.each(['not json', '{}', '{"SigninToken":""}', '{"SigninToken":42}', 'null', ''])(
    'refuses the 200 answer %j',
    async (body) => {
      fakeFetch(() => new Response(body, { status: 200 }));
      const error = await appErrorOfAsync(() => fetchSigninToken(base, credentials));
      expect(error.code).toBe('NetworkError');
      expect(error.message).toBe(
        'The AWS sign-in endpoint signin.aws.amazon.com answered without a sign-in token; try again, and check AWS_ENDPOINT_URL_SIGNIN if it is set.',
      );
    },
  );

  it('names the system error when the endpoint cannot be reached', async () => {
    fakeFetch(() => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      });
    });
    const error = await appErrorOfAsync(() => fetchSigninToken('http://127.0.0.1:1/federation', credentials));
    expect(error.code).toBe('NetworkError');
    expect(error.message).toBe(
      'Could not reach the AWS sign-in endpoint 127.0.0.1:1 (ECONNREFUSED); check your network and try again.',
    );
    expectNoSecrets(error);
  });

  it('reports a cancelled request as cancelled', async () => {
    const controller = new AbortController();
    fakeFetch(() => {
      controller.abort();
      throw new DOMException('This operation was aborted', 'AbortError');
    });
    const error = await appErrorOfAsync(() =>
      fetchSigninToken(base, credentials, { signal: controller.signal }),
    );
    expect(error.code).toBe('Cancelled');
    expect(error.message).toBe('Opening the AWS console was cancelled.');
  });
});

describe('buildConsoleUrl', () => {
  const request: ConsoleUrlRequest = {
    mode: 'federation',
    startUrl: 'https://d-1234567890.awsapps.com/start',
    region: 'eu-west-1',
    accountId: '123456789012',
    roleName: 'ReadOnly',
    env: {},
  };

  function provider(): { calls: number; credentials: () => Promise<typeof credentials> } {
    const state = {
      calls: 0,
      credentials: () => {
        state.calls++;
        return Promise.resolve(credentials);
      },
    };
    return state;
  }

  it('federation: asks for a sign-in token at the regional host and returns the login URL', async () => {
    const calls = fakeFetch(() => Response.json({ SigninToken: 'tok/en+1' }));
    const creds = provider();
    const url = await buildConsoleUrl({
      ...request,
      destination: { service: 'ec2' },
      credentials: creds.credentials,
    });
    expect(creds.calls).toBe(1);
    expect(
      calls[0]?.url.startsWith(
        'https://eu-west-1.signin.aws.amazon.com/federation?Action=getSigninToken&Session=',
      ),
    ).toBe(true);
    expect(url).toBe(
      'https://eu-west-1.signin.aws.amazon.com/federation?Action=login' +
        '&Issuer=https%3A%2F%2Fd-1234567890.awsapps.com%2Fstart' +
        '&Destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fec2%2Fhome%3Fregion%3Deu-west-1' +
        '&SigninToken=tok%2Fen%2B1',
    );
    for (const secret of secrets) expect(url).not.toContain(encodeURIComponent(secret));
  });

  it('federation: lands on the console home by default, passes SessionDuration, and can sign out first', async () => {
    const calls = fakeFetch(() => Response.json({ SigninToken: 't' }));
    const url = await buildConsoleUrl({
      ...request,
      region: 'us-east-1',
      credentials: provider().credentials,
      sessionDurationSeconds: 7200,
      signOutFirst: true,
    });
    expect(new URL(calls[0]?.url ?? '').searchParams.get('SessionDuration')).toBe('7200');
    const login =
      'https://signin.aws.amazon.com/federation?Action=login&Issuer=https%3A%2F%2Fd-1234567890.awsapps.com%2Fstart' +
      '&Destination=https%3A%2F%2Fus-east-1.console.aws.amazon.com%2Fconsole%2Fhome%3Fregion%3Dus-east-1&SigninToken=t';
    expect(url).toBe(
      `https://us-east-1.signin.aws.amazon.com/oauth?Action=logout&redirect_uri=${encodeURIComponent(login)}`,
    );
  });

  it('federation: follows AWS_ENDPOINT_URL_SIGNIN for the token, the login and the sign-out', async () => {
    const calls = fakeFetch(() => Response.json({ SigninToken: 't' }));
    const env = { AWS_ENDPOINT_URL_SIGNIN: 'http://127.0.0.1:8989' };
    const url = await buildConsoleUrl({
      ...request,
      env,
      credentials: provider().credentials,
      signOutFirst: true,
    });
    expect(calls[0]?.url.startsWith('http://127.0.0.1:8989/federation?Action=getSigninToken&')).toBe(true);
    const chained = new URL(url);
    expect(`${chained.origin}${chained.pathname}`).toBe('http://127.0.0.1:8989/oauth');
    expect(
      chained.searchParams.get('redirect_uri')?.startsWith('http://127.0.0.1:8989/federation?Action=login&'),
    ).toBe(true);
  });

  it.each<[string, Partial<ConsoleUrlRequest>, string]>([
    [
      'a bad region',
      { region: 'moon-1' },
      'Cannot open the AWS console in "moon-1": it is not an AWS region; use one such as us-east-1.',
    ],
    [
      'a bad service',
      { destination: { service: 'EC2' } },
      '"EC2" is not a console service name: use lower-case letters, digits and dashes, for example ec2.',
    ],
    [
      'a foreign URL',
      { destination: { url: 'https://evil.example/' } },
      '"evil.example" is not an AWS console host of the aws partition (region eu-west-1); give an https address on console.aws.amazon.com, for example https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1.',
    ],
    [
      'a bad session duration',
      { sessionDurationSeconds: 60 },
      'The console session duration must be whole seconds from 900 to 43200 (15 minutes to 12 hours); pick one in that range.',
    ],
    [
      'a bad AWS_ENDPOINT_URL_SIGNIN',
      { env: { AWS_ENDPOINT_URL_SIGNIN: 'nope' } },
      'AWS_ENDPOINT_URL_SIGNIN is not an http(s) URL without a query; fix it or unset it to use AWS.',
    ],
  ])('federation: stops at %s before asking for credentials', async (_name, patch, message) => {
    const calls = fakeFetch(() => Response.json({ SigninToken: 't' }));
    const creds = provider();
    const error = await appErrorOfAsync(() =>
      buildConsoleUrl({ ...request, credentials: creds.credentials, ...patch }),
    );
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe(message);
    expect(creds.calls).toBe(0);
    expect(calls).toHaveLength(0);
  });

  it('federation: passes on the credentials provider’s own error untouched', async () => {
    fakeFetch(() => Response.json({ SigninToken: 't' }));
    const denied = new AppError(
      'AccessDenied',
      'You no longer have the role ReadOnly in account 123456789012.',
    );
    await expect(buildConsoleUrl({ ...request, credentials: () => Promise.reject(denied) })).rejects.toBe(
      denied,
    );
  });

  it('federation: cannot run without a credentials provider', async () => {
    const error = await appErrorOfAsync(() => buildConsoleUrl(request));
    expect(error.code).toBe('Internal');
  });

  it('portal: builds the shortcut link without credentials or requests', async () => {
    const calls = fakeFetch(() => Response.json({}));
    const creds = provider();
    const portal = { ...request, mode: 'portal' as const, credentials: creds.credentials };
    await expect(buildConsoleUrl(portal)).resolves.toBe(
      'https://d-1234567890.awsapps.com/start/#/console?account_id=123456789012&role_name=ReadOnly',
    );
    await expect(buildConsoleUrl({ ...portal, destination: { service: 'ec2' } })).resolves.toBe(
      'https://d-1234567890.awsapps.com/start/#/console?account_id=123456789012&role_name=ReadOnly' +
        '&destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fec2%2Fhome%3Fregion%3Deu-west-1',
    );
    expect(creds.calls).toBe(0);
    expect(calls).toHaveLength(0);
  });

  it('portal: refuses to sign out first', async () => {
    const error = await appErrorOfAsync(() =>
      buildConsoleUrl({ ...request, mode: 'portal', signOutFirst: true }),
    );
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe(
      'Signing out of the console first works only with federation sign-in; leave it out for the portal link.',
    );
  });
});
