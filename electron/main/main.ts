// The Electron main process: a thin shell over electron/core. It renders the core's snapshot into
// the tray, the switcher window and notifications, and turns clicks, shortcuts and IPC requests
// into core calls. It holds no domain logic: every decision is the core's.
import { join } from 'node:path';
import { app, clipboard, globalShortcut, ipcMain, net, Notification, powerMonitor, shell } from 'electron';
import { AppState } from '../core/app/app-state';
import { resolveAppPaths } from '../core/app/app-paths';
import { systemClock } from '../core/app/clock';
import { createCore } from '../core/app/create-core';
import { ExpiryNotifier } from '../core/notifications/expiry-notifier';
import { RefreshScheduler } from '../core/sso/refresh-scheduler';
import { createExternalOpener } from './app/external-opener';
import { createIntentDispatcher } from './app/intent-dispatcher';
import { createIpcHandlers } from './app/ipc-handlers';
import { SwitcherWindow } from './app/switcher-window';
import { createViewOpener } from './app/view-opener';
import { TrayController } from './app/tray-controller';
import { createEventPublisher } from './ipc/event-publisher';
import { registerIpcRouter } from './ipc/ipc-router';
import { createTrustedSenderCheck, rendererFileUrl } from './ipc/trusted-sender';
import { hardenWebContents } from './security/harden-web-contents';
import { devToolsAllowed } from './window-options';

const paths = resolveAppPaths(process.env);
// The CLI resolves the same folder, so app and CLI share their data (SSO_TRAY_HOME or userData).
app.setPath('userData', paths.appHome);

if (!app.requestSingleInstanceLock()) app.quit();
else void app.whenReady().then(start);

async function start(): Promise<void> {
  if (process.platform === 'darwin') app.dock?.hide();
  const indexHtml = join(__dirname, '../renderer/index.html');
  const core = await createCore({
    env: process.env,
    opener: { open: (url) => openExternal(url) },
  });
  const startUrls = (): string[] => core.sessions.list().map((session) => session.startUrl);
  const openExternal = createExternalOpener((url) => shell.openExternal(url), startUrls, process.env);
  const state = new AppState(core);
  await state.load();

  const scheduler = new RefreshScheduler(core.sessions, systemClock);
  scheduler.start();

  const switcher = new SwitcherWindow(
    join(__dirname, '../preload/preload.cjs'),
    indexHtml,
    () => tray.bounds(),
    devToolsAllowed(app.isPackaged, process.env),
  );
  const publish = createEventPublisher(() => switcher.webContents);
  const openView = createViewOpener(switcher, publish);
  const notifyError = (message: string): void => {
    new Notification({ title: 'SSO Tray', body: message }).show();
  };
  const dispatch = createIntentDispatcher(core, state, {
    openSwitcher: () => {
      openView('main');
    },
    openSettings: () => {
      openView('settings');
    },
    openAddSession: () => {
      openView('add-session');
    },
    openExternal,
    writeClipboard: (text) => {
      void clipboard.writeText(text);
    },
    showError: (error) => {
      notifyError(error.message);
    },
    quit: () => {
      app.quit();
    },
  });
  const iconsFolder = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'build');
  const tray = new TrayController(
    state,
    (intent) => {
      void dispatch(intent);
    },
    iconsFolder,
    () => core.settings.globalShortcut,
  );
  tray.start();

  const notifier = new ExpiryNotifier({
    clock: systemClock,
    leadMs: () => core.settings.notificationLeadMinutes * 60_000,
    notify: (notice) => {
      const notification = new Notification({ title: notice.title, body: notice.body });
      notification.on('click', () => {
        void dispatch({ kind: 'sign-in', session: notice.action.session });
      });
      notification.show();
    },
  });

  state.onDidChange(() => {
    const snapshot = state.snapshot();
    notifier.update(snapshot.sessions);
    publish('snapshot', snapshot);
  });
  notifier.update(state.snapshot().sessions);

  const applySettings = (): void => {
    globalShortcut.unregisterAll();
    const accelerator = core.settings.globalShortcut;
    if (accelerator)
      globalShortcut.register(accelerator, () => {
        openView('main');
      });
    app.setLoginItemSettings({ openAtLogin: core.settings.launchAtLogin });
    notifier.update(state.snapshot().sessions);
    tray.render();
  };
  applySettings();

  const stopRouter = registerIpcRouter(
    ipcMain,
    createIpcHandlers(core, state, {
      openExternal,
      writeClipboard: (text) => {
        void clipboard.writeText(text);
      },
      hideWindow: () => {
        switcher.hide();
      },
      settingChanged: applySettings,
    }),
    createTrustedSenderCheck({
      contents: () => switcher.webContents,
      rendererUrl: rendererFileUrl(indexHtml),
    }),
  );
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal, startUrls });
  });

  // After sleep, or when the network comes back: refresh what is due and warn about what passed,
  // silently (a browser opens only on the user's click).
  const catchUp = (): void => {
    scheduler.rescheduleAll();
    notifier.resumed();
    void state.refreshStale();
  };
  powerMonitor.on('resume', catchUp);
  // Electron's main process has no "online" event: look every 30 s (a cheap local check).
  let online = net.isOnline();
  const networkWatch = setInterval(() => {
    const now = net.isOnline();
    if (now && !online) catchUp();
    online = now;
  }, 30_000);
  app.on('second-instance', () => {
    switcher.show();
  });
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => undefined);
  app.on('will-quit', () => {
    clearInterval(networkWatch);
    globalShortcut.unregisterAll();
    stopRouter();
    notifier.dispose();
    scheduler.stop();
    tray.stop();
    switcher.destroy();
    state.dispose();
  });
  void state.refreshStale();
}
