import type { Inventory } from '../../../shared/inventory';
import type { ActiveChoice } from '../../../shared/session-snapshot';
import { AppError } from '../app/app-error';
import type { AppPaths } from '../app/app-paths';
import type { Clock } from '../app/clock';
import type { Settings } from '../app/settings';
import { editIniFile, readIniFile } from '../aws-files/config-file';
import type { InventoryService } from '../inventory/inventory-service';
import { managedProfiles } from '../profiles/managed-block';
import { staticKeysShadowing, switchProfile } from '../profiles/profile-switch';
import type { SessionService } from '../sso/session-service';
import type { ChoiceStore } from './choice-store';
import type { ProfileStyle } from './profile-style';
import { resolveSelector, type RoleChoice } from './role-selector';

export interface SwitchDeps {
  paths: AppPaths;
  settings: Settings;
  sessions: SessionService;
  inventory: InventoryService;
  choices: ChoiceStore;
  clock: Clock;
  profileStyle: ProfileStyle;
}

export interface SwitchOptions {
  /** The profile to point at the role; the targetProfile setting (`default`) when absent. */
  profile?: string;
  /** Written as the profile's `region` when given. */
  region?: string;
}

export interface SwitchOutcome {
  choice: RoleChoice;
  profile: string;
  /** False when the profile already pointed there (the file was not written). */
  changed: boolean;
  /** Keys taken out of the profile because they would have overridden SSO. */
  removed: string[];
  /** Static keys the credentials file sets for the same profile: they still win for the JS SDK. */
  shadowedBy: string[];
}

/**
 * Switching the active role: resolving what the user named, pointing a profile of the AWS config
 * at it (through the locked, atomic editor), and remembering the choice.
 */
export class SwitchService {
  constructor(private readonly deps: SwitchDeps) {}

  /**
   * The role a selector names, among the cached inventories of the sessions asked about. When
   * nothing matches and an inventory is missing or old, those are listed again and it is tried once
   * more: a new account should not need a manual refresh.
   */
  async resolve(selector: string, session?: string): Promise<RoleChoice> {
    const names = session === undefined ? this.deps.sessions.list().map((s) => s.name) : [session];
    if (session !== undefined) this.deps.sessions.session(session); // unknown: fails with the list
    const { document } = await readIniFile(this.deps.paths.awsConfigFile);
    const managed = managedProfiles(document);
    const inventories = new Map<string, Inventory>();
    for (const name of names) {
      const cached = await this.deps.inventory.cached(name);
      if (cached) inventories.set(name, cached);
    }
    const sources = () => ({
      inventories: [...inventories.values()],
      managed,
      template: this.deps.settings.profileTemplate,
    });
    try {
      return resolveSelector(selector, sources());
    } catch (error) {
      const outdated = names.filter((name) => {
        const known = inventories.get(name);
        return !known || this.deps.inventory.isStale(known);
      });
      if (!(error instanceof AppError) || outdated.length === 0) throw error;
      let refreshed = false;
      for (const name of outdated) {
        try {
          inventories.set(name, (await this.deps.inventory.refresh(name)).inventory);
          refreshed = true;
        } catch (refreshError) {
          // A session that is signed out cannot be listed; say so only when nothing else is known.
          if (inventories.size === 0 && names.length === 1) throw refreshError;
        }
      }
      if (!refreshed) throw error;
      return resolveSelector(selector, sources());
    }
  }

  /** Resolves a selector and switches to it. */
  async use(selector: string, options: SwitchOptions & { session?: string } = {}): Promise<SwitchOutcome> {
    return this.switchTo(await this.resolve(selector, options.session), options);
  }

  /** Points the profile at the role, keeping everything else in the file, and remembers the choice. */
  async switchTo(choice: RoleChoice, options: SwitchOptions = {}): Promise<SwitchOutcome> {
    const session = this.deps.sessions.session(choice.session);
    const profile = options.profile ?? this.deps.settings.targetProfile;
    const { changed, removed } = await editIniFile(this.deps.paths.awsConfigFile, (document) => {
      const credentialProcess = this.deps.profileStyle(choice);
      const result = switchProfile(document, {
        profile,
        session,
        accountId: choice.accountId,
        roleName: choice.roleName,
        ...(credentialProcess === undefined ? {} : { credentialProcess }),
        ...(options.region === undefined ? {} : { region: options.region }),
      });
      return { changed: result.changed, result };
    });
    const credentials = await readIniFile(this.deps.paths.awsCredentialsFile).catch(() => undefined);
    const shadowedBy = credentials ? staticKeysShadowing(credentials.document, profile) : [];
    const active: ActiveChoice = {
      profile,
      session: choice.session,
      accountId: choice.accountId,
      roleName: choice.roleName,
    };
    await this.deps.choices.remember(
      active,
      choice.accountName,
      new Date(this.deps.clock.now()).toISOString(),
    );
    return { choice, profile, changed, removed, shadowedBy };
  }
}
