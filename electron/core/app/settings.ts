import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../aws-files/atomic-write';
import { profileNameProblem } from '../profiles/profile-name';
import { defaultProfileTemplate, parseTemplate } from '../profiles/profile-template';
import { regionProblem } from '../../../shared/session-input';
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
  /** The profile `use` points at the chosen role: `default`, so plain `aws` commands follow it. */
  targetProfile: string;
  /** How `profiles sync` names profiles (tokens: {account_name} {account_id} {role_name} {session}). */
  profileTemplate: string;
  /** A cached inventory older than this is listed again on the next look. */
  inventoryMaxAgeMinutes: number;
  /** How the console opens: signed in through federation, or through the access portal's link. */
  consoleMode: 'federation' | 'portal';
  /** The console's region when none is asked for; empty for the session's region. */
  consoleRegion: string;
  /** Where the console opens when nothing is asked for: a service (ec2) or a console URL; empty for home. */
  consoleDestination: string;
  /** Write the profiles of a session (profiles sync) after each listing of its accounts. */
  profileSyncAuto: boolean;
  /** Tray app: how long before a session expires it warns. */
  notificationLeadMinutes: number;
  /** Tray app: the accelerator that opens the switcher window; empty for none. */
  globalShortcut: string;
  /** Tray app: start when the user logs in. */
  launchAtLogin: boolean;
  /** Tray app: the window's colours. */
  theme: 'system' | 'light' | 'dark';
}

export const defaultSettings: Readonly<Settings> = Object.freeze({
  tokenStore: 'keychain',
  awsCliCacheMirror: true,
  signInFlows: {},
  targetProfile: 'default',
  profileTemplate: defaultProfileTemplate,
  inventoryMaxAgeMinutes: 60,
  consoleMode: 'federation',
  consoleRegion: '',
  consoleDestination: '',
  profileSyncAuto: false,
  notificationLeadMinutes: 15,
  globalShortcut: 'CommandOrControl+Shift+A',
  launchAtLogin: false,
  theme: 'system',
});

const parseBoolean = (text: string): boolean | { problem: string } =>
  text === 'true' ? true : text === 'false' ? false : { problem: 'must be true or false' };

/** A setting a user may change by name: how to read it from text, and what it is for. */
interface UserSetting<K extends keyof Settings> {
  help: string;
  /** The typed value, or a message saying what is wrong. */
  parse(text: string): Settings[K] | { problem: string };
}

type UserSettings = { [K in Exclude<keyof Settings, 'signInFlows'>]: UserSetting<K> };

/** The settings a user may change by name (the CLI's `settings set`, the window's settings page). */
export const userSettings: UserSettings = {
  tokenStore: {
    help: "keychain (default) | aws-cli-cache: keep tokens only in the AWS CLI cache, the AWS CLI's own security level, for machines without a keychain",
    parse: (text) =>
      text === 'keychain' || text === 'aws-cli-cache'
        ? text
        : { problem: 'must be keychain or aws-cli-cache' },
  },
  awsCliCacheMirror: {
    help: "true (default) | false: share the sign-in through the AWS CLI's cache",
    parse: parseBoolean,
  },
  targetProfile: {
    help: 'the profile `sso-tray use` switches (default: default)',
    parse: (text) => {
      const problem = profileNameProblem(text);
      return problem === undefined ? text : { problem };
    },
  },
  profileTemplate: {
    help: `how profiles sync names profiles (default: ${defaultProfileTemplate}); tokens {account_name} {account_id} {role_name} {session}`,
    parse: (text) => {
      const problem = templateProblem(text);
      return problem === undefined ? text : { problem };
    },
  },
  consoleMode: {
    help: 'federation (default): the console opens signed in as the role | portal: through the access portal (works with the console multi-session sign-in)',
    parse: (text) =>
      text === 'federation' || text === 'portal' ? text : { problem: 'must be federation or portal' },
  },
  consoleRegion: {
    help: "the console's region when --region is not given (default: empty, the session's region)",
    parse: (text) => {
      const problem = text === '' ? undefined : regionProblem(text);
      return problem === undefined ? text : { problem };
    },
  },
  consoleDestination: {
    help: 'where the console opens by default: a service such as ec2, or a console URL (default: empty, the home page)',
    parse: (text) =>
      text === '' || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text) || text.startsWith('https://')
        ? text
        : { problem: 'must be a service name such as ec2, or an https console URL' },
  },
  profileSyncAuto: {
    help: 'true | false (default): write the profiles of a session after each listing of its accounts',
    parse: parseBoolean,
  },
  notificationLeadMinutes: {
    help: 'tray app: warn this many minutes before a session expires (default: 15)',
    parse: (text) =>
      /^\d{1,4}$/.test(text) && Number(text) >= 1 && Number(text) <= 1440
        ? Number(text)
        : { problem: 'must be a whole number of minutes from 1 to 1440' },
  },
  globalShortcut: {
    help: 'tray app: the keys that open the switcher (default: CommandOrControl+Shift+A; empty for none)',
    parse: (text) =>
      /^[\x21-\x7e]{0,100}$/.test(text)
        ? text
        : { problem: 'must be an accelerator such as CommandOrControl+Shift+A' },
  },
  launchAtLogin: {
    help: 'tray app: true | false (default): start when you log in',
    parse: parseBoolean,
  },
  theme: {
    help: 'tray app: system (default) | light | dark',
    parse: (text) =>
      text === 'system' || text === 'light' || text === 'dark'
        ? text
        : { problem: 'must be system, light or dark' },
  },
  inventoryMaxAgeMinutes: {
    help: 'list accounts again when the cached list is older than this many minutes (default: 60)',
    parse: (text) =>
      /^\d{1,6}$/.test(text) && Number(text) > 0
        ? Number(text)
        : { problem: 'must be a whole number of minutes, 1 or more' },
  },
};

export type UserSettingName = keyof UserSettings;

export function isUserSettingName(name: string): name is UserSettingName {
  return Object.hasOwn(userSettings, name);
}

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
  const settings: Settings = { ...defaultSettings, signInFlows: flows };
  for (const name of Object.keys(userSettings) as UserSettingName[]) {
    const stored = input[name];
    if (stored === undefined) continue;
    if (typeof stored !== 'string' && typeof stored !== 'number' && typeof stored !== 'boolean') continue;
    const parsed = userSettings[name].parse(String(stored));
    if (typeof parsed !== 'object') Object.assign(settings, { [name]: parsed });
  }
  return settings;
}

/** Why a naming template cannot be used, or undefined when it can. */
function templateProblem(template: string): string | undefined {
  try {
    parseTemplate(template);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
