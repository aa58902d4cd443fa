// The tray's intents reach the core: a real core against the emulator, the Electron shell replaced
// by a recorder of what it was asked to do.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorPayload } from '../../shared/error-code';
import { AppState } from '../../electron/core/app/app-state';
import { createIntentDispatcher, type ShellPorts } from '../../electron/main/app/intent-dispatcher';
import type { Emulator } from '../emulator';
import { type TempHome } from '../support/temp-home';
import { startEmulatorCore } from '../support/emulator-core';

let emulator: Emulator;
let home: TempHome;
let state: AppState;

afterEach(async () => {
  state.dispose();
  await emulator.close();
  await home.dispose();
});

function recordingShell() {
  const calls: string[] = [];
  const opened: string[] = [];
  const clipboard: string[] = [];
  const errors: ErrorPayload[] = [];
  const shell: ShellPorts = {
    openSwitcher: () => calls.push('switcher'),
    openSettings: () => calls.push('settings'),
    openAddSession: () => calls.push('add-session'),
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    writeClipboard: (text) => clipboard.push(text),
    showError: (error) => errors.push(error),
    quit: () => calls.push('quit'),
  };
  return { shell, calls, opened, clipboard, errors };
}

async function setUp() {
  const rig = await startEmulatorCore({ accounts: 2, rolesPerAccount: 2 });
  ({ emulator, home } = rig);
  const { core } = rig;
  core.settings.signInFlows.corp = 'device-code';
  state = new AppState(core);
  await state.load();
  const recorder = recordingShell();
  return { core, dispatch: createIntentDispatcher(core, state, recorder.shell), ...recorder };
}

describe('the intent dispatcher', () => {
  it('signs in, lists, switches, copies exports and opens the console through the core', async () => {
    const { dispatch, opened, clipboard, errors } = await setUp();
    await dispatch({ kind: 'sign-in', session: 'corp' });
    await dispatch({ kind: 'refresh-accounts', session: 'corp' });
    const account = state.inventory('corp')?.accounts[0];
    if (!account) throw new Error('no accounts listed');
    const role = {
      session: 'corp',
      accountId: account.accountId,
      accountName: account.accountName,
      roleName: account.roles[0] ?? '',
    };

    await dispatch({ kind: 'use', role });
    expect(await readFile(home.env.AWS_CONFIG_FILE ?? '', 'utf8')).toContain(
      `sso_account_id = ${role.accountId}`,
    );
    expect(state.snapshot().active).toMatchObject({ accountId: role.accountId, roleName: role.roleName });

    await dispatch({ kind: 'copy-exports', role });
    const keyId = /^export AWS_ACCESS_KEY_ID=(\S+)$/m.exec(clipboard[0] ?? '')?.[1] ?? '';
    expect(emulator.findIssuedCredentials(keyId)).toEqual({
      accountId: role.accountId,
      roleName: role.roleName,
    });

    await dispatch({ kind: 'open-console', role });
    expect((await fetch(opened[0] ?? '', { redirect: 'manual' })).status).toBe(302);
    expect(emulator.consoleLogins).toMatchObject([{ accountId: role.accountId, roleName: role.roleName }]);
    expect(errors).toEqual([]);
  });

  it('routes window intents to the shell, and reports a failure as the core words it', async () => {
    const { dispatch, calls, errors, opened } = await setUp();
    await dispatch({ kind: 'open-switcher' });
    await dispatch({ kind: 'open-settings' });
    await dispatch({ kind: 'add-session' });
    await dispatch({ kind: 'quit' });
    expect(calls).toEqual(['switcher', 'settings', 'add-session', 'quit']);
    await dispatch({
      kind: 'open-console',
      role: { session: 'corp', accountId: '111111111111', accountName: 'x', roleName: 'Admin' },
    });
    expect(opened).toEqual([]);
    expect(errors).toEqual([
      { code: 'NotSignedIn', message: 'Not signed in to "corp". Run: sso-tray login corp' },
    ]);
  });
});
