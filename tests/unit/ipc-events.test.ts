import type { WebContents } from 'electron';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createEventPublisher, type WindowEventPort } from '../../electron/main/ipc/event-publisher';
import { snapshot } from '../support/ipc-fixtures';

function fakeContents(destroyed = false) {
  return { send: vi.fn<(channel: string, ...args: unknown[]) => void>(), isDestroyed: () => destroyed };
}

describe('the event publisher', () => {
  it('sends each event on its derived channel, with its payload or none', () => {
    const contents = fakeContents();
    const publish = createEventPublisher(() => contents);
    publish('snapshot', snapshot);
    publish('focusSearch');
    expect(contents.send.mock.calls).toEqual([
      ['sso-tray:event:snapshot', snapshot],
      ['sso-tray:event:focusSearch'],
    ]);
  });

  it('drops events while there is no window, or the window is destroyed', () => {
    const destroyed = fakeContents(true);
    const window: { contents?: ReturnType<typeof fakeContents> } = {};
    const publish = createEventPublisher(() => window.contents);
    publish('snapshot', snapshot);
    window.contents = destroyed;
    publish('focusSearch');
    expect(destroyed.send).not.toHaveBeenCalled();
  });

  it('is typed by the contract and fits a real webContents', () => {
    const publish = createEventPublisher(() => undefined);
    expectTypeOf(publish<'snapshot'>).parameters.toEqualTypeOf<['snapshot', typeof snapshot]>();
    expectTypeOf(publish<'focusSearch'>).parameters.toEqualTypeOf<['focusSearch']>();
    expectTypeOf<WebContents>().toExtend<WindowEventPort>();
  });
});
