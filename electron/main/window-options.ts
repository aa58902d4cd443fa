import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The locked-down options every SSO Tray window is created with (architecture.md rule 4): the
 * renderer gets no Node, runs sandboxed and isolated, and sees only the preload API.
 */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 420,
    height: 520,
    show: false,
    title: 'SSO Tray',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  };
}
