// The screen the tray opens the window on: read from a new window's URL fragment, sent to an
// open window as an event, with the cursor put in the search box for the switcher.
import { describe, expect, it } from 'vitest';
import { createViewOpener } from '../../electron/main/app/view-opener';
import type { EventPublisher } from '../../electron/main/ipc/event-publisher';
import { windowViewFromHash, type WindowView } from '../../shared/window-view';

describe('windowViewFromHash', () => {
  it('reads the view a fragment names, and the switcher for anything else', () => {
    expect(windowViewFromHash('#settings')).toBe('settings');
    expect(windowViewFromHash('#add-session')).toBe('add-session');
    expect(windowViewFromHash('#main')).toBe('main');
    expect(windowViewFromHash('settings')).toBe('settings');
    for (const other of ['', '#', '#Settings', '#settings/x', '#__proto__', '#toString'])
      expect(windowViewFromHash(other)).toBe('main');
  });
});

describe('createViewOpener', () => {
  it('shows the window on the view, tells an open window, and focuses the search for the switcher', () => {
    const calls: string[] = [];
    const window = {
      show: (view: WindowView) => {
        calls.push(`show ${view}`);
      },
    };
    const publish = ((name: string, ...args: unknown[]) => {
      calls.push([name, ...args].join(' '));
    }) as EventPublisher;
    const open = createViewOpener(window, publish);
    open('settings');
    open('add-session');
    open('main');
    expect(calls).toEqual([
      'show settings',
      'showView settings',
      'show add-session',
      'showView add-session',
      'show main',
      'showView main',
      'focusSearch',
    ]);
  });
});
