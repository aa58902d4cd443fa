import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** Every file and folder SSO Tray reads or writes, resolved once from the environment. */
export interface AppPaths {
  /** The user's home folder, as the AWS SDKs find it. */
  home: string;
  /** The AWS config file (`AWS_CONFIG_FILE`, else `~/.aws/config`). */
  awsConfigFile: string;
  /** The AWS shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`). */
  awsCredentialsFile: string;
  /** The AWS CLI's SSO token cache, hard-coded by the CLI and the SDKs to `~/.aws/sso/cache`. */
  awsSsoCacheDir: string;
  /** SSO Tray's own data (`SSO_TRAY_HOME`, else the Electron `userData` folder of the app `sso-tray`). */
  appHome: string;
}

export const appName = 'sso-tray';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Resolves the paths the way the AWS SDK for JavaScript does (aws-sso-reference.md §4.1): home is
 * `HOME`, then `USERPROFILE`, then `HOMEDRIVE`+`HOMEPATH`; a leading `~` in a file variable means
 * home. The CLI and the tray both call this, so they always agree on where things are.
 */
export function resolveAppPaths(env: Env, platform: NodeJS.Platform = process.platform): AppPaths {
  const path = platform === 'win32' ? win32 : posix;
  const home = nonEmpty(env.HOME) ?? nonEmpty(env.USERPROFILE) ?? joinedHomeDrive(env) ?? homedir();
  const expand = (file: string): string =>
    /^~([/\\]|$)/.test(file) ? path.join(home, file.slice(1)) : path.resolve(file);
  const awsFile = (variable: string | undefined, name: string): string =>
    nonEmpty(variable) === undefined ? path.join(home, '.aws', name) : expand(variable as string);
  return {
    home,
    awsConfigFile: awsFile(env.AWS_CONFIG_FILE, 'config'),
    awsCredentialsFile: awsFile(env.AWS_SHARED_CREDENTIALS_FILE, 'credentials'),
    awsSsoCacheDir: path.join(home, '.aws', 'sso', 'cache'),
    appHome:
      nonEmpty(env.SSO_TRAY_HOME) === undefined
        ? path.join(userDataRoot(env, home, platform), appName)
        : expand(env.SSO_TRAY_HOME as string),
  };
}

/** Electron's `appData` folder for each platform; `userData` is `appData/<app name>`. */
function userDataRoot(env: Env, home: string, platform: NodeJS.Platform): string {
  if (platform === 'win32') return nonEmpty(env.APPDATA) ?? win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support');
  return nonEmpty(env.XDG_CONFIG_HOME) ?? posix.join(home, '.config');
}

function joinedHomeDrive(env: Env): string | undefined {
  const drive = nonEmpty(env.HOMEDRIVE);
  const homePath = nonEmpty(env.HOMEPATH);
  return drive !== undefined && homePath !== undefined ? `${drive}${homePath}` : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
