// Shared by the tests/unit/ipc-*.test.ts files: one valid and some invalid payloads per contract
// method, and a result per method. Typed by the contract, so a new method fails to typecheck here
// until it has its entries (and therefore its tests).
import { vi } from 'vitest';
import type { InvokeMethodName, InvokeRequest, InvokeResult } from '../../shared/ipc-contract';
import type { AppSnapshot } from '../../shared/session-snapshot';
import type { IpcHandlers, IpcMainPort } from '../../electron/main/ipc/ipc-router';
import { stubSettings } from './stub-preload-api';

const role = { session: 'acme', accountId: '123456789012', roleName: 'AdministratorAccess' };

export const snapshot: AppSnapshot = {
  sessions: [],
  active: null,
  recent: [],
  favourites: [],
  inventories: [],
};

export const validRequests: { [Name in InvokeMethodName]: InvokeRequest<Name> } = {
  getSnapshot: undefined,
  getInventory: { session: 'acme' },
  signIn: { session: 'acme', flow: 'device-code' },
  cancelSignIn: { session: 'acme' },
  signOut: { session: 'my-company@prod' },
  removeSession: { session: 'my-company@prod' },
  addSession: { name: 'acme', startUrl: 'https://d-1234567890.awsapps.com/start', region: 'eu-west-1' },
  refreshAccounts: { session: 'acme' },
  useRole: { ...role, region: 'us-gov-west-1' },
  openConsole: { ...role, region: 'cn-north-1', service: 'cloud-formation', portal: true },
  copyShellExports: { ...role, roleName: 'Deploy+Role=1,a.b@c_d-e' },
  setFavourite: { ...role, favourite: false },
  getSettings: undefined,
  updateSetting: { name: 'notificationLeadMinutes', value: 30 },
  syncProfiles: { prune: false, dryRun: true },
  hideWindow: undefined,
};

/** Per method: payloads the router must refuse, each with the field its message must name. */
export const invalidRequests: { [Name in InvokeMethodName]: readonly (readonly [unknown, string])[] } = {
  getSnapshot: [[{}, 'request']],
  getInventory: [
    [undefined, 'request'],
    [{ session: 'has space' }, 'session'],
    [{ session: 'acme', extra: true }, 'request'],
  ],
  signIn: [[{ session: 'acme', flow: 'password' }, 'flow']],
  cancelSignIn: [[{}, 'session']],
  signOut: [[{ session: 42 }, 'session']],
  removeSession: [[{ session: 'has space' }, 'session']],
  addSession: [
    [{ name: 'acme', startUrl: 'http://d-1234567890.awsapps.com/start', region: 'eu-west-1' }, 'startUrl'],
    [{ name: 'acme', startUrl: 'https://d-1234567890.awsapps.com/start', region: 'mars-north-1' }, 'region'],
    [{ name: 'a b', startUrl: 'https://d-1234567890.awsapps.com/start', region: 'eu-west-1' }, 'name'],
  ],
  refreshAccounts: [[{ session: '' }, 'session']],
  useRole: [
    [{ ...role, accountId: '12345' }, 'accountId'],
    [{ ...role, accountId: 123456789012 }, 'accountId'],
    [{ ...role, roleName: 'r'.repeat(65) }, 'roleName'],
    [{ ...role, roleName: 'Admin Role' }, 'roleName'],
    [{ ...role, region: 'nowhere' }, 'region'],
  ],
  openConsole: [
    [{ ...role, service: '../admin' }, 'service'],
    [{ ...role, portal: 'yes' }, 'portal'],
  ],
  copyShellExports: [[{ session: 'acme', accountId: '123456789012' }, 'roleName']],
  setFavourite: [[role, 'favourite']],
  getSettings: [['all', 'request']],
  updateSetting: [
    [{ name: 'theme', value: 'purple' }, 'value'],
    [{ name: 'launchAtLogin', value: 'true' }, 'value'],
    [{ name: 'inventoryMaxAgeMinutes', value: 1.5 }, 'value'],
    [{ name: 'notificationLeadMinutes', value: 0 }, 'value'],
    [{ name: 'globalShortcut', value: 'Ctrl + K' }, 'value'],
    [{ name: 'signInFlows', value: {} }, 'name'],
  ],
  syncProfiles: [[{ prune: true }, 'dryRun']],
  hideWindow: [[null, 'request']],
};

export const results: { [Name in InvokeMethodName]: InvokeResult<Name> } = {
  getSnapshot: snapshot,
  getInventory: null,
  signIn: undefined,
  cancelSignIn: undefined,
  signOut: undefined,
  removeSession: undefined,
  addSession: undefined,
  refreshAccounts: { added: 2, removed: 1 },
  useRole: { profile: 'default', changed: true, removed: [], shadowedBy: ['AWS_PROFILE'] },
  openConsole: undefined,
  copyShellExports: undefined,
  setFavourite: undefined,
  getSettings: { ...stubSettings, profileTemplate: '{account_name}.{role_name}' },
  updateSetting: undefined,
  syncProfiles: { added: 3, updated: 0, removed: 1, diff: '+[profile a]\n' },
  hideWindow: undefined,
};

/** Handlers that answer with {@link results} and record what they were given. */
export function recordingHandlers() {
  const calls: { method: InvokeMethodName; request: unknown }[] = [];
  const handlers = Object.fromEntries(
    (Object.keys(results) as InvokeMethodName[]).map((method) => [
      method,
      vi.fn((request: unknown) => {
        calls.push({ method, request });
        return Promise.resolve(results[method]);
      }),
    ]),
  ) as unknown as IpcHandlers;
  return { handlers, calls };
}

export interface FakeEvent {
  trusted: boolean;
}

type Listener = (event: FakeEvent, ...args: unknown[]) => Promise<unknown>;

/** ipcMain as far as the router uses it: registered handlers by channel, callable by tests. */
export class FakeIpcMain implements IpcMainPort<FakeEvent> {
  readonly listeners = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`a second handler for ${channel}`);
    this.listeners.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.listeners.delete(channel);
  }

  /** What `ipcRenderer.invoke(channel, payload)` would get back, payload cloned as IPC does. */
  invoke(channel: string, payload: unknown, event: FakeEvent = { trusted: true }): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return listener(event, structuredClone(payload));
  }
}

export const isTrustedFake = (event: FakeEvent): boolean => event.trusted;
