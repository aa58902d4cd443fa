import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { Clock } from '../app/clock';
import { oidcSdk } from './oidc-sdk';
import type { SignInFlow } from '../app/settings';
import type { SecretStore } from '../secrets/secret-store';
import type { SsoSessionConfig } from '../aws-files/aws-config';
import { deviceCodeGrant } from './oidc-client';

/** A public OIDC client registered with IAM Identity Center for one session and one flow. */
export interface ClientRegistration {
  clientId: string;
  clientSecret: string;
  expiresAtMs: number;
}

/** Reuse a registration until this long before it expires (the AWS CLI's margin). */
const reuseMarginMs = 15 * 60 * 1000;
export const loopbackRedirectUri = 'http://127.0.0.1/oauth/callback';

/**
 * Registers clients and keeps them in the secret store (`registration:<session>:<flow>`), reusing
 * one until 15 minutes before it expires. The flows register differently: the authorization-code
 * client names the loopback redirect, the device client the device grant.
 */
export class ClientRegistrar {
  constructor(
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
  ) {}

  async get(
    oidc: SSOOIDCClient,
    session: SsoSessionConfig,
    flow: SignInFlow,
    options: { fresh?: boolean; signal?: AbortSignal } = {},
  ): Promise<ClientRegistration> {
    const key = registrationKey(session.name, flow);
    if (!options.fresh) {
      const cached = parseRegistration(await this.secrets.get(key));
      if (cached && cached.expiresAtMs - reuseMarginMs > this.clock.now()) return cached;
    }
    const scopes = session.legacy
      ? undefined
      : session.scopes.length > 0
        ? session.scopes
        : ['sso:account:access'];
    const { RegisterClientCommand } = await oidcSdk();
    const response = await oidc.send(
      new RegisterClientCommand({
        clientName: session.legacy ? 'sso-tray' : `sso-tray-${session.name}`,
        clientType: 'public',
        ...(scopes ? { scopes } : {}),
        ...(flow === 'pkce'
          ? {
              grantTypes: ['authorization_code', 'refresh_token'],
              redirectUris: [loopbackRedirectUri],
              issuerUrl: session.startUrl,
            }
          : session.legacy
            ? {}
            : { grantTypes: [deviceCodeGrant, 'refresh_token'] }),
      }),
      { abortSignal: options.signal },
    );
    const registration: ClientRegistration = {
      clientId: response.clientId ?? '',
      clientSecret: response.clientSecret ?? '',
      expiresAtMs: (response.clientSecretExpiresAt ?? 0) * 1000,
    };
    await this.secrets.set(key, JSON.stringify(registration));
    return registration;
  }

  async forget(sessionName: string): Promise<void> {
    await Promise.all(
      (['pkce', 'device-code'] as const).map((flow) =>
        this.secrets.delete(registrationKey(sessionName, flow)),
      ),
    );
  }
}

function registrationKey(sessionName: string, flow: SignInFlow): string {
  return `registration:${sessionName}:${flow}`;
}

function parseRegistration(text: string | undefined): ClientRegistration | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<ClientRegistration>;
    return typeof value.clientId === 'string' &&
      typeof value.clientSecret === 'string' &&
      typeof value.expiresAtMs === 'number'
      ? { clientId: value.clientId, clientSecret: value.clientSecret, expiresAtMs: value.expiresAtMs }
      : undefined;
  } catch {
    return undefined;
  }
}
