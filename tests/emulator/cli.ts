// `npm run emulator -- --accounts 200 --roles 3 --tps 20 --latency 20 --port 8989`
// Serves a local IAM Identity Center and prints how to point SSO Tray, the SDKs and the AWS CLI at it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeAwsCliEndpointRuleSets } from './aws-cli-endpoints';
import { Emulator } from './emulator';
import type { EmulatorKnobs } from './knobs';
import { defaultRegion, defaultStartUrl } from './org-fixture';

const usage = `Usage: npm run emulator -- [options]

  --port N                 port on 127.0.0.1 (default 8989; 0 picks a free one)
  --accounts N             accounts in the generated org (default 20)
  --roles N                roles per account (default 3)
  --seed N                 seed of the generated org and of fault patterns (default 1)
  --start-url URL          start URL of the instance (default ${defaultStartUrl})
  --region REGION          IAM Identity Center region (default ${defaultRegion})
  --tps N                  portal throttle in requests per second (default: unlimited)
  --burst N                token-bucket size (default: one second's worth)
  --latency MS             added latency per API request (default 0)
  --error-rate F           fraction of API requests answered with a 500 (default 0)
  --drop-rate F            fraction of API requests whose connection is dropped (default 0)
  --token-lifetime S       access-token lifetime in seconds (default 28800)
  --credential-lifetime S  role-credential lifetime in seconds (default 3600)
  --auto-approve           approve sign-ins without the verification page
  --deny                   deny every sign-in
  --aws-data-path DIR      where to write the AWS CLI endpoint rule sets (default: a temp folder)
  --help                   this text`;

function fail(message: string): never {
  console.error(`emulator: ${message}`);
  process.exit(2);
}

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0)
    fail(`--${name} must be a non-negative number, for example --${name} 20`);
  return number;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        accounts: { type: 'string' },
        roles: { type: 'string' },
        seed: { type: 'string' },
        'start-url': { type: 'string' },
        region: { type: 'string' },
        tps: { type: 'string' },
        burst: { type: 'string' },
        latency: { type: 'string' },
        'error-rate': { type: 'string' },
        'drop-rate': { type: 'string' },
        'token-lifetime': { type: 'string' },
        'credential-lifetime': { type: 'string' },
        'auto-approve': { type: 'boolean' },
        deny: { type: 'boolean' },
        'aws-data-path': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}. Run npm run emulator -- --help`);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const knobs: Partial<EmulatorKnobs> = {
    autoApprove: values['auto-approve'] ?? false,
    denyApprovals: values.deny ?? false,
  };
  const set = <K extends keyof EmulatorKnobs>(key: K, value: EmulatorKnobs[K] | undefined): void => {
    if (value !== undefined) knobs[key] = value;
  };
  set('tps', numberOption(values.tps, 'tps'));
  set('burst', numberOption(values.burst, 'burst'));
  set('latencyMs', numberOption(values.latency, 'latency'));
  set('errorRate', numberOption(values['error-rate'], 'error-rate'));
  set('dropRate', numberOption(values['drop-rate'], 'drop-rate'));
  set('accessTokenLifetimeSeconds', numberOption(values['token-lifetime'], 'token-lifetime'));
  set('credentialLifetimeSeconds', numberOption(values['credential-lifetime'], 'credential-lifetime'));

  let emulator: Emulator;
  try {
    emulator = await Emulator.start({
      port: numberOption(values.port, 'port') ?? 8989,
      accounts: numberOption(values.accounts, 'accounts') ?? 20,
      rolesPerAccount: numberOption(values.roles, 'roles') ?? 3,
      seed: numberOption(values.seed, 'seed') ?? 1,
      startUrl: values['start-url'] ?? defaultStartUrl,
      region: values.region ?? defaultRegion,
      knobs,
    });
  } catch (error) {
    fail(
      `could not start: ${error instanceof Error ? error.message : String(error)}. Is the port in use? Try --port 0`,
    );
  }
  const dataPath = await writeAwsCliEndpointRuleSets(
    values['aws-data-path'] ?? mkdtempSync(join(tmpdir(), 'sso-tray-emulator-')),
    emulator.url,
  );
  const { org } = emulator;
  const roles = org.accounts.reduce((sum, account) => sum + account.roles.length, 0);
  console.log(`IAM Identity Center emulator listening on ${emulator.url}
  org: ${org.accounts.length} accounts, ${roles} roles; start URL ${org.startUrl}, region ${org.region}
  ${knobs.autoApprove ? 'sign-ins are approved automatically' : `approve sign-ins at ${emulator.url}/device (device code) or in the browser page (PKCE)`}

Point SSO Tray and the AWS SDKs at it:
${Object.entries(emulator.env)
  .map(([key, value]) => `  export ${key}=${value}`)
  .join('\n')}

Point the AWS CLI 2.9.x at it (it ignores AWS_ENDPOINT_URL_SSO*):
  export AWS_DATA_PATH=${dataPath}

An AWS config that signs in to it:
  [sso-session emulator]
  sso_start_url = ${org.startUrl}
  sso_region = ${org.region}
  sso_registration_scopes = sso:account:access

  [profile emulator-first]
  sso_session = emulator
  sso_account_id = ${org.accounts[0]?.accountId ?? '111111111111'}
  sso_role_name = ${org.accounts[0]?.roles[0] ?? 'AdministratorAccess'}

Counters: curl ${emulator.url}/__emulator/stats    Stop: Ctrl-C`);

  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
