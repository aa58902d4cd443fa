import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../aws-files/atomic-write';
import { AppError } from './app-error';

export type SignInFlow = 'pkce' | 'device-code';
export type TokenStoreKind = 'keychain' | 'aws-cli-cache';

/** SSO Tray's own settings, in `<SSO_TRAY_HOME>/settings.json`. Nothing secret lives here. */
export interface Settings {
  /** Where tokens are kept: the OS keychain (default), or only the AWS CLI's cache (headless machines). */
  tokenStore: TokenStoreKind;
  /** Mirror the token into the AWS CLI's cache so `aws` and the SDKs share the sign-in. */
  awsCliCacheMirror: boolean;
  /** The sign-in flow last chosen for each session. */
  signInFlows: Record<string, SignInFlow>;
}

export const defaultSettings: Readonly<Settings> = Object.freeze({
  tokenStore: 'keychain',
  awsCliCacheMirror: true,
  signInFlows: {},
});

/** The settings a user may change by name (the CLI's `settings set`, the window's settings page). */
export const userSettings = {
  tokenStore: ['keychain', 'aws-cli-cache'],
  awsCliCacheMirror: ['true', 'false'],
} as const;

export type UserSettingName = keyof typeof userSettings;

export class SettingsStore {
  private readonly path: string;

  constructor(appHome: string) {
    this.path = join(appHome, 'settings.json');
  }

  get file(): string {
    return this.path;
  }

  async read(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...defaultSettings, signInFlows: {} };
      throw new AppError('InvalidInput', `Could not read ${this.path}; check its permissions.`, {
        cause: error,
      });
    }
    try {
      return sanitize(JSON.parse(text));
    } catch (cause) {
      throw new AppError(
        'InvalidInput',
        `${this.path} is not valid JSON; fix it or delete it to start from the defaults.`,
        { cause },
      );
    }
  }

  async update(change: (settings: Settings) => void): Promise<Settings> {
    const settings = await this.read();
    change(settings);
    await writeFileAtomic(this.path, `${JSON.stringify(settings, null, 2)}\n`, {
      mode: 0o600,
      forceMode: true,
    });
    return settings;
  }
}

/** Keeps known settings of the right type; unknown or broken values fall back to the default. */
function sanitize(value: unknown): Settings {
  const input = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const flows: Record<string, SignInFlow> = {};
  if (typeof input.signInFlows === 'object' && input.signInFlows !== null) {
    for (const [name, flow] of Object.entries(input.signInFlows as Record<string, unknown>))
      if (flow === 'pkce' || flow === 'device-code') flows[name] = flow;
  }
  return {
    tokenStore: input.tokenStore === 'aws-cli-cache' ? 'aws-cli-cache' : 'keychain',
    awsCliCacheMirror: typeof input.awsCliCacheMirror === 'boolean' ? input.awsCliCacheMirror : true,
    signInFlows: flows,
  };
}
