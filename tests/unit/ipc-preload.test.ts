// The preload script, imported with Electron mocked: what it exposes, how it calls and unwraps.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import packageJson from '../../package.json';
import {
  eventChannel,
  eventListenerKey,
  eventNames,
  invokeChannel,
  invokeMethodNames,
} from '../../shared/ipc-contract';
import { isIpcError, preloadGlobalName, type SsoTrayApi } from '../../shared/preload-api';
import { snapshot, validRequests } from '../support/ipc-fixtures';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<Listener>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        electron.exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
      on: vi.fn((channel: string, listener: Listener) => {
        const set = listeners.get(channel) ?? new Set<Listener>();
        set.add(listener);
        listeners.set(channel, set);
      }),
      removeListener: vi.fn((channel: string, listener: Listener) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
    /** What ipcRenderer does when the main process sends on a channel. */
    emit(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the ipcRenderer' }, ...args);
    },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

async function loadPreload(): Promise<SsoTrayApi> {
  vi.resetModules();
  electron.exposed.clear();
  electron.listeners.clear();
  await import('../../electron/preload/preload');
  return electron.exposed.get(preloadGlobalName) as SsoTrayApi;
}

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
});

describe('the preload script', () => {
  it(`exposes one API, as window.${preloadGlobalName}`, async () => {
    await loadPreload();
    expect([...electron.exposed.keys()]).toEqual([preloadGlobalName]);
  });

  it('exposes exactly one function per contract method and event, the version and the platform', async () => {
    const api = await loadPreload();
    const expected = [...invokeMethodNames, ...eventNames.map(eventListenerKey), 'appVersion', 'platform'];
    expect(Object.keys(api).sort()).toEqual(expected.sort());
    for (const name of [...invokeMethodNames, ...eventNames.map(eventListenerKey)])
      expect(typeof api[name]).toBe('function');
    expect(api.appVersion).toBe(packageJson.version);
    expect(api.platform).toBe(process.platform);
  });

  it('exposes no ipcRenderer, no process and no way to pick a channel', async () => {
    const api = await loadPreload();
    const values = Object.values(api) as unknown[];
    expect(values.includes(electron.ipcRenderer)).toBe(false);
    expect(values.includes(process)).toBe(false);
    expect(Object.keys(api).filter((key) => /ipc|invoke|send|process|require/i.test(key))).toEqual([]);
  });

  it.each(invokeMethodNames)(
    '%s invokes its own channel with the payload and resolves to the value',
    async (method) => {
      const api = await loadPreload();
      electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { from: method } });
      const call = api[method] as (request?: unknown) => Promise<unknown>;
      await expect(call(validRequests[method])).resolves.toEqual({ from: method });
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(
        invokeChannel(method),
        validRequests[method],
      );
    },
  );

  it('rejects with an error carrying the code and message of the payload', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValue({
      ok: false,
      error: { code: 'NotSignedIn', message: 'Sign in to acme first.' },
    });
    const failure: unknown = await api.useRole(validRequests.useRole).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({
      name: 'IpcError',
      code: 'NotSignedIn',
      message: 'Sign in to acme first.',
    });
    expect(isIpcError(failure)).toBe(true);
    expect(String(failure)).toBe('IpcError: Sign in to acme first.');
  });

  it('rejects with an error whose fields survive the contextBridge (copied as a plain object)', async () => {
    const api = await loadPreload();
    electron.ipcRenderer.invoke.mockResolvedValue({
      ok: false,
      error: { code: 'Throttled', message: 'Slow down.' },
    });
    const failure: unknown = await api.refreshAccounts({ session: 'acme' }).catch((error: unknown) => error);
    // The contextBridge copies a non-native-Error object by its own enumerable properties.
    const copied: unknown = Object.fromEntries(Object.entries(failure as object));
    expect(copied).toEqual({ name: 'IpcError', code: 'Throttled', message: 'Slow down.' });
    expect(isIpcError(copied)).toBe(true);
    expect(isIpcError(new Error('Slow down.'))).toBe(false);
    expect(isIpcError({ name: 'IpcError', message: 'x', code: 'NoSuchCode' })).toBe(false);
  });

  it.each(eventNames)(
    'on%s delivers the payload only (not the IPC event) until unsubscribed',
    async (name) => {
      const api = await loadPreload();
      const subscribe = api[eventListenerKey(name)] as (callback: (...args: unknown[]) => void) => () => void;
      const first = vi.fn();
      const second = vi.fn();
      const unsubscribeFirst = subscribe(first);
      subscribe(second);
      electron.emit(eventChannel(name), snapshot);
      expect(first).toHaveBeenCalledExactlyOnceWith(snapshot);
      expect(second).toHaveBeenCalledExactlyOnceWith(snapshot);

      unsubscribeFirst();
      electron.emit(eventChannel(name), snapshot);
      expect(first).toHaveBeenCalledOnce();
      expect(second).toHaveBeenCalledTimes(2);
      expect(electron.listeners.get(eventChannel(name))?.size).toBe(1);
    },
  );
});
