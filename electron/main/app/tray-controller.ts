import { Menu, nativeImage, Tray } from 'electron';
import type { AppState } from '../../core/app/app-state';
import { trayIconFile } from '../tray-icon-paths';
import type { TrayIntent } from '../tray/tray-intent';
import { buildTrayMenu } from '../tray/tray-menu';
import { trayIconState, trayTooltip } from '../tray/tray-state';
import { electronMenuTemplate } from './electron-menu';

/**
 * The tray icon, its tooltip and its menu, drawn again from the snapshot on every change and once
 * a minute (the time left in the labels). A left click opens the switcher on Windows and Linux;
 * on macOS a click shows the menu, as menu bar apps do.
 */
export class TrayController {
  private tray: Tray | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly state: AppState,
    private readonly dispatch: (intent: TrayIntent) => void,
    private readonly iconsFolder: string,
    private readonly shortcut: () => string,
  ) {}

  start(): void {
    this.tray = new Tray(this.icon());
    if (process.platform !== 'darwin')
      this.tray.on('click', () => {
        this.dispatch({ kind: 'open-switcher' });
      });
    this.stopListening = this.state.onDidChange(() => {
      this.render();
    });
    this.timer = setInterval(() => {
      this.render();
    }, 60_000);
    this.render();
  }

  /** Where the tray sits on screen, for placing the switcher (empty on Linux). */
  bounds(): Electron.Rectangle | undefined {
    return this.tray?.getBounds();
  }

  render(): void {
    if (!this.tray) return;
    const snapshot = this.state.snapshot();
    const now = Date.now();
    this.tray.setImage(this.icon());
    this.tray.setToolTip(trayTooltip(snapshot, now));
    const accelerator = this.shortcut();
    const items = buildTrayMenu(snapshot, now, accelerator ? { switcherAccelerator: accelerator } : {});
    this.tray.setContextMenu(
      Menu.buildFromTemplate(electronMenuTemplate(items, this.dispatch, process.platform)),
    );
  }

  stop(): void {
    this.stopListening?.();
    if (this.timer) clearInterval(this.timer);
    this.tray?.destroy();
    this.tray = undefined;
  }

  private icon(): Electron.NativeImage {
    const state = trayIconState(this.state.snapshot(), Date.now());
    const image = nativeImage.createFromPath(trayIconFile(state, process.platform, this.iconsFolder));
    if (process.platform === 'darwin') image.setTemplateImage(true);
    return image;
  }
}
