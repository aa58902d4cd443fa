import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

/** Where developer tools are allowed: unpackaged builds, or a packaged one run with `SSO_TRAY_DEVTOOLS=1`. */
export function devToolsAllowed(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return !isPackaged || env.SSO_TRAY_DEVTOOLS === '1';
}

export interface WindowSecurityOptions {
  /** Whether the developer tools may open; see `devToolsAllowed`. Off unless asked for. */
  devTools?: boolean;
}

/**
 * The locked-down web preferences of every SSO Tray window (architecture.md rule 4): the renderer
 * gets no Node, runs sandboxed and isolated, sees only the preload API, and can attach no
 * `<webview>`.
 */
export function secureWebPreferences(
  preloadPath: string,
  options: WindowSecurityOptions = {},
): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: options.devTools ?? false,
  };
}

/** The options of a plain SSO Tray window (settings and the like), hidden until ready. */
export function secureWindowOptions(
  preloadPath: string,
  options: WindowSecurityOptions = {},
): BrowserWindowConstructorOptions {
  return {
    width: 420,
    height: 520,
    show: false,
    title: 'SSO Tray',
    webPreferences: secureWebPreferences(preloadPath, options),
  };
}

/** The account switcher's size: small enough to sit by the tray on a 1280×720 screen. */
export const switcherWindowSize = { width: 380, height: 480 } as const;

/**
 * The account switcher (issue 6 item 4): a small frameless panel by the tray, above other windows,
 * not in the taskbar, fixed in size, and opaque (a transparent frameless window needs a compositor
 * on Linux and loses its shadow on Windows).
 */
export function switcherWindowOptions(
  preloadPath: string,
  position: { x: number; y: number },
  options: WindowSecurityOptions = {},
): BrowserWindowConstructorOptions {
  return {
    ...switcherWindowSize,
    x: position.x,
    y: position.y,
    show: false,
    frame: false,
    transparent: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'SSO Tray',
    webPreferences: secureWebPreferences(preloadPath, options),
  };
}

/** The gap between the tray icon and the window, in pixels. */
const trayGap = 4;

/**
 * Where the switcher goes: centred under a tray icon in the top half of the work area (the macOS
 * menu bar, a top panel), centred over one in the bottom half (the Windows taskbar), and centred
 * in the work area when the tray's bounds are unknown (Linux reports an empty rectangle). The
 * result always lies inside the work area when the window fits in it.
 */
export function positionNearTray(
  trayBounds: Rectangle | undefined,
  windowSize: { width: number; height: number },
  workArea: Rectangle,
): { x: number; y: number } {
  const known = trayBounds !== undefined && trayBounds.width > 0 && trayBounds.height > 0;
  let x: number;
  let y: number;
  if (!known) {
    x = workArea.x + (workArea.width - windowSize.width) / 2;
    y = workArea.y + (workArea.height - windowSize.height) / 2;
  } else {
    x = trayBounds.x + trayBounds.width / 2 - windowSize.width / 2;
    const trayMiddle = trayBounds.y + trayBounds.height / 2;
    y =
      trayMiddle < workArea.y + workArea.height / 2
        ? trayBounds.y + trayBounds.height + trayGap
        : trayBounds.y - windowSize.height - trayGap;
  }
  return {
    x: Math.round(clamp(x, workArea.x, workArea.x + workArea.width - windowSize.width)),
    y: Math.round(clamp(y, workArea.y, workArea.y + workArea.height - windowSize.height)),
  };
}

/** `value` kept within [min, max]; `min` wins when the range is empty (a window larger than the screen). */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
