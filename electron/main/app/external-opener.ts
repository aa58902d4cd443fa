import { isAllowedExternalUrl } from '../security/external-url-policy';

/**
 * Opens URLs in the user's browser, only where the allow-list says: AWS console, sign-in and
 * access-portal pages over https, the configured start URLs, and the endpoints the environment
 * points SSO Tray at (the emulator, in the demo and in tests). Anything else is refused with a
 * message that does not repeat the URL (a federation URL carries a sign-in token).
 */
export function createExternalOpener(
  openExternal: (url: string) => Promise<void>,
  startUrls: () => readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): (url: string) => Promise<void> {
  const endpointOrigins = new Set(
    ['AWS_ENDPOINT_URL_SSO', 'AWS_ENDPOINT_URL_SSO_OIDC', 'AWS_ENDPOINT_URL_SIGNIN', 'AWS_ENDPOINT_URL']
      .map((name) => env[name])
      .flatMap((value) => (value ? [originOf(value)] : []))
      .filter((origin): origin is string => origin !== undefined),
  );
  return async (url) => {
    const origin = originOf(url);
    if (!isAllowedExternalUrl(url, startUrls()) && (origin === undefined || !endpointOrigins.has(origin)))
      throw new Error(`SSO Tray does not open ${origin ?? 'that address'}: it is not an AWS page.`);
    await openExternal(url);
  };
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
