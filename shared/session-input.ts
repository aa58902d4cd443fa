import { partitionOf } from './partitions';

/**
 * Checks of what a person types when adding an IAM Identity Center instance. Each returns a
 * message that shows a valid example, or undefined when the input is fine. Shared by the CLI and
 * the window, which validates as the user types.
 */
export const startUrlExample = 'https://d-1234567890.awsapps.com/start';
export const regionExample = 'us-east-1';

export function startUrlProblem(input: string): string | undefined {
  const hint = `, for example ${startUrlExample}`;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return `the start URL "${input}" is not a URL${hint}`;
  }
  if (url.protocol !== 'https:') return `the start URL must use https${hint}`;
  if (url.hostname === '') return `the start URL needs a host${hint}`;
  if (url.username !== '' || url.password !== '')
    return `the start URL must not contain a user name or password${hint}`;
  if (/\s/.test(input.trim())) return `the start URL must not contain spaces${hint}`;
  return undefined;
}

export function regionProblem(input: string): string | undefined {
  return partitionOf(input) ? undefined : `"${input}" is not an AWS region, for example ${regionExample}`;
}

/**
 * Session names become `[sso-session NAME]` headers and cache-file keys; keep them to what both
 * botocore and the JS SDK parse the same way (aws-sso-reference.md §4.2).
 */
export function sessionNameProblem(input: string): string | undefined {
  return /^[A-Za-z0-9_\-@+.%:/]+$/.test(input)
    ? undefined
    : `"${input}" cannot be a session name: use letters, digits and - _ . @ + % : /, for example my-company`;
}
