import { describe, expect, it } from 'vitest';
import {
  devToolsAllowed,
  positionNearTray,
  secureWebPreferences,
  secureWindowOptions,
  switcherWindowOptions,
  switcherWindowSize,
} from '../../electron/main/window-options';

const preload = '/app/dist/preload/preload.cjs';

describe('window security options', () => {
  it.each([
    ['a plain window', secureWindowOptions(preload).webPreferences],
    ['the switcher', switcherWindowOptions(preload, { x: 0, y: 0 }).webPreferences],
    ['the web preferences', secureWebPreferences(preload)],
  ])(
    'lock down %s: isolated, sandboxed, no Node, web security on, no webview, no devtools',
    (_name, prefs) => {
      expect(prefs).toMatchObject({
        preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        devTools: false,
      });
    },
  );

  it('turn the developer tools on only when asked', () => {
    expect(secureWebPreferences(preload, { devTools: true }).devTools).toBe(true);
    expect(switcherWindowOptions(preload, { x: 0, y: 0 }, { devTools: true }).webPreferences?.devTools).toBe(
      true,
    );
  });

  it('allow the developer tools in development, and in a packaged app only with SSO_TRAY_DEVTOOLS=1', () => {
    expect(devToolsAllowed(false, {})).toBe(true);
    expect(devToolsAllowed(true, {})).toBe(false);
    expect(devToolsAllowed(true, { SSO_TRAY_DEVTOOLS: '1' })).toBe(true);
    expect(devToolsAllowed(true, { SSO_TRAY_DEVTOOLS: 'yes' })).toBe(false);
  });

  it('make the switcher a small, hidden, frameless, fixed panel above other windows and out of the taskbar', () => {
    const options = switcherWindowOptions(preload, { x: 900, y: 30 });
    expect(options).toMatchObject({
      x: 900,
      y: 30,
      width: switcherWindowSize.width,
      height: switcherWindowSize.height,
      show: false,
      frame: false,
      transparent: false,
      resizable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      fullscreenable: false,
    });
    expect(switcherWindowSize.width).toBeLessThanOrEqual(400);
    expect(switcherWindowSize.height).toBeLessThanOrEqual(600);
  });

  it('create the plain window hidden, to be shown when ready', () => {
    expect(secureWindowOptions(preload).show).toBe(false);
  });
});

describe('positionNearTray', () => {
  const size = { width: 380, height: 480 };

  it('puts the window under a macOS menu-bar icon, centred on it', () => {
    // 1440×900 screen, 25 px menu bar; the work area starts under it.
    const position = positionNearTray({ x: 1200, y: 0, width: 22, height: 24 }, size, {
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
    });
    expect(position).toEqual({ x: 1200 + 11 - 190, y: 28 });
  });

  it('keeps a window under an icon near the right edge on the screen', () => {
    const position = positionNearTray({ x: 1410, y: 0, width: 22, height: 24 }, size, {
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
    });
    expect(position).toEqual({ x: 1440 - 380, y: 28 });
  });

  it('puts the window over a Windows taskbar icon at the bottom right, inside the work area', () => {
    // 1920×1080 screen, 40 px taskbar at the bottom.
    const position = positionNearTray({ x: 1800, y: 1044, width: 32, height: 32 }, size, {
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
    });
    expect(position).toEqual({ x: 1920 - 380, y: 1040 - 480 });
  });

  it('centres the window in the work area when the tray position is unknown (Linux)', () => {
    const workArea = { x: 0, y: 27, width: 1920, height: 1053 };
    const expected = { x: 770, y: 27 + Math.round((1053 - 480) / 2) };
    expect(positionNearTray(undefined, size, workArea)).toEqual(expected);
    expect(positionNearTray({ x: 0, y: 0, width: 0, height: 0 }, size, workArea)).toEqual(expected);
  });

  it('works on a second display to the left of the first, with negative coordinates', () => {
    const position = positionNearTray({ x: -300, y: 0, width: 24, height: 24 }, size, {
      x: -1920,
      y: 24,
      width: 1920,
      height: 1056,
    });
    expect(position).toEqual({ x: -300 + 12 - 190, y: 28 });
  });

  it('clamps to the work area, top-left first, when the window is larger than the screen', () => {
    const position = positionNearTray(
      { x: 600, y: 0, width: 24, height: 24 },
      { width: 900, height: 700 },
      { x: 0, y: 25, width: 800, height: 575 },
    );
    expect(position).toEqual({ x: 0, y: 25 });
  });

  it('returns whole pixels', () => {
    const position = positionNearTray({ x: 100.5, y: 0, width: 21, height: 22 }, size, {
      x: 0,
      y: 22,
      width: 1280,
      height: 698,
    });
    expect(Number.isInteger(position.x) && Number.isInteger(position.y)).toBe(true);
  });
});
