// A scratch HOME for running SSO Tray against the emulator: an AWS config with an sso-session for
// it, and SSO Tray data that keeps tokens in that folder's AWS CLI cache, never in the OS keychain.
// Used by `npm run demo` and the Electron smoke test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What of the emulator the scratch home needs (tests/emulator's Emulator has it). */
export interface EmulatorEndpoint {
  env: Record<string, string>;
  org: {
    startUrl: string;
    region: string;
    accounts: readonly { accountId: string; roles: readonly string[] }[];
  };
}

export interface DemoHome {
  root: string;
  /** HOME, the AWS file variables, SSO_TRAY_HOME and the emulator's endpoint variables. */
  env: Record<string, string>;
  session: string;
  dispose(): void;
}

export const demoSessionName = 'sso-tray-demo';

export function createDemoHome(emulator: EmulatorEndpoint): DemoHome {
  const root = mkdtempSync(join(tmpdir(), 'sso-tray-demo-'));
  const env: Record<string, string> = {
    HOME: root,
    AWS_CONFIG_FILE: join(root, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(root, '.aws', 'credentials'),
    SSO_TRAY_HOME: join(root, 'sso-tray'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...emulator.env,
  };
  const { org } = emulator;
  const first = org.accounts[0];
  mkdirSync(join(root, '.aws'), { recursive: true });
  writeFileSync(
    join(root, '.aws', 'config'),
    [
      `[sso-session ${demoSessionName}]`,
      `sso_start_url = ${org.startUrl}`,
      `sso_region = ${org.region}`,
      'sso_registration_scopes = sso:account:access',
      '',
      '[profile demo-first]',
      `sso_session = ${demoSessionName}`,
      `sso_account_id = ${first?.accountId ?? '111111111111'}`,
      `sso_role_name = ${first?.roles[0] ?? 'AdministratorAccess'}`,
      `region = ${org.region}`,
      '',
    ].join('\n'),
  );
  mkdirSync(join(root, 'sso-tray'), { recursive: true });
  writeFileSync(
    join(root, 'sso-tray', 'settings.json'),
    `${JSON.stringify({ tokenStore: 'aws-cli-cache' })}\n`,
  );
  return {
    root,
    env,
    session: demoSessionName,
    dispose: () => {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
