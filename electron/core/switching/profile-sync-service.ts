import type { AppPaths } from '../app/app-paths';
import type { Settings } from '../app/settings';
import { editIniFile, readIniFile } from '../aws-files/config-file';
import type { InventoryService } from '../inventory/inventory-service';
import { syncProfiles, type SyncResult } from '../profiles/profile-sync';
import { unifiedDiff } from '../profiles/unified-diff';
import type { RoleRef } from '../credentials/role-credentials';
import type { SessionService } from '../sso/session-service';
import type { ProfileStyle } from './profile-style';

export interface ProfileSyncDeps {
  paths: AppPaths;
  settings: Settings;
  sessions: SessionService;
  inventory: InventoryService;
  profileStyle: ProfileStyle;
}

export interface ProfileSyncRequest {
  /** The naming template; the profileTemplate setting when absent. */
  template?: string;
  prune: boolean;
  /** Compute the change and its diff; write nothing. */
  dryRun: boolean;
}

export interface ProfileSyncOutcome extends SyncResult {
  session: string;
  /** The unified diff of the AWS config (what was, or with dryRun would be, written). */
  diff: string;
}

/**
 * One named profile per account and role of a session, written into that session's managed block
 * of the AWS config from its inventory (listed again first when missing or old).
 */
export class ProfileSyncService {
  constructor(private readonly deps: ProfileSyncDeps) {}

  async sync(name: string, request: ProfileSyncRequest): Promise<ProfileSyncOutcome> {
    const session = this.deps.sessions.session(name);
    const inventory = await this.deps.inventory.current(name);
    const options = {
      session,
      inventory,
      template: request.template ?? this.deps.settings.profileTemplate,
      prune: request.prune,
      credentialProcess: (role: RoleRef) => this.deps.profileStyle(role),
    };
    const path = this.deps.paths.awsConfigFile;
    if (request.dryRun) {
      const { document, text } = await readIniFile(path);
      const result = syncProfiles(document, options);
      return { ...result, session: name, diff: unifiedDiff(path, text, document.serialize()) };
    }
    let diff = '';
    const result = await editIniFile(path, (document) => {
      const before = document.serialize();
      const synced = syncProfiles(document, options);
      diff = unifiedDiff(path, before, document.serialize());
      return { changed: synced.changed, result: synced };
    });
    return { ...result, session: name, diff };
  }
}
