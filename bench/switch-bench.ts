import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Inventory } from '../shared/inventory';
import type { SsoSessionConfig } from '../electron/core/aws-files/aws-config';
import { editIniFile } from '../electron/core/aws-files/config-file';
import { IniDocument } from '../electron/core/aws-files/ini-document';
import { InventoryCache } from '../electron/core/inventory/inventory-cache';
import { switchProfile } from '../electron/core/profiles/profile-switch';
import { median, printTable, timeProcess } from './measure';

const cli = fileURLToPath(new URL('../dist/cli/sso-tray.cjs', import.meta.url));
const profiles = 5000;
const session: SsoSessionConfig = {
  name: 'corp',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'us-east-1',
  scopes: ['sso:account:access'],
  legacy: false,
};

/** A config of `profiles` SSO profiles, with comments and blank lines as real ones have. */
function bigConfig(): string {
  const lines = ['# team profiles', '[default]', 'region = eu-west-1', 'output = json', ''];
  lines.push(
    `[sso-session ${session.name}]`,
    `sso_start_url = ${session.startUrl}`,
    `sso_region = ${session.region}`,
    '',
  );
  for (let i = 0; i < profiles; i++) {
    const account = String(100000000000 + i);
    lines.push(`[profile team-${i}]`, `sso_session = ${session.name}`, `sso_account_id = ${account}`);
    lines.push('sso_role_name = ReadOnlyAccess', 'region = us-east-1', i % 10 === 0 ? '# reviewed' : '', '');
  }
  return lines.join('\n');
}

function inventoryOf(accounts: number, rolesEach: number): Inventory {
  return {
    session: session.name,
    fetchedAt: new Date().toISOString(),
    complete: true,
    accounts: Array.from({ length: accounts }, (_, i) => ({
      accountId: String(100000000000 + i),
      accountName: `team-${i}`,
      emailAddress: `team-${i}@example.com`,
      roles: Array.from({ length: rolesEach }, (_, r) => `Role${r}`),
    })),
  };
}

/**
 * `use` on a 5,000-profile config: in process (lock, read, parse, edit, backup, atomic write with
 * fsync), the `sso-tray use` process end to end, and the three `aws configure set` calls that
 * make the same edit. And loading a cached inventory of 5,000 roles.
 */
export async function switchBench(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'sso-tray-bench-'));
  try {
    const config = join(home, '.aws', 'config');
    await mkdir(join(home, '.aws'), { recursive: true });
    await writeFile(config, bigConfig(), { mode: 0o600 });
    const runs = 200;

    const editOnly: number[] = [];
    const text = bigConfig();
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const document = IniDocument.parse(text);
      switchProfile(document, {
        profile: 'default',
        session,
        accountId: String(100000000000 + (i % 50)),
        roleName: 'Role1',
      });
      document.serialize();
      editOnly.push(performance.now() - started);
    }
    const inProcess: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await editIniFile(config, (document) => {
        const result = switchProfile(document, {
          profile: 'default',
          session,
          accountId: String(100000000000 + (i % 50)),
          roleName: 'Role1',
        });
        return { changed: result.changed, result };
      });
      inProcess.push(performance.now() - started);
    }

    const appHome = join(home, 'sso-tray-data');
    const cache = new InventoryCache(appHome);
    await cache.write(inventoryOf(1000, 5));
    await writeFile(join(appHome, 'settings.json'), JSON.stringify({ tokenStore: 'aws-cli-cache' }));
    const loads: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      await new InventoryCache(appHome).read(session.name);
      loads.push(performance.now() - started);
    }

    const env = {
      ...process.env,
      HOME: home,
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
      SSO_TRAY_HOME: appHome,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const processRuns = 15;
    const rows = [
      ['operation', 'median ms', 'runs'],
      ['use: parse + edit + serialize (no I/O)', median(editOnly).toFixed(2), String(runs)],
      [
        'use in process (lock, read, backup, atomic write, fsync)',
        median(inProcess).toFixed(2),
        String(runs),
      ],
    ];
    if (existsSync(cli)) {
      const ours = await timeProcess(process.execPath, [cli, 'use', 'team-7/Role2'], processRuns, env);
      rows.push(['sso-tray use team-7/Role2 (process)', median(ours).toFixed(1), String(processRuns)]);
    }
    if (existsSync('/usr/bin/aws')) {
      const set = (key: string, value: string) =>
        timeProcess('/usr/bin/aws', ['configure', 'set', key, value], processRuns, env);
      const three = [
        await set('sso_session', session.name),
        await set('sso_account_id', '100000000007'),
        await set('sso_role_name', 'Role2'),
      ];
      rows.push([
        '3 × /usr/bin/aws configure set (processes)',
        (median(three[0] ?? []) + median(three[1] ?? []) + median(three[2] ?? [])).toFixed(1),
        String(processRuns),
      ]);
    }
    rows.push(['load cached inventory of 5,000 roles', median(loads).toFixed(2), '50']);
    printTable(`Switching on a ${profiles.toLocaleString('en')}-profile config`, rows);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}
