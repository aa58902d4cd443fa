import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away HOME with its own `.aws` and SSO Tray data folder. Tests never touch the real
 * `~/.aws` or the machine user's data: everything they read or write is under `root`.
 */
export interface TempHome {
  root: string;
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function createTempHome(prefix = 'sso-tray-test-'): Promise<TempHome> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  return {
    root,
    env: {
      HOME: root,
      AWS_CONFIG_FILE: join(root, '.aws', 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(root, '.aws', 'credentials'),
      SSO_TRAY_HOME: join(root, 'sso-tray-data'),
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * The environment for a child process: only what it needs, so nothing from the developer's shell
 * (AWS_PROFILE, real credentials, proxies) leaks into a test.
 */
export function isolatedEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: 'C.UTF-8',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  for (const key of ['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return { ...env, ...extra };
}

/** A session name no other test process uses, since tests share one keychain service. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Math.floor(Math.random() * 1e9)}`;
}
