/**
 * AWS partitions as far as SSO Tray needs them: which regions belong where, and the hosts of the
 * OIDC, portal, sign-in and console endpoints (aws-sso-reference.md §1.1, §5 and §6).
 */
export interface Partition {
  id: 'aws' | 'aws-cn' | 'aws-us-gov';
  regionPattern: RegExp;
  dnsSuffix: string;
  signinHost: string;
  consoleHost: string;
  /**
   * The region whose federation endpoint is the global sign-in host itself; every other region
   * of the partition gets `<region>.<signinHost>` (granted's rule, aws-sso-reference.md §5).
   */
  signinHomeRegion: string;
  /**
   * Where a sign-out that goes on to a sign-in (`/oauth?Action=logout&redirect_uri=…`) is sent.
   * aws-vault and Leapp use `us-east-1.signin.aws.amazon.com` for this in the aws partition, and
   * §5 notes the chain needs that host; no tool is known to use a regional host elsewhere, so the
   * other partitions use their global sign-in host (unverified there).
   */
  chainedLogoutHost: string;
}

// Order matters: us-gov regions also match the commercial pattern's shape.
export const partitions: readonly Partition[] = [
  {
    id: 'aws-us-gov',
    regionPattern: /^us-gov-\w+-\d+$/,
    dnsSuffix: 'amazonaws.com',
    signinHost: 'signin.amazonaws-us-gov.com',
    consoleHost: 'console.amazonaws-us-gov.com',
    signinHomeRegion: 'us-gov-west-1',
    chainedLogoutHost: 'signin.amazonaws-us-gov.com',
  },
  {
    id: 'aws-cn',
    regionPattern: /^cn-\w+-\d+$/,
    dnsSuffix: 'amazonaws.com.cn',
    signinHost: 'signin.amazonaws.cn',
    consoleHost: 'console.amazonaws.cn',
    signinHomeRegion: 'cn-north-1',
    chainedLogoutHost: 'signin.amazonaws.cn',
  },
  {
    id: 'aws',
    regionPattern: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
    dnsSuffix: 'amazonaws.com',
    signinHost: 'signin.aws.amazon.com',
    consoleHost: 'console.aws.amazon.com',
    signinHomeRegion: 'us-east-1',
    chainedLogoutHost: 'us-east-1.signin.aws.amazon.com',
  },
];

/** The partition a region belongs to, or undefined when it matches none. */
export function partitionOf(region: string): Partition | undefined {
  return partitions.find((partition) => partition.regionPattern.test(region));
}

/** The default SSO OIDC endpoint of a region, e.g. `https://oidc.us-east-1.amazonaws.com`. */
export function oidcEndpoint(region: string): string | undefined {
  const partition = partitionOf(region);
  return partition && `https://oidc.${region}.${partition.dnsSuffix}`;
}

/**
 * The sign-in host whose `/federation` serves a region: the global host for the partition's home
 * region, `<region>.<signinHost>` otherwise. Of the two rules in §5 this is granted's: it keeps
 * the global host AWS's own sample uses for each partition's original region, where aws-sso-cli's
 * always-regional rule would send those regions to a host no AWS document names.
 */
export function signinHostOf(partition: Partition, region: string): string {
  return region === partition.signinHomeRegion ? partition.signinHost : `${region}.${partition.signinHost}`;
}

/**
 * Whether a host name is the partition's console: `console.<domain>` or one label in front of it
 * (`<region>.console.<domain>`, or a service host such as `s3.console.aws.amazon.com`). AWS owns
 * every name under the console host, so any single label is safe; nothing else is.
 */
export function isConsoleHostOf(partition: Partition, hostname: string): boolean {
  if (hostname === partition.consoleHost) return true;
  const suffix = `.${partition.consoleHost}`;
  return (
    hostname.endsWith(suffix) && /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(hostname.slice(0, -suffix.length))
  );
}
