import type * as Sdk from '@aws-sdk/client-sso-oidc';

/**
 * The SSO OIDC client module, loaded on first use. Most commands never sign in or refresh (a
 * credential_process answered from the cache, `use`, `status`), and loading the SDK is a good part
 * of a process's start-up.
 */
export type OidcSdk = typeof Sdk;

let loading: Promise<OidcSdk> | undefined;

export function oidcSdk(): Promise<OidcSdk> {
  loading ??= import('@aws-sdk/client-sso-oidc');
  return loading;
}
