// The tray menu's data becomes an Electron template whose clicks dispatch the items' intents.
import { describe, expect, it } from 'vitest';
import type { TrayIntent } from '../../electron/main/tray/tray-intent';
import type { TrayMenuItem } from '../../electron/main/tray/tray-menu-item';
import { electronMenuTemplate } from '../../electron/main/app/electron-menu';

const role = { session: 'corp', accountId: '111111111111', accountName: 'Prod', roleName: 'Admin' };
const items: TrayMenuItem[] = [
  { kind: 'header', label: 'Favourites' },
  {
    kind: 'item',
    label: 'Prod / Admin',
    enabled: true,
    submenu: [{ kind: 'item', label: 'Use as default', enabled: true, intent: { kind: 'use', role } }],
  },
  { kind: 'separator' },
  { kind: 'item', label: 'Signing in…', enabled: false },
  { kind: 'item', label: 'Launch at login', enabled: true, checked: true, intent: { kind: 'open-settings' } },
  { kind: 'item', label: 'Quit', enabled: true, accelerator: 'CmdOrCtrl+Q', intent: { kind: 'quit' } },
];

describe('electronMenuTemplate', () => {
  it('keeps labels, states, submenus and accelerators, and dispatches each click', () => {
    const dispatched: TrayIntent[] = [];
    const template = electronMenuTemplate(items, (intent) => dispatched.push(intent), 'linux');
    expect(template.map(({ click: _click, submenu: _submenu, ...rest }) => rest)).toEqual([
      { label: 'Favourites', enabled: false },
      { label: 'Prod / Admin', enabled: true },
      { type: 'separator' },
      { label: 'Signing in…', enabled: false },
      { label: 'Launch at login', enabled: true, type: 'checkbox', checked: true },
      { label: 'Quit', enabled: true, accelerator: 'CmdOrCtrl+Q' },
    ]);
    const submenu = template[1]?.submenu;
    if (!Array.isArray(submenu)) throw new Error('no submenu');
    (submenu[0]?.click as () => void)();
    (template[5]?.click as () => void)();
    expect(dispatched).toEqual([{ kind: 'use', role }, { kind: 'quit' }]);
    expect(template[3]?.click).toBeUndefined();
  });

  it('uses native section headers on macOS', () => {
    expect(electronMenuTemplate(items, () => undefined, 'darwin')[0]).toEqual({
      type: 'header',
      label: 'Favourites',
    });
  });
});
