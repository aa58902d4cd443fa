// The Electron main process: a thin shell over electron/core. It owns the app lifecycle and the
// window, and (with the tray-app work) renders the core's snapshot into the tray and notifications.
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { resolveAppPaths } from '../core/app/app-paths';
import { secureWindowOptions } from './window-options';

const paths = resolveAppPaths(process.env);
// The CLI resolves the same folder, so app and CLI share their data (SSO_TRAY_HOME or userData).
app.setPath('userData', paths.appHome);

let window: BrowserWindow | undefined;

function showWindow(): void {
  if (!window) {
    window = new BrowserWindow(secureWindowOptions(join(__dirname, '../preload/preload.cjs')));
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.webContents.on('will-navigate', (event) => {
      event.preventDefault();
    });
    window.once('ready-to-show', () => window?.show());
    window.on('closed', () => {
      window = undefined;
    });
    void window.loadFile(join(__dirname, '../renderer/index.html'));
    return;
  }
  window.show();
  window.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  void app.whenReady().then(() => {
    if (process.platform === 'darwin') app.dock?.hide();
    showWindow();
  });
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => undefined);
}
