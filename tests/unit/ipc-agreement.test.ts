// Main and preload agree with the contract: at the type level (the API and the handlers are both
// derived from the schemas) and at runtime (the channels the router serves are the ones the
// preload calls), and a call goes round trip from the window's API through the router and back.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { z } from 'zod/mini';
import { AppError } from '../../electron/core/app/app-error';
import { createEventPublisher } from '../../electron/main/ipc/event-publisher';
import { registerIpcRouter, type IpcHandlers, type IpcMainPort } from '../../electron/main/ipc/ipc-router';
import type {
  EventListenerKey,
  EventName,
  InvokeMethodName,
  InvokeRequest,
  ipcContract,
} from '../../shared/ipc-contract';
import { invokeMethodNames } from '../../shared/ipc-contract';
import type { AppSnapshot } from '../../shared/session-snapshot';
import { preloadGlobalName, type SsoTrayApi } from '../../shared/preload-api';
import {
  FakeIpcMain,
  isTrustedFake,
  recordingHandlers,
  results,
  snapshot,
  validRequests,
} from '../support/ipc-fixtures';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, Set<Listener>>(),
  /** Where ipcRenderer.invoke goes: set to the router's fake ipcMain by each test. */
  main: undefined as undefined | ((channel: string, payload: unknown) => Promise<unknown>),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: (channel: string, payload: unknown) =>
      electron.main ? electron.main(channel, payload) : Promise.reject(new Error('no main process')),
    on: (channel: string, listener: Listener) => {
      const set = electron.listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Listener) =>
      electron.listeners.get(channel)?.delete(listener),
  },
}));

/** The preload, wired to a router registered on a fake ipcMain with recording handlers. */
async function connectedApp() {
  const ipc = new FakeIpcMain();
  const { handlers, calls } = recordingHandlers();
  registerIpcRouter(ipc, handlers, isTrustedFake, { onUnexpectedError: vi.fn() });
  const invoked: string[] = [];
  electron.main = (channel, payload) => {
    invoked.push(channel);
    return ipc.invoke(channel, payload);
  };
  vi.resetModules();
  electron.exposed.clear();
  electron.listeners.clear();
  await import('../../electron/preload/preload');
  const api = electron.exposed.get(preloadGlobalName) as SsoTrayApi;
  // What the main process's webContents.send does: the renderer's listeners get (event, ...args).
  const publish = createEventPublisher(() => ({
    isDestroyed: () => false,
    send: (channel, ...args) => {
      for (const listener of electron.listeners.get(channel) ?? []) listener({}, ...structuredClone(args));
    },
  }));
  return { ipc, api, handlers, calls, invoked, publish };
}

type Schema<Name extends InvokeMethodName> = (typeof ipcContract)['invoke'][Name]['request'];

describe('main and preload agree with the contract', () => {
  it('at the type level', () => {
    // The window's API takes the schema's input and resolves to the contract's result.
    expectTypeOf<Parameters<SsoTrayApi['useRole']>>().toEqualTypeOf<[request: z.input<Schema<'useRole'>>]>();
    expectTypeOf<Parameters<SsoTrayApi['useRole']>[0]>().toEqualTypeOf<{
      session: string;
      accountId: string;
      roleName: string;
      region?: string | undefined;
    }>();
    expectTypeOf<ReturnType<SsoTrayApi['useRole']>>().toEqualTypeOf<
      Promise<{ profile: string; changed: boolean; removed: string[]; shadowedBy: string[] }>
    >();
    expectTypeOf<SsoTrayApi['getSnapshot']>().toEqualTypeOf<() => Promise<AppSnapshot>>();
    expectTypeOf<SsoTrayApi['signOut']>().returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf<Parameters<SsoTrayApi['updateSetting']>[0]>().toEqualTypeOf<
      InvokeRequest<'updateSetting'>
    >();
    expectTypeOf<SsoTrayApi['onSnapshot']>().toEqualTypeOf<
      (callback: (payload: AppSnapshot) => void) => () => void
    >();
    expectTypeOf<SsoTrayApi['onFocusSearch']>().parameter(0).toExtend<() => void>();

    // The handlers take the schema's output: the parsed payload.
    expectTypeOf<Parameters<IpcHandlers['useRole']>[0]>().toEqualTypeOf<z.output<Schema<'useRole'>>>();
    expectTypeOf<Parameters<IpcHandlers['addSession']>[0]>().toEqualTypeOf<z.output<Schema<'addSession'>>>();
    expectTypeOf<ReturnType<IpcHandlers['refreshAccounts']>>().toEqualTypeOf<
      Promise<{ added: number; removed: number }> | { added: number; removed: number }
    >();

    // Nothing else is on the API, and the router's ports fit Electron's own objects.
    expectTypeOf<keyof SsoTrayApi>().toEqualTypeOf<
      InvokeMethodName | EventListenerKey<EventName> | 'appVersion' | 'platform'
    >();
    expectTypeOf<keyof IpcHandlers>().toEqualTypeOf<InvokeMethodName>();
    expectTypeOf<IpcMain>().toExtend<IpcMainPort<IpcMainInvokeEvent>>();
  });

  it('at runtime: the router serves exactly the channels the preload calls', async () => {
    const { ipc, api, invoked } = await connectedApp();
    for (const method of invokeMethodNames) {
      const call = api[method] as (request?: unknown) => Promise<unknown>;
      await call(validRequests[method]);
    }
    expect(new Set(invoked)).toEqual(new Set(ipc.listeners.keys()));
    expect(invoked).toHaveLength(invokeMethodNames.length);
  });

  it.each(invokeMethodNames)(
    'round trip: api.%s reaches its handler and resolves to its result',
    async (method) => {
      const { api, calls } = await connectedApp();
      const call = api[method] as (request?: unknown) => Promise<unknown>;
      await expect(call(validRequests[method])).resolves.toEqual(results[method]);
      expect(calls).toEqual([{ method, request: validRequests[method] }]);
    },
  );

  it('round trip: a bad payload and a core failure reject with their code in the window', async () => {
    const { api, handlers, calls } = await connectedApp();
    await expect(api.useRole({ ...validRequests.useRole, accountId: 'nope' })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: 'useRole: accountId: must be a 12-digit AWS account id',
    });
    vi.mocked(handlers.signIn).mockRejectedValue(new AppError('Cancelled', 'The sign-in was cancelled.'));
    await expect(api.signIn({ session: 'acme' })).rejects.toMatchObject({
      code: 'Cancelled',
      message: 'The sign-in was cancelled.',
    });
    expect(calls).toEqual([]);
  });

  it('round trip: published events reach the subscribers until they unsubscribe', async () => {
    const { api, publish } = await connectedApp();
    const snapshots: AppSnapshot[] = [];
    const focus = vi.fn();
    const stopSnapshots = api.onSnapshot((payload) => snapshots.push(payload));
    const stopFocus = api.onFocusSearch(focus);
    publish('snapshot', snapshot);
    publish('focusSearch');
    expect(snapshots).toEqual([snapshot]);
    expect(focus).toHaveBeenCalledOnce();

    stopSnapshots();
    stopFocus();
    publish('snapshot', snapshot);
    publish('focusSearch');
    expect(snapshots).toHaveLength(1);
    expect(focus).toHaveBeenCalledOnce();
  });
});
