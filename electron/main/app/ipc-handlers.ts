import type { SettingUpdate, SettingsView } from '../../../shared/ipc-contract';
import type { RoleEntry } from '../../../shared/session-snapshot';
import { AppError } from '../../core/app/app-error';
import type { AppState } from '../../core/app/app-state';
import type { Core } from '../../core/app/create-core';
import { userSettings, type Settings } from '../../core/app/settings';
import { formatCredentials } from '../../core/credentials/credential-formats';
import type { IpcHandlers } from '../ipc/ipc-router';

/** What the handlers need of the Electron shell. */
export interface HandlerShell {
  openExternal(url: string): Promise<void>;
  writeClipboard(text: string): void;
  hideWindow(): void;
  /** A setting the running app acts on changed (shortcut, launch at login, notification lead). */
  settingChanged(name: SettingUpdate['name']): void;
}

/**
 * The window's requests, answered by the core: each handler is a line or two that calls a core
 * service (the router has already checked the sender and the payload).
 */
export function createIpcHandlers(core: Core, state: AppState, shell: HandlerShell): IpcHandlers {
  const signIns = new Map<string, AbortController>();
  /** The role with its account's name, as the inventory knows it. */
  const role = (ref: { session: string; accountId: string; roleName: string }): RoleEntry => ({
    ...ref,
    accountName:
      state.inventory(ref.session)?.accounts.find((account) => account.accountId === ref.accountId)
        ?.accountName ?? ref.accountId,
  });

  return {
    getSnapshot: () => state.snapshot(),
    getInventory: ({ session }) => state.inventory(session),
    async signIn({ session, flow }) {
      signIns.get(session)?.abort();
      const stop = new AbortController();
      signIns.set(session, stop);
      const legacy = core.sessions.session(session).legacy;
      const chosen = legacy ? 'device-code' : (flow ?? core.settings.signInFlows[session] ?? 'pkce');
      try {
        await core.sessions.signIn(session, { flow: chosen, signal: stop.signal });
      } finally {
        if (signIns.get(session) === stop) signIns.delete(session);
      }
    },
    cancelSignIn({ session }) {
      signIns.get(session)?.abort();
    },
    signOut: ({ session }) => core.logout(session),
    async removeSession({ session }) {
      await core.removeSession(session);
      await state.load();
    },
    async addSession({ name, startUrl, region }) {
      await core.addSession(name, startUrl, region);
      await state.load();
    },
    async refreshAccounts({ session }) {
      const { changes } = await state.refreshAccounts(session);
      return { added: changes.added.length, removed: changes.removed.length };
    },
    async useRole({ region, ...ref }) {
      const outcome = await state.use(role(ref), region === undefined ? {} : { region });
      return {
        profile: outcome.profile,
        changed: outcome.changed,
        removed: outcome.removed,
        shadowedBy: outcome.shadowedBy,
      };
    },
    async openConsole({ region, service, portal, ...ref }) {
      const url = await core.console.urlFor(role(ref), {
        ...(region === undefined ? {} : { region }),
        ...(service === undefined ? {} : { service }),
        ...(portal === undefined ? {} : { portal }),
      });
      await shell.openExternal(url);
    },
    async copyShellExports(ref) {
      shell.writeClipboard(formatCredentials(await core.credentials.get(ref), 'env'));
    },
    setFavourite: ({ favourite, ...ref }) => state.setFavourite(role(ref), favourite),
    getSettings: () => settingsView(core.settings),
    async updateSetting(update) {
      const parsed = userSettings[update.name].parse(String(update.value));
      if (typeof parsed === 'object') throw new AppError('InvalidInput', `${update.name} ${parsed.problem}.`);
      await core.settingsStore.update((stored) => Object.assign(stored, { [update.name]: parsed }));
      Object.assign(core.settings, { [update.name]: parsed });
      shell.settingChanged(update.name);
    },
    async syncProfiles({ session, prune, dryRun }) {
      const names = session === undefined ? core.sessions.list().map((known) => known.name) : [session];
      const total = { added: 0, updated: 0, removed: 0, diff: '' };
      for (const name of names) {
        const outcome = await core.profiles.sync(name, { prune, dryRun });
        total.added += outcome.added.length;
        total.updated += outcome.updated.length;
        total.removed += outcome.removed.length;
        total.diff += outcome.diff;
      }
      return total;
    },
    hideWindow() {
      shell.hideWindow();
    },
  };
}

function settingsView(settings: Settings): SettingsView {
  const { signInFlows: _flows, ...view } = settings;
  return view;
}
