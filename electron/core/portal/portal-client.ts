import type { SSOClient } from '@aws-sdk/client-sso';
import { portalSdk } from './portal-sdk';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The access-portal client of a region, following `AWS_ENDPOINT_URL_SSO` (then `AWS_ENDPOINT_URL`)
 * of the core's environment. `maxAttempts` 1 where SSO Tray runs its own retry policy
 * (discovery), so the SDK's retries never multiply with ours. A call that hangs is given up after
 * a while instead of holding a discovery or a `credential_process` forever.
 */
export async function createPortalClient(region: string, env: Env, maxAttempts?: number): Promise<SSOClient> {
  const endpoint = env.AWS_ENDPOINT_URL_SSO ?? env.AWS_ENDPOINT_URL;
  const { SSOClient } = await portalSdk();
  return new SSOClient({
    region,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 20_000 },
    ...(endpoint ? { endpoint } : {}),
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });
}

/** Ends the portal session behind an access token (the refresh token stops working too). */
export async function portalLogout(region: string, accessToken: string, env: Env): Promise<void> {
  const client = await createPortalClient(region, env);
  const { LogoutCommand } = await portalSdk();
  try {
    await client.send(new LogoutCommand({ accessToken }));
  } finally {
    client.destroy();
  }
}
