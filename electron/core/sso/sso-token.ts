/**
 * An IAM Identity Center access token and what is needed to refresh it: the refresh token and
 * the client registration it is bound to. The same fields the AWS CLI keeps in its cache.
 */
export interface SsoToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAtMs: number;
  refreshToken?: string;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAtMs?: number;
}

/** Whether a token can be refreshed without the user: refresh token and a live registration. */
export function isRefreshable(token: SsoToken, nowMs: number): boolean {
  return (
    token.refreshToken !== undefined &&
    token.clientId !== undefined &&
    token.clientSecret !== undefined &&
    (token.registrationExpiresAtMs === undefined || token.registrationExpiresAtMs > nowMs)
  );
}
