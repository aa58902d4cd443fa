import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import type { Emulator } from '../emulator';
import { oidcClient } from './sdk-clients';

/**
 * An access token from the emulator by the device-code flow through the real SDK, the code
 * approved straight on the emulator: for tests and benchmarks of the portal API itself.
 */
export async function emulatorAccessToken(emulator: Emulator): Promise<string> {
  const oidc = oidcClient(emulator);
  try {
    const client = await oidc.send(
      new RegisterClientCommand({
        clientName: 'sso-tray-test',
        clientType: 'public',
        scopes: ['sso:account:access'],
      }),
    );
    const ids = { clientId: client.clientId, clientSecret: client.clientSecret };
    const auth = await oidc.send(
      new StartDeviceAuthorizationCommand({ ...ids, startUrl: emulator.org.startUrl }),
    );
    emulator.decideUserCode(auth.userCode ?? '', true);
    const token = await oidc.send(
      new CreateTokenCommand({
        ...ids,
        grantType: 'urn:ietf:params:oauth:grant-type:device_code',
        deviceCode: auth.deviceCode,
      }),
    );
    return token.accessToken ?? '';
  } finally {
    oidc.destroy();
  }
}
