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
}

// Order matters: us-gov regions also match the commercial pattern's shape.
export const partitions: readonly Partition[] = [
  {
    id: 'aws-us-gov',
    regionPattern: /^us-gov-\w+-\d+$/,
    dnsSuffix: 'amazonaws.com',
    signinHost: 'signin.amazonaws-us-gov.com',
    consoleHost: 'console.amazonaws-us-gov.com',
  },
  {
    id: 'aws-cn',
    regionPattern: /^cn-\w+-\d+$/,
    dnsSuffix: 'amazonaws.com.cn',
    signinHost: 'signin.amazonaws.cn',
    consoleHost: 'console.amazonaws.cn',
  },
  {
    id: 'aws',
    regionPattern: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
    dnsSuffix: 'amazonaws.com',
    signinHost: 'signin.aws.amazon.com',
    consoleHost: 'console.aws.amazon.com',
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
