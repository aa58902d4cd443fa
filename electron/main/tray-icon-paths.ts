// Which image file shows each tray state on each platform. The images are made by
// scripts/make-icons.mjs into build/tray/ and shipped by electron-builder as extraResources under
// <resources>/tray/; an unpackaged run (`npm start`) reads them from build/tray/ directly, so it
// passes the build/ folder as the resources path.
import { posix, win32 } from 'node:path';

/** The four looks of the tray icon (issue 6 item 2). */
export const trayIconStates = ['signed-out', 'active', 'expiring', 'expired'] as const;
export type TrayIconState = (typeof trayIconStates)[number];

/**
 * The icon file for `state`, in the `tray` folder of `resourcesPath` (`process.resourcesPath` when
 * packaged, the repository's `build/` folder otherwise).
 *
 * - macOS: a template image (`<state>Template.png`, 16 px, black with alpha), which the menu bar
 *   recolours for light and dark mode; Electron picks up the `@2x` file next to it on Retina.
 * - Windows: a coloured 16 px `<state>.png`, with Electron picking up `<state>@2x.png` at 200 %.
 * - Linux (and the rest): a coloured 24 px `<state>-24.png`, the AppIndicator panel size, since
 *   StatusNotifier hosts take one bitmap and scale it.
 */
export function trayIconFile(state: TrayIconState, platform: NodeJS.Platform, resourcesPath: string): string {
  const path = platform === 'win32' ? win32 : posix;
  const folder = path.join(resourcesPath, 'tray');
  switch (platform) {
    case 'darwin':
      return path.join(folder, `${state}Template.png`);
    case 'win32':
      return path.join(folder, `${state}.png`);
    default:
      return path.join(folder, `${state}-24.png`);
  }
}

/** Every file `trayIconFile` may name, plus the high-density variants Electron looks for beside them. */
export function trayIconFileNames(): string[] {
  return trayIconStates.flatMap((state) => [
    `${state}Template.png`,
    `${state}Template@2x.png`,
    `${state}.png`,
    `${state}@2x.png`,
    `${state}-24.png`,
  ]);
}
