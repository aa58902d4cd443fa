// Which URLs the app may hand to the OS browser (architecture.md rule 4, issue 6 item 7). A link
// in the renderer, a window.open or any shell.openExternal goes through here: only https pages
// that AWS serves (console, sign-in, access portal) and the hosts of the user's own start URLs.
import { isConsoleHostOf, partitions } from '../../../shared/partitions';

/** One DNS label: letters, digits and inner hyphens. */
const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A region name such as `us-east-1`, `us-gov-west-1`, `cn-north-1` or `eusc-de-east-1`. */
const region = '[a-z]{2,4}(?:-[a-z]+)+-\\d+';

/**
 * The access-portal zones the AWS CLI treats as AWS-owned (aws-sso-reference.md §6, from aws-cli's
 * `resolve.py`): every name under them is AWS's, so any depth of labels is safe.
 */
const portalSuffixes = [
  'awsapps.com',
  'awsapps.cn',
  'app.aws',
  'portal.amazonaws.com',
  'portal.amazonaws.com.cn',
  'app.amazonwebservices.com.cn',
  'portal.amazonaws.eu',
  'api.amazonwebservices.eu',
];

const portalHost = new RegExp(
  `^(?:${label}\\.)+(?:${portalSuffixes.map((suffix) => suffix.replaceAll('.', '\\.')).join('|')})$`,
);

/**
 * Whether the host is a partition's sign-in host: the global one (`signin.aws.amazon.com`) or a
 * regional one of that partition (`eu-west-1.signin.aws.amazon.com`, `us-east-1.signin…`).
 */
function isSigninHost(hostname: string): boolean {
  return partitions.some((partition) => {
    if (hostname === partition.signinHost) return true;
    const suffix = `.${partition.signinHost}`;
    return hostname.endsWith(suffix) && partition.regionPattern.test(hostname.slice(0, -suffix.length));
  });
}

/** `device.sso.<region>.<dns suffix>` or `oidc.<region>.<dns suffix>`, capturing region and suffix. */
const identityCenterHost = new RegExp(`^(?:device\\.sso|oidc)\\.(${region})\\.(.+)$`);

/**
 * The sign-in pages of IAM Identity Center itself: the device-code verification page
 * (`device.sso.<region>.<dns suffix>`) and the PKCE authorization page (`oidc.<region>.…`), with the
 * region in the partition that owns the suffix.
 */
function isIdentityCenterSigninHost(hostname: string): boolean {
  const match = identityCenterHost.exec(hostname);
  if (!match) return false;
  const [, regionName = '', suffix] = match;
  return partitions.some(
    (partition) => partition.dnsSuffix === suffix && partition.regionPattern.test(regionName),
  );
}

/** The host of an https start URL without credentials or a port, else undefined. */
function startUrlHost(startUrl: string): string | undefined {
  const url = parseUrl(startUrl);
  return url && isPlainHttps(url) ? url.hostname : undefined;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** https on the default port, with no user name or password in front of the host. */
function isPlainHttps(url: URL): boolean {
  return url.protocol === 'https:' && url.port === '' && url.username === '' && url.password === '';
}

/**
 * Whether `url` may be opened in the user's browser: `https:` on port 443, no user info, and a host
 * that is an AWS console host (any partition, `<region>.console.…` included), an AWS sign-in or
 * federation host, an IAM Identity Center sign-in page, an access-portal host, or the host of one
 * of the configured start URLs. Everything else (http, javascript:, data:, file:, lookalikes such
 * as `console.aws.amazon.com.evil.com`, IP addresses) is refused.
 */
export function isAllowedExternalUrl(url: string, startUrls: readonly string[]): boolean {
  const parsed = parseUrl(url);
  if (!parsed || !isPlainHttps(parsed)) return false;
  const { hostname } = parsed;
  return (
    partitions.some((partition) => isConsoleHostOf(partition, hostname)) ||
    isSigninHost(hostname) ||
    isIdentityCenterSigninHost(hostname) ||
    portalHost.test(hostname) ||
    startUrls.some((startUrl) => startUrlHost(startUrl) === hostname)
  );
}
