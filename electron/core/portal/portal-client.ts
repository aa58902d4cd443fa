import { LogoutCommand, SSOClient } from '@aws-sdk/client-sso';

/**
 * The access-portal client of a region. The SDK honours `AWS_ENDPOINT_URL_SSO`, so tests point it
 * at the emulator with the environment alone. `maxAttempts` 1 where SSO Tray runs its own retry
 * policy (discovery), so the SDK's retries never multiply with ours.
 */
export function createPortalClient(region: string, maxAttempts?: number): SSOClient {
  return new SSOClient({ region, ...(maxAttempts === undefined ? {} : { maxAttempts }) });
}

/** Ends the portal session behind an access token (the refresh token stops working too). */
export async function portalLogout(region: string, accessToken: string): Promise<void> {
  const client = createPortalClient(region);
  try {
    await client.send(new LogoutCommand({ accessToken }));
  } finally {
    client.destroy();
  }
}
