import { AwsCliTokenCache } from '../aws-files/aws-cli-token-cache';
import {
  addSsoSession,
  findSsoSessionSection,
  readSsoSessions,
  type SsoConfigView,
} from '../aws-files/aws-config';
import { editIniFile, readIniFile } from '../aws-files/config-file';
import { ConsoleService } from '../console/console-service';
import { RoleCredentialCache } from '../credentials/role-credential-cache';
import { RoleCredentialService } from '../credentials/role-credential-service';
import { InventoryCache } from '../inventory/inventory-cache';
import { InventoryService } from '../inventory/inventory-service';
import { createPortalClient, portalLogout } from '../portal/portal-client';
import { appKeychain } from '../secrets/app-keychain';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import type { SecretStore } from '../secrets/secret-store';
import { ClientRegistrar } from '../sso/client-registration';
import { createOidcClient } from '../sso/oidc-client';
import { SessionService } from '../sso/session-service';
import { TokenVault } from '../sso/token-vault';
import { ChoiceStore } from '../switching/choice-store';
import { profileStyleFor } from '../switching/profile-style';
import { ProfileSyncService } from '../switching/profile-sync-service';
import { SwitchService } from '../switching/switch-service';
import { AppError } from './app-error';
import { resolveAppPaths, type AppPaths } from './app-paths';
import { systemClock, type Clock } from './clock';
import { SettingsStore, type Settings } from './settings';
import { SystemUrlOpener, type UrlOpener } from './url-opener';

export interface CoreOptions {
  env: Readonly<Record<string, string | undefined>>;
  clock?: Clock;
  /** The keychain; tests may pass another SecretStore. Defaults to the OS keychain. */
  keychain?: SecretStore;
  opener?: UrlOpener;
  platform?: NodeJS.Platform;
  /**
   * How to run sso-tray itself (absolute node and script paths, or the app's binary): written into
   * credential_process lines when tokens stay in the keychain only.
   */
  selfCommand?: readonly string[];
}

/** Everything the tray and the CLI use, built from the environment (the composition root). */
export interface Core {
  paths: AppPaths;
  settings: Settings;
  settingsStore: SettingsStore;
  sessions: SessionService;
  inventory: InventoryService;
  credentials: RoleCredentialService;
  console: ConsoleService;
  /** Opens URLs: `$BROWSER` when set, else the system's browser. */
  opener: UrlOpener;
  switcher: SwitchService;
  profiles: ProfileSyncService;
  choices: ChoiceStore;
  /** Re-reads the AWS config and the tokens; returns sections that lack required keys. */
  reload(): Promise<SsoConfigView>;
  /** Adds `[sso-session NAME]` to the AWS config unless it exists; refuses a conflicting one. */
  addSession(name: string, startUrl: string, region: string): Promise<boolean>;
  logout(name: string): Promise<void>;
  /**
   * Signs out of a session and takes its `[sso-session]` section out of the AWS config (profiles
   * that name it stay: they are the user's). Legacy sessions live in profiles and are refused.
   */
  removeSession(name: string): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const paths = resolveAppPaths(options.env, options.platform);
  const clock = options.clock ?? systemClock;
  const settingsStore = new SettingsStore(paths.appHome);
  const settings = await settingsStore.read();
  const platform = options.platform ?? process.platform;
  const keychain = appKeychain(settings, platform, options.keychain);
  const vault = new TokenVault(
    keychain,
    new AwsCliTokenCache(paths.awsSsoCacheDir),
    settings.awsCliCacheMirror,
  );
  const opener = options.opener ?? new SystemUrlOpener(options.env, platform);
  // Without the keychain, registrations live for the process only (never in a plain app file).
  const registrar = new ClientRegistrar(keychain ?? new MemorySecretStore(), clock);
  const sessions = new SessionService({
    clock,
    vault,
    registrar,
    opener,
    env: options.env,
    oidcClient: (region) => createOidcClient(region, options.env),
    rememberFlow: async (session, flow) => {
      if (settings.signInFlows[session] === flow) return;
      settings.signInFlows[session] = flow;
      await settingsStore.update((stored) => {
        stored.signInFlows[session] = flow;
      });
    },
  });

  const inventory = new InventoryService({
    sessions,
    cache: new InventoryCache(paths.appHome),
    clock,
    portalClient: (region) => createPortalClient(region, options.env, 1),
    maxAgeMs: settings.inventoryMaxAgeMinutes * 60_000,
  });

  const credentials = new RoleCredentialService({
    sessions,
    cache: new RoleCredentialCache(keychain, clock),
    portalClient: (region) => createPortalClient(region, options.env),
  });
  const consoleService = new ConsoleService({ sessions, credentials, settings, env: options.env });
  const choices = new ChoiceStore(paths.appHome);
  const profileStyle = profileStyleFor(settings, options.selfCommand);
  const switcher = new SwitchService({ paths, settings, sessions, inventory, choices, clock, profileStyle });
  const profiles = new ProfileSyncService({ paths, settings, sessions, inventory, profileStyle });

  const reload = async (): Promise<SsoConfigView> => {
    const view = readSsoSessions((await readIniFile(paths.awsConfigFile)).document);
    await sessions.load(view.sessions);
    return view;
  };
  await reload();

  const logout = async (name: string): Promise<void> => {
    await sessions.logout(name, (session, accessToken) =>
      portalLogout(session.region, accessToken, options.env),
    );
    await credentials.forget(name);
  };

  return {
    paths,
    settings,
    settingsStore,
    sessions,
    inventory,
    credentials,
    console: consoleService,
    opener,
    switcher,
    profiles,
    choices,
    reload,
    async removeSession(name) {
      const session = sessions.session(name);
      if (session.legacy)
        throw new AppError(
          'InvalidInput',
          `${name} comes from profiles with sso_start_url, not an [sso-session] section: edit those profiles in ${paths.awsConfigFile} to remove it.`,
        );
      await logout(name).catch(() => undefined); // signed out or not, the section goes
      await editIniFile(paths.awsConfigFile, (document) => {
        const section = findSsoSessionSection(document, name);
        if (section) document.removeSectionEntries(section);
        return { changed: section !== undefined, result: undefined };
      });
      await reload();
    },
    async addSession(name, startUrl, region) {
      const added = await editIniFile(paths.awsConfigFile, (document) => {
        const existing = findSsoSessionSection(document, name);
        if (existing) {
          const entries = document.entries(existing);
          if (entries.get('sso_start_url') !== startUrl || entries.get('sso_region') !== region) {
            throw new AppError(
              'ConfigConflict',
              `[sso-session ${name}] already exists with start URL ${entries.get('sso_start_url') ?? '(none)'} and region ${entries.get('sso_region') ?? '(none)'}; use another name, or leave out --start-url and --region`,
            );
          }
          return { changed: false, result: false };
        }
        return { changed: addSsoSession(document, name, startUrl, region), result: true };
      });
      await reload();
      return added;
    },
    logout,
  };
}
