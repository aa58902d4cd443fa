// The tray menu as plain data. The main process turns it into an Electron menu template; tests
// render it as text. Labels are ready for Electron: `&` is already doubled (see menu-label.ts).
import type { TrayIntent } from './tray-intent';

export interface TrayMenuAction {
  kind: 'item';
  label: string;
  enabled: boolean;
  /**
   * Drawn with a check mark (Electron: a checkbox item). Only on items without a submenu: Electron
   * draws no mark on a submenu item, so the active role's line carries "✓ " in its label instead.
   */
  checked?: boolean;
  /** What a click asks for; absent on information lines and on items that open a submenu. */
  intent?: TrayIntent;
  submenu?: TrayMenuItem[];
  /** An Electron accelerator string, shown beside the label. */
  accelerator?: string;
}

export interface TrayMenuSeparator {
  kind: 'separator';
}

/** A section title (Electron: a `header` item on macOS 14+, a disabled item elsewhere). */
export interface TrayMenuHeader {
  kind: 'header';
  label: string;
}

export type TrayMenuItem = TrayMenuAction | TrayMenuSeparator | TrayMenuHeader;
