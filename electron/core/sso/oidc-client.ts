import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { oidcEndpoint } from '../../../shared/partitions';
import { oidcSdk } from './oidc-sdk';

/** The device authorization grant type of RFC 8628, as SSO OIDC names it. */
export const deviceCodeGrant = 'urn:ietf:params:oauth:grant-type:device_code';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The SSO OIDC client of a region, following `AWS_ENDPOINT_URL_SSO_OIDC` (then `AWS_ENDPOINT_URL`)
 * of the environment the core was given, as the SDK does for its own process environment; tests
 * and the demo point it at the emulator that way.
 */
export async function createOidcClient(region: string, env: Env): Promise<SSOOIDCClient> {
  const endpoint = env.AWS_ENDPOINT_URL_SSO_OIDC ?? env.AWS_ENDPOINT_URL;
  const { SSOOIDCClient } = await oidcSdk();
  return new SSOOIDCClient({ region, ...(endpoint ? { endpoint } : {}) });
}

/**
 * Where the browser goes for the authorization-code flow: the OIDC endpoint's origin plus
 * `/authorize` (aws-sso-reference.md §1.8), following the same endpoint variables as the SDK.
 */
export function authorizeEndpoint(region: string, env: Env): string {
  const configured = env.AWS_ENDPOINT_URL_SSO_OIDC ?? env.AWS_ENDPOINT_URL;
  const base = configured
    ? new URL(configured).origin
    : (oidcEndpoint(region) ?? `https://oidc.${region}.amazonaws.com`);
  return `${base}/authorize`;
}

/** The modelled name of an SDK error (`AuthorizationPendingException`, …), if it has one. */
export function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}
