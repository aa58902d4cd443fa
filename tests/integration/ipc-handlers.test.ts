// The window's requests against a real core and the emulator (the router and the preload are
// tested on their own): every handler reaches the core and answers in the contract's shape.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { AppState } from '../../electron/core/app/app-state';
import { SettingsStore } from '../../electron/core/app/settings';
import { createIpcHandlers } from '../../electron/main/app/ipc-handlers';
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

async function setUp(knobs = {}) {
  const rig = await startEmulatorCore({ accounts: 2, rolesPerAccount: 2, knobs });
  ({ emulator, home } = rig);
  const { core } = rig;
  state = new AppState(core);
  await state.load();
  const shell = { opened: [] as string[], clipboard: [] as string[], hidden: 0, changed: [] as string[] };
  const handlers = createIpcHandlers(core, state, {
    openExternal: (url) => {
      shell.opened.push(url);
      return Promise.resolve();
    },
    writeClipboard: (text) => shell.clipboard.push(text),
    hideWindow: () => {
      shell.hidden++;
    },
    settingChanged: (name) => shell.changed.push(name),
  });
  return { core, handlers, shell };
}

describe('the IPC handlers', () => {
  it('sign in, list, switch, star, copy, open the console and sync profiles', async () => {
    const { handlers, shell } = await setUp();
    await handlers.signIn({ session: 'corp', flow: 'device-code' });
    expect((await handlers.refreshAccounts({ session: 'corp' })).added).toBe(4);
    const inventory = await handlers.getInventory({ session: 'corp' });
    const account = inventory?.accounts[0];
    if (!account) throw new Error('no accounts');
    const ref = { session: 'corp', accountId: account.accountId, roleName: account.roles[0] ?? '' };
    expect(await handlers.useRole(ref)).toEqual({
      profile: 'default',
      changed: true,
      removed: [],
      shadowedBy: [],
    });
    await handlers.setFavourite({ ...ref, favourite: true });
    const snapshot = await handlers.getSnapshot(undefined);
    expect(snapshot.active).toMatchObject({ ...ref, accountName: account.accountName });
    expect(snapshot.favourites).toEqual([{ ...ref, accountName: account.accountName }]);
    await handlers.copyShellExports(ref);
    expect(shell.clipboard[0]).toMatch(/^export AWS_ACCESS_KEY_ID=/);
    await handlers.openConsole({ ...ref, service: 'ec2' });
    expect(new URL(shell.opened[0] ?? '').searchParams.get('Destination')).toBe(
      'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1',
    );
    const synced = await handlers.syncProfiles({ prune: false, dryRun: false });
    expect(synced).toMatchObject({ added: 4, updated: 0, removed: 0 });
    expect(synced.diff).toContain('+# >>> sso-tray profiles for sso-session corp');
    await handlers.hideWindow(undefined);
    expect(shell.hidden).toBe(1);
  });

  it('change settings through the core rules, and refuse what they refuse', async () => {
    const { handlers, shell, core } = await setUp();
    await handlers.updateSetting({ name: 'notificationLeadMinutes', value: 30 });
    await handlers.updateSetting({ name: 'theme', value: 'dark' });
    expect(await handlers.getSettings(undefined)).toMatchObject({
      notificationLeadMinutes: 30,
      theme: 'dark',
      targetProfile: 'default',
    });
    expect((await new SettingsStore(core.paths.appHome).read()).theme).toBe('dark');
    expect(shell.changed).toEqual(['notificationLeadMinutes', 'theme']);
    await expect(handlers.updateSetting({ name: 'targetProfile', value: 'bad name' })).rejects.toMatchObject({
      code: 'InvalidInput',
    });
    await expect(
      handlers.updateSetting({ name: 'profileTemplate', value: '{nothing}' }),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
  });

  it('cancel a sign-in that waits for the browser, and add a session to the AWS config', async () => {
    const { handlers } = await setUp({ autoApprove: false });
    const signingIn = handlers.signIn({ session: 'corp', flow: 'device-code' });
    await expect
      .poll(async () => (await handlers.getSnapshot(undefined)).sessions[0]?.status)
      .toBe('signing-in');
    await handlers.cancelSignIn({ session: 'corp' });
    await expect(signingIn).rejects.toMatchObject({ code: 'Cancelled' });
    await handlers.addSession({
      name: 'lab',
      startUrl: 'https://d-9999999999.awsapps.com/start',
      region: 'eu-west-1',
    });
    expect(await readFile(home.env.AWS_CONFIG_FILE ?? '', 'utf8')).toContain('[sso-session lab]');
    expect((await handlers.getSnapshot(undefined)).sessions.map((session) => session.name)).toEqual([
      'corp',
      'lab',
    ]);
  });

  it('use the console defaults, write profiles after each listing when asked, and remove a session', async () => {
    const { handlers, shell } = await setUp();
    await handlers.signIn({ session: 'corp', flow: 'device-code' });
    await handlers.updateSetting({ name: 'consoleRegion', value: 'eu-central-1' });
    await handlers.updateSetting({ name: 'consoleDestination', value: 's3' });
    await handlers.updateSetting({ name: 'profileSyncAuto', value: true });
    await handlers.refreshAccounts({ session: 'corp' });
    expect(await readFile(home.env.AWS_CONFIG_FILE ?? '', 'utf8')).toContain(
      '# >>> sso-tray profiles for sso-session corp',
    );
    const account = (await handlers.getInventory({ session: 'corp' }))?.accounts[0];
    await handlers.openConsole({
      session: 'corp',
      accountId: account?.accountId ?? '',
      roleName: account?.roles[0] ?? '',
    });
    expect(new URL(shell.opened[0] ?? '').searchParams.get('Destination')).toBe(
      'https://eu-central-1.console.aws.amazon.com/s3/home?region=eu-central-1',
    );
    await expect(handlers.updateSetting({ name: 'consoleRegion', value: 'mars-1' })).rejects.toMatchObject({
      code: 'InvalidInput',
    });

    await handlers.removeSession({ session: 'corp' });
    const config = await readFile(home.env.AWS_CONFIG_FILE ?? '', 'utf8');
    expect(config).not.toContain('[sso-session corp]');
    expect(config).toContain('# >>> sso-tray profiles for sso-session corp'); // the user's profiles stay
    expect((await handlers.getSnapshot(undefined)).sessions).toEqual([]);
  });
});
