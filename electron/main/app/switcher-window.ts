import { BrowserWindow, screen } from 'electron';
import type { WindowView } from '../../../shared/window-view';
import { positionNearTray, switcherWindowOptions, switcherWindowSize } from '../window-options';

/**
 * The switcher: a small frameless window near the tray (centred where the tray's place is unknown,
 * as on Linux), hidden when it loses focus, loading only the local renderer bundle. Created on
 * first use and kept, so it opens at once afterwards.
 */
export class SwitcherWindow {
  private window: BrowserWindow | undefined;

  constructor(
    private readonly preloadPath: string,
    private readonly indexHtml: string,
    private readonly trayBounds: () => Electron.Rectangle | undefined,
    private readonly devTools: boolean,
  ) {}

  get webContents(): Electron.WebContents | undefined {
    return this.window?.webContents;
  }

  /** Shows the window; one made now opens on `view` (one already there is told by an event). */
  show(view: WindowView = 'main'): void {
    const position = this.position();
    if (!this.window) {
      this.window = new BrowserWindow(
        switcherWindowOptions(this.preloadPath, position, { devTools: this.devTools }),
      );
      this.window.on('blur', () => {
        this.hide();
      });
      this.window.on('closed', () => {
        this.window = undefined;
      });
      this.window.once('ready-to-show', () => {
        this.window?.show();
        this.window?.focus();
      });
      void this.window.loadFile(this.indexHtml, { hash: view });
      return;
    }
    // Still loading the view asked for before: load this one instead, since the page is not yet
    // listening for the event that would tell it.
    if (this.window.webContents.isLoading()) void this.window.loadFile(this.indexHtml, { hash: view });
    this.window.setPosition(position.x, position.y);
    this.window.show();
    this.window.focus();
  }

  hide(): void {
    this.window?.hide();
  }

  destroy(): void {
    this.window?.destroy();
    this.window = undefined;
  }

  private position(): { x: number; y: number } {
    const tray = this.trayBounds();
    const near = tray && tray.width > 0 ? { x: tray.x, y: tray.y } : screen.getCursorScreenPoint();
    return positionNearTray(tray, switcherWindowSize, screen.getDisplayNearestPoint(near).workArea);
  }
}
