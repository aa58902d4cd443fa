import type { ErrorPayload } from '../../../shared/error-code';
import type { AppState } from '../../core/app/app-state';
import { isAppError } from '../../core/app/app-error';
import type { Core } from '../../core/app/create-core';
import { formatCredentials } from '../../core/credentials/credential-formats';
import type { TrayIntent } from '../tray/tray-intent';

/** What the Electron shell does for an intent the core cannot: windows, the clipboard, quitting. */
export interface ShellPorts {
  openSwitcher(): void;
  openSettings(): void;
  /** Opens the window on the form that adds a session. */
  openAddSession(): void;
  /** Opens an AWS URL in the user's browser (after the allow-list check). */
  openExternal(url: string): Promise<void>;
  writeClipboard(text: string): void;
  /** Tells the user what went wrong (a notification), in the core's own words. */
  showError(error: ErrorPayload): void;
  quit(): void;
}

/**
 * Turns a menu click (or a shortcut) into a call on the core. The only place the tray's intents
 * meet the domain; it decides nothing itself. Failures become one message for the user, never an
 * unhandled rejection.
 */
export function createIntentDispatcher(
  core: Core,
  state: AppState,
  shell: ShellPorts,
): (intent: TrayIntent) => Promise<void> {
  const run = async (intent: TrayIntent): Promise<void> => {
    switch (intent.kind) {
      case 'use':
        await state.use(intent.role);
        return;
      case 'open-console':
        await shell.openExternal(await core.console.urlFor(intent.role));
        return;
      case 'copy-exports':
        shell.writeClipboard(formatCredentials(await core.credentials.get(intent.role), 'env'));
        return;
      case 'sign-in': {
        const flow = core.settings.signInFlows[intent.session] ?? 'pkce';
        const session = core.sessions.session(intent.session);
        await core.sessions.signIn(intent.session, { flow: session.legacy ? 'device-code' : flow });
        return;
      }
      case 'sign-out':
        await core.logout(intent.session);
        return;
      case 'refresh-accounts':
        await state.refreshAccounts(intent.session);
        return;
      case 'open-switcher':
        shell.openSwitcher();
        return;
      case 'open-settings':
        shell.openSettings();
        return;
      case 'add-session':
        shell.openAddSession();
        return;
      case 'quit':
        shell.quit();
        return;
    }
  };
  return async (intent) => {
    try {
      await run(intent);
    } catch (error) {
      shell.showError(
        isAppError(error)
          ? error.toPayload()
          : { code: 'Internal', message: 'Something went wrong in SSO Tray; try again.' },
      );
    }
  };
}
