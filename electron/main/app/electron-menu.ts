import type { MenuItemConstructorOptions } from 'electron';
import type { TrayIntent } from '../tray/tray-intent';
import type { TrayMenuItem } from '../tray/tray-menu-item';

/**
 * The tray menu's plain data as an Electron menu template: each click dispatches the item's
 * intent. Headers are native section headers on macOS 14+ and disabled lines elsewhere.
 */
export function electronMenuTemplate(
  items: readonly TrayMenuItem[],
  dispatch: (intent: TrayIntent) => void,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'header':
        return platform === 'darwin'
          ? { type: 'header', label: item.label }
          : { label: item.label, enabled: false };
      case 'item': {
        const { intent } = item;
        return {
          label: item.label,
          enabled: item.enabled,
          ...(item.checked === undefined ? {} : { type: 'checkbox', checked: item.checked }),
          ...(item.accelerator === undefined ? {} : { accelerator: item.accelerator }),
          ...(item.submenu ? { submenu: electronMenuTemplate(item.submenu, dispatch, platform) } : {}),
          ...(intent
            ? {
                click: () => {
                  dispatch(intent);
                },
              }
            : {}),
        };
      }
    }
  });
}
