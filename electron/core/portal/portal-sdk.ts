import type * as Sdk from '@aws-sdk/client-sso';

/**
 * The access-portal client module, loaded on first use: a credential_process answered from the
 * cache, `use` and `status` never call the portal, and loading the SDK is a good part of start-up.
 */
export type PortalSdk = typeof Sdk;

let loading: Promise<PortalSdk> | undefined;

export function portalSdk(): Promise<PortalSdk> {
  loading ??= import('@aws-sdk/client-sso');
  return loading;
}
