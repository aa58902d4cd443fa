import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { AppError } from '../app/app-error';
import type { Clock } from '../app/clock';
import { errorName } from './oidc-client';
import { oidcSdk } from './oidc-sdk';
import type { SsoToken } from './sso-token';

/** OIDC answers after which this refresh token will never work again. */
const permanentFailures = new Set([
  'InvalidGrantException',
  'InvalidClientException',
  'UnauthorizedClientException',
  'AccessDeniedException',
  'ExpiredTokenException',
  'InvalidRequestException',
]);

export class RefreshRefusedError extends AppError {
  constructor(cause: unknown) {
    super('SessionExpired', 'IAM Identity Center refused to renew the session; sign in again.', { cause });
  }
}

/**
 * Renews a token with its refresh token (CreateToken `refresh_token`), keeping the registration it
 * is bound to and storing the rotated refresh token. A refusal is `RefreshRefusedError` (sign in
 * again); anything else (network, 5xx after the SDK's retries) is transient.
 */
export async function refreshToken(
  oidc: SSOOIDCClient,
  token: SsoToken,
  clock: Clock,
  signal?: AbortSignal,
): Promise<SsoToken> {
  if (!token.refreshToken || !token.clientId || !token.clientSecret) throw new RefreshRefusedError(undefined);
  const { CreateTokenCommand } = await oidcSdk();
  const requestedAt = clock.now();
  try {
    const response = await oidc.send(
      new CreateTokenCommand({
        clientId: token.clientId,
        clientSecret: token.clientSecret,
        grantType: 'refresh_token',
        refreshToken: token.refreshToken,
      }),
      { abortSignal: signal },
    );
    if (!response.accessToken || !response.expiresIn)
      throw new AppError('Internal', 'IAM Identity Center renewed the session without a token.');
    return {
      ...token,
      accessToken: response.accessToken,
      expiresAtMs: requestedAt + response.expiresIn * 1000,
      refreshToken: response.refreshToken ?? token.refreshToken,
    };
  } catch (error) {
    if (permanentFailures.has(errorName(error) ?? '')) throw new RefreshRefusedError(error);
    if (error instanceof AppError) throw error;
    throw new AppError(
      'NetworkError',
      'Could not reach IAM Identity Center to renew the session; it will be retried.',
      { cause: error },
    );
  }
}
