import { createHash, randomInt, randomUUID } from 'node:crypto';
import { AppError } from '../app/app-error';
import { sleep } from '../app/clock';
import { cancelled, tokenFromResponse, type FlowContext } from './device-code-flow';
import { oidcSdk } from './oidc-sdk';
import { startLoopbackListener } from './loopback-listener';
import { errorName } from './oidc-client';
import type { SsoToken } from './sso-token';

/** How long to wait for the browser before giving up (the AWS CLI waits 600 s too). */
export const authorizationTimeoutMs = 10 * 60 * 1000;

/**
 * Authorization code with PKCE (aws-sso-reference.md §1.8): a loopback listener on 127.0.0.1, an
 * S256 challenge, a random `state` checked on return, then CreateToken with the verifier. The
 * listener is closed however the flow ends.
 */
export async function runAuthorizationCodeFlow(
  context: FlowContext & { authorizeEndpoint: string; scopes: string[] },
): Promise<SsoToken> {
  const { oidc, registration, clock, signal } = context;
  const { CreateTokenCommand } = await oidcSdk();
  const verifier = codeVerifier();
  const state = randomUUID();
  const listener = await startLoopbackListener((query) => {
    if (query.state !== state)
      return {
        ok: false,
        message: 'This sign-in link is not the one SSO Tray is waiting for. Start the sign-in again.',
      };
    if (query.error)
      return {
        ok: false,
        message: 'Access was not granted. You can close this tab and try again from SSO Tray.',
      };
    return { ok: true, message: 'You can close this tab and return to SSO Tray.' };
  });
  try {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: registration.clientId,
      redirect_uri: listener.redirectUri,
      state,
      code_challenge_method: 'S256',
      scopes: context.scopes.join(' '),
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    });
    const authorizeUrl = `${context.authorizeEndpoint}?${query.toString().replace(/\+/g, '%20')}`;
    const deadline = clock.now() + authorizationTimeoutMs;
    context.onPending({ verificationUri: authorizeUrl, expiresAt: new Date(deadline).toISOString() });
    if (!context.noBrowser) await context.opener.open(authorizeUrl).catch(() => undefined);

    const timeout = new AbortController();
    const callback = await Promise.race([
      listener.callback,
      sleep(clock, authorizationTimeoutMs, AbortSignal.any([signal, timeout.signal])).then(
        () => 'timeout' as const,
        () => 'cancelled' as const,
      ),
    ]);
    timeout.abort();
    if (callback === 'cancelled' || signal.aborted) throw cancelled();
    if (callback === 'timeout')
      throw new AppError(
        'SessionExpired',
        'The browser did not finish signing in within 10 minutes. Sign in again.',
      );
    if (callback.state !== state)
      throw new AppError(
        'AccessDenied',
        'The browser returned a sign-in for another request (state mismatch); nothing was changed. Sign in again.',
      );
    if (callback.error || !callback.code) {
      throw new AppError(
        'AccessDenied',
        `Sign-in was not approved in the browser (${callback.error ?? 'no code'}). Sign in again and choose Allow.`,
      );
    }
    const requestedAt = clock.now();
    try {
      const response = await oidc.send(
        new CreateTokenCommand({
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          grantType: 'authorization_code',
          code: callback.code,
          redirectUri: listener.redirectUri,
          codeVerifier: verifier,
        }),
        { abortSignal: signal },
      );
      return tokenFromResponse(response, registration, requestedAt);
    } catch (error) {
      if (isAborted(signal)) throw cancelled();
      if (errorName(error) === 'ExpiredTokenException')
        throw new AppError(
          'SessionExpired',
          'The sign-in took too long and its code expired. Sign in again.',
          { cause: error },
        );
      throw error;
    }
  } finally {
    await listener.close();
  }
}

/** Read through a call: the signal may have been aborted since TypeScript last narrowed it. */
function isAborted(signal: AbortSignal): boolean {
  return signal.aborted;
}

/** 64 characters from the RFC 7636 unreserved set, like the AWS CLI's verifier. */
function codeVerifier(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
  return Array.from({ length: 64 }, () => alphabet.charAt(randomInt(alphabet.length))).join('');
}
