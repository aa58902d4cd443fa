// The app opens only AWS pages, the configured start URLs, and the endpoints the environment
// points it at (the emulator): anything else is refused without repeating the URL.
import { describe, expect, it } from 'vitest';
import { createExternalOpener } from '../../electron/main/app/external-opener';

function opener(env: Record<string, string> = {}) {
  const opened: string[] = [];
  const open = createExternalOpener(
    (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    () => ['https://my-company.example.com/start'],
    env,
  );
  return { open, opened };
}

describe('createExternalOpener', () => {
  it('opens console, sign-in and portal pages, and the start URLs', async () => {
    const { open, opened } = opener();
    const urls = [
      'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1',
      'https://signin.aws.amazon.com/federation?Action=login&SigninToken=secret',
      'https://d-1234567890.awsapps.com/start/#/console?account_id=111111111111',
      'https://my-company.example.com/start',
    ];
    for (const url of urls) await open(url);
    expect(opened).toEqual(urls);
  });

  it('opens the emulator only when the environment points SSO Tray at it', async () => {
    const url = 'http://127.0.0.1:8989/device?user_code=ABCD-EFGH';
    await expect(opener().open(url)).rejects.toThrow(
      'SSO Tray does not open http://127.0.0.1:8989: it is not an AWS page.',
    );
    const pointed = opener({ AWS_ENDPOINT_URL_SSO_OIDC: 'http://127.0.0.1:8989' });
    await pointed.open(url);
    expect(pointed.opened).toEqual([url]);
  });

  it('refuses other pages without repeating their query (it may carry a token)', async () => {
    const { open, opened } = opener();
    await expect(open('https://evil.example/federation?SigninToken=secret')).rejects.toThrow(
      'SSO Tray does not open https://evil.example: it is not an AWS page.',
    );
    await expect(open('not a url')).rejects.toThrow(
      'SSO Tray does not open that address: it is not an AWS page.',
    );
    expect(opened).toEqual([]);
  });
});
