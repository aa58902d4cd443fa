// Runs in the sandboxed preload context: exposes a narrow, named API to the window through
// contextBridge, and never ipcRenderer itself (architecture.md rule 2). The API is built from the
// IPC contract's keys, so it has exactly one function per invoke method and per event.
import { contextBridge, ipcRenderer } from 'electron';
import packageJson from '../../package.json';
import type { IpcResult } from '../../shared/ipc-contract';
import {
  eventChannel,
  eventListenerKey,
  eventNames,
  invokeChannel,
  invokeMethodNames,
} from '../../shared/ipc-contract';
import { createIpcError, preloadGlobalName, type SsoTrayApi } from '../../shared/preload-api';

const methods = invokeMethodNames.map((name) => {
  const channel = invokeChannel(name);
  const call = async (request?: unknown): Promise<unknown> => {
    const result = (await ipcRenderer.invoke(channel, request)) as IpcResult<unknown>;
    if (result.ok) return result.value;
    throw createIpcError(result.error);
  };
  return [name, call] as const;
});

const subscriptions = eventNames.map((name) => {
  const channel = eventChannel(name);
  const subscribe = (callback: (payload: unknown) => void): (() => void) => {
    // The IPC event (with its `sender`, our ipcRenderer) never reaches the window: only the payload.
    const listener = (_event: unknown, payload: unknown) => {
      callback(payload);
    };
    ipcRenderer.on(channel, listener);
    return () => {
      ipcRenderer.removeListener(channel, listener);
    };
  };
  return [eventListenerKey(name), subscribe] as const;
});

// The one cast: the loops above build, from the same contract, the object SsoTrayApi describes
// (tests/unit/ipc-preload.test.ts checks its keys and channels).
const api = {
  ...Object.fromEntries([...methods, ...subscriptions]),
  appVersion: packageJson.version,
  platform: process.platform,
} as SsoTrayApi;

contextBridge.exposeInMainWorld(preloadGlobalName, api);
