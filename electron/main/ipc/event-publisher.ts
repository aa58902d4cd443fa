import { eventChannel, type EventName, type EventPayload } from '../../../shared/ipc-contract';

/** The part of a window's `webContents` events go through; Electron's `WebContents` has it. */
export interface WindowEventPort {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** Arguments of an event: none for an event without payload, its payload otherwise. */
export type EventArgs<Name extends EventName> =
  undefined extends EventPayload<Name> ? [] : [payload: EventPayload<Name>];

/** Sends a contract event to the window: `publish('snapshot', snapshot)`, `publish('focusSearch')`. */
export type EventPublisher = <Name extends EventName>(name: Name, ...args: EventArgs<Name>) => void;

/**
 * Sends contract events to our window on their derived channels. With no window (it is created on
 * demand) or a destroyed one, the event is dropped: a new window asks for the snapshot when it loads.
 */
export function createEventPublisher(target: () => WindowEventPort | undefined): EventPublisher {
  return (name, ...args) => {
    const contents = target();
    if (contents === undefined || contents.isDestroyed()) return;
    contents.send(eventChannel(name), ...args);
  };
}
