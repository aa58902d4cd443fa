import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { PendingSignIn } from '../../../shared/session-snapshot';
import { AppError } from '../app/app-error';
import { sleep, type Clock } from '../app/clock';
import type { UrlOpener } from '../app/url-opener';
import type { ClientRegistration } from './client-registration';
import { oidcSdk } from './oidc-sdk';
import { deviceCodeGrant, errorName } from './oidc-client';
import type { SsoToken } from './sso-token';

export interface FlowContext {
  oidc: SSOOIDCClient;
  registration: ClientRegistration;
  startUrl: string;
  clock: Clock;
  opener: UrlOpener;
  /** Only show the URL (and code); do not open a browser. */
  noBrowser: boolean;
  /** Told what the user must do, once it is known. */
  onPending: (pending: PendingSignIn) => void;
  signal: AbortSignal;
}

/**
 * The device authorization flow (aws-sso-reference.md §1.7): one immediate CreateToken attempt
 * (the user may have approved already), then the code is shown and the verification page opened,
 * and CreateToken is polled at `interval`, 5 s slower after each `slow_down`.
 */
export async function runDeviceCodeFlow(context: FlowContext): Promise<SsoToken> {
  const { CreateTokenCommand, StartDeviceAuthorizationCommand } = await oidcSdk();
  const { oidc, registration, clock, signal } = context;
  const authorization = await oidc.send(
    new StartDeviceAuthorizationCommand({
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      startUrl: context.startUrl,
    }),
    { abortSignal: signal },
  );
  const deviceCode = authorization.deviceCode ?? '';
  const expiresAtMs = clock.now() + (authorization.expiresIn ?? 600) * 1000;
  let intervalMs = (authorization.interval ?? 5) * 1000;

  const attempt = async (): Promise<SsoToken | 'pending'> => {
    const requestedAt = clock.now();
    try {
      const token = await oidc.send(
        new CreateTokenCommand({
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          grantType: deviceCodeGrant,
          deviceCode,
        }),
        { abortSignal: signal },
      );
      return tokenFromResponse(token, registration, requestedAt);
    } catch (error) {
      if (signal.aborted) throw cancelled();
      switch (errorName(error)) {
        case 'AuthorizationPendingException':
          return 'pending';
        case 'SlowDownException':
          intervalMs += 5000; // never fatal: the server only asks us to poll more slowly
          return 'pending';
        case 'ExpiredTokenException':
          throw new AppError(
            'SessionExpired',
            'The sign-in code expired before it was approved. Sign in again and approve the code sooner.',
            { cause: error },
          );
        case 'AccessDeniedException':
          throw new AppError(
            'AccessDenied',
            'Sign-in was denied in the browser. Sign in again and choose Allow.',
            { cause: error },
          );
        default:
          throw error;
      }
    }
  };

  const first = await attempt();
  if (first !== 'pending') return first;
  context.onPending({
    ...(authorization.userCode ? { userCode: authorization.userCode } : {}),
    verificationUri: authorization.verificationUriComplete ?? authorization.verificationUri ?? '',
    expiresAt: new Date(expiresAtMs).toISOString(),
  });
  if (!context.noBrowser) {
    await context.opener
      .open(authorization.verificationUriComplete ?? authorization.verificationUri ?? '')
      .catch(() => {
        // The code and link are shown to the user already; a browser that will not start is not fatal.
      });
  }
  for (;;) {
    try {
      await sleep(clock, intervalMs, signal);
    } catch {
      throw cancelled();
    }
    if (clock.now() >= expiresAtMs) {
      throw new AppError(
        'SessionExpired',
        'The sign-in code expired before it was approved. Sign in again and approve the code sooner.',
      );
    }
    const result = await attempt();
    if (result !== 'pending') return result;
  }
}

/** A CreateToken answer as a stored token, with the registration it is bound to. */
export function tokenFromResponse(
  response: {
    accessToken?: string | undefined;
    expiresIn?: number | undefined;
    refreshToken?: string | undefined;
  },
  registration: ClientRegistration,
  requestedAtMs: number,
): SsoToken {
  if (!response.accessToken || !response.expiresIn)
    throw new AppError(
      'Internal',
      'IAM Identity Center answered without an access token; try signing in again.',
    );
  return {
    accessToken: response.accessToken,
    expiresAtMs: requestedAtMs + response.expiresIn * 1000,
    ...(response.refreshToken ? { refreshToken: response.refreshToken } : {}),
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAtMs: registration.expiresAtMs,
  };
}

export function cancelled(): AppError {
  return new AppError('Cancelled', 'Sign-in cancelled; nothing was changed.');
}
