import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { Emulator } from '../emulator';

/**
 * The real AWS SDK v3 clients, pointed at an emulator. `maxAttempts: 1` by default so a test sees
 * each modelled error itself rather than the SDK's retries.
 */
export function oidcClient(emulator: Emulator, maxAttempts = 1): SSOOIDCClient {
  return new SSOOIDCClient({
    region: emulator.org.region,
    endpoint: emulator.url,
    maxAttempts,
    credentials: noCredentials,
  });
}

export function portalClient(emulator: Emulator, maxAttempts = 1): SSOClient {
  return new SSOClient({
    region: emulator.org.region,
    endpoint: emulator.url,
    maxAttempts,
    credentials: noCredentials,
  });
}

/** Both services are unsigned (`noAuth`), so no AWS credentials are ever looked up. */
const noCredentials = { accessKeyId: 'unused', secretAccessKey: 'unused' };
