// The preload API for Playwright: a test bridge that gives a page in Debian's Chromium the same
// `window.ssoTray` the Electron preload gives the switcher window, answered by the real core
// (emulator, temporary HOME, the OS keychain under a service name of its own). Only Electron's IPC
// transport is substituted: requests cross through Playwright's `exposeBinding` into the real IPC
// router (sender check, payload validation, errors as values) and the real handlers; events cross
// back through `page.evaluate`, in the order they were published.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Frame, JSHandle, Page } from '@playwright/test';
import {
  eventChannel,
  eventListenerKey,
  eventNames,
  invokeChannel,
  invokeMethodNames,
  type EventName,
  type InvokeMethodName,
  type SettingName,
} from '../../../shared/ipc-contract';
import { preloadGlobalName, type SsoTrayApi } from '../../../shared/preload-api';
import { AppState } from '../../../electron/core/app/app-state';
import { systemClock, type Clock } from '../../../electron/core/app/clock';
import { createCore, type Core } from '../../../electron/core/app/create-core';
import { ChunkedSecretStore, keychainItemLimit } from '../../../electron/core/secrets/chunked-secret-store';
import { KeyringSecretStore } from '../../../electron/core/secrets/keyring-secret-store';
import { RefreshScheduler } from '../../../electron/core/sso/refresh-scheduler';
import { createExternalOpener } from '../../../electron/main/app/external-opener';
import { createIpcHandlers } from '../../../electron/main/app/ipc-handlers';
import type { EventArgs, EventPublisher } from '../../../electron/main/ipc/event-publisher';
import { registerIpcRouter, type IpcMainPort } from '../../../electron/main/ipc/ipc-router';
import { Emulator, type EmulatorOptions } from '../../emulator';
import { testBrowser } from '../../support/sign-in-rig';
import { createTempHome, isolatedEnv, type TempHome } from '../../support/temp-home';

/** The `[sso-session]` the bridge writes into the AWS config (unless `withSession` is false). */
export const bridgeSessionName = 'corp';

/** What the person at the browser does with a sign-in page: approve, deny, or nothing at all. */
export type BrowserDecision = 'approve' | 'deny' | 'ignore';

export interface CoreBridgeOptions {
  /** Emulator org size: accounts (default 3) and roles per account (default 2). */
  accounts?: number;
  rolesPerAccount?: number;
  seed?: number;
  /** Emulator knobs; `devicePollIntervalSeconds` defaults to 0 so device sign-ins finish at once. */
  knobs?: EmulatorOptions['knobs'];
  /** Write `[sso-session corp]` for the emulator into the AWS config (default true); false for first run. */
  withSession?: boolean;
  /** Appended to the AWS config (other profiles, sessions). */
  extraConfig?: string;
  /** Written as the AWS shared credentials file (e.g. static keys that shadow the switch). */
  credentialsFile?: string;
  /** What the browser does with sign-in pages (default 'approve'); change later with setBrowser. */
  browser?: BrowserDecision;
  /** Shared by the core and the emulator (e.g. a FakeClock); defaults to the system clock. */
  clock?: Clock;
  /** `window.ssoTray.appVersion` (default: package.json's version) and `platform` (default: Node's). */
  appVersion?: string;
  platform?: string;
}

/** What the Electron shell was asked to do, in order. */
export interface RecordingShell {
  /** URLs sent to the system browser (sign-in pages and console sign-ins), after the URL policy. */
  readonly opened: string[];
  /** Texts written to the clipboard. */
  readonly clipboard: string[];
  /** How often the window was asked to hide. */
  readonly hidden: number;
  /** Settings the running app acts on, as `settingChanged` reported them. */
  readonly settingsChanged: SettingName[];
}

export interface CoreBridge {
  readonly emulator: Emulator;
  readonly home: TempHome;
  readonly core: Core;
  readonly state: AppState;
  readonly shell: RecordingShell;
  /** Same array as `shell.opened`. */
  readonly opened: string[];
  /** Same array as `shell.clipboard`. */
  readonly clipboard: string[];
  /** The keychain service this bridge's items are filed under (for `keychainItem(key, service)`). */
  readonly keychainService: string;
  /** Failures the router hid from the window behind `Internal` (they would go to the app's log). */
  readonly unexpectedErrors: { method: InvokeMethodName; error: unknown }[];
  /** Sends an event to the page as the main process does: `emit('focusSearch')`. */
  readonly emit: EventPublisher;
  /** Changes what the browser does with the next sign-in pages. */
  setBrowser(decision: BrowserDecision): void;
  /** Resolves once every event published so far reached the page and every browser visit ended. */
  settled(): Promise<void>;
  /** Cancels sign-ins, stops everything, deletes the keychain items and the temporary HOME. */
  dispose(): Promise<void>;
}

/** The fake IPC event: the frame the binding was called from (Electron's `senderFrame`). */
interface BridgeEvent {
  readonly senderFrame: Frame;
}

/** The names the init script needs, as plain data (it runs in the page and imports nothing). */
interface PreloadSpec {
  globalName: string;
  binding: string;
  emitter: string;
  invoke: { name: string; channel: string }[];
  events: { name: string; channel: string; key: string }[];
  appVersion: string;
  platform: string;
}

/** The binding every invoke goes through, and the hook events are delivered to, in the page. */
export const invokeBindingName = '__ssoTrayInvoke';
export const emitHookName = '__ssoTrayEmit';

const packageVersion = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * Starts an emulator, a temporary HOME, a core on the OS keychain and the real IPC router and
 * handlers, and gives `page` the preload API. Call before the page's first `goto`.
 */
export async function startCoreBridge(page: Page, options: CoreBridgeOptions = {}): Promise<CoreBridge> {
  const clock = options.clock;
  const emulator = await Emulator.start({
    accounts: options.accounts ?? 3,
    rolesPerAccount: options.rolesPerAccount ?? 2,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(clock ? { now: () => clock.now() } : {}),
    knobs: { devicePollIntervalSeconds: 0, ...options.knobs },
  });
  const home = await createTempHome('sso-tray-e2e-');
  const env = { ...home.env, ...emulator.env };
  await writeAwsFiles(home, emulator, options);

  const keychainService = `sso-tray-test-${randomUUID()}`;
  const keychain = new KeyringSecretStore(keychainService);
  await probeKeychain(keychain).catch(async (error: unknown) => {
    await emulator.close();
    await home.dispose();
    throw error;
  });
  const shell = {
    opened: [] as string[],
    clipboard: [] as string[],
    hidden: 0,
    settingsChanged: [] as SettingName[],
  };
  let decision: BrowserDecision = options.browser ?? 'approve';
  const visits = new Set<Promise<void>>();

  // The system browser: records every URL, and on the emulator's sign-in pages acts as the person
  // would (device code: approve or deny on the emulator; PKCE: the test browser posts the decision
  // and follows the redirect to the app's loopback listener). Console URLs are only recorded.
  const browser = (url: string): Promise<void> => {
    shell.opened.push(url);
    const visit = visitSignInPage(url, decision, emulator);
    if (visit) {
      const tracked = visit.finally(() => visits.delete(tracked));
      visits.add(tracked);
    }
    return Promise.resolve();
  };
  // Called only once the core exists (on a sign-in or a console request).
  const startUrls = (): string[] => core.sessions.list().map((session) => session.startUrl);
  const openExternal = createExternalOpener(browser, startUrls, env);
  const core = await createCore({
    env,
    keychain,
    opener: { open: (url) => openExternal(url) },
    ...(clock ? { clock } : {}),
  });
  const state = new AppState(core);
  await state.load();
  const scheduler = new RefreshScheduler(core.sessions, clock ?? systemClock);
  scheduler.start();

  // Events: published in order, each delivered to the page's hook before the next.
  let disposed = false;
  let delivery = Promise.resolve();
  const emit: EventPublisher = <Name extends EventName>(name: Name, ...args: EventArgs<Name>) => {
    if (disposed || page.isClosed()) return;
    const payload: unknown = args[0];
    delivery = delivery.then(() =>
      page
        .evaluate(
          ([hook, event, value]) => {
            const deliver = (globalThis as Record<string, unknown>)[hook];
            if (typeof deliver === 'function') (deliver as (n: string, p: unknown) => void)(event, value);
          },
          [emitHookName, name, payload] as const,
        )
        // A page that is navigating or closed has no window to send to: Electron drops it too.
        .catch(() => undefined),
    );
  };
  const stopPublishing = state.onDidChange(() => {
    emit('snapshot', state.snapshot());
  });

  // The router, on a fake ipcMain whose invokes come from the binding.
  const channels = new Map<string, (event: BridgeEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainPort<BridgeEvent> = {
    handle: (channel, listener) => {
      if (channels.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      channels.set(channel, listener);
    },
    removeHandler: (channel) => {
      channels.delete(channel);
    },
  };
  const handlers = createIpcHandlers(core, state, {
    openExternal,
    writeClipboard: (text) => {
      shell.clipboard.push(text);
    },
    hideWindow: () => {
      shell.hidden++;
    },
    settingChanged: (name) => {
      shell.settingsChanged.push(name);
    },
  });
  const unexpectedErrors: CoreBridge['unexpectedErrors'] = [];
  const stopRouter = registerIpcRouter(
    ipcMain,
    handlers,
    // Our window's main frame only, as createTrustedSenderCheck demands of the real window.
    (event) => event.senderFrame === page.mainFrame(),
    {
      onUnexpectedError: (method, error) => {
        unexpectedErrors.push({ method, error });
      },
    },
  );

  await page.exposeBinding(invokeBindingName, async (source, channel: unknown, payload: unknown) => {
    const listener = typeof channel === 'string' ? channels.get(channel) : undefined;
    // What ipcRenderer.invoke rejects with when nothing handles the channel.
    if (!listener) throw new Error(`No handler registered for '${String(channel)}'`);
    return listener({ senderFrame: source.frame }, payload);
  });
  const spec: PreloadSpec = {
    globalName: preloadGlobalName,
    binding: invokeBindingName,
    emitter: emitHookName,
    invoke: invokeMethodNames.map((name) => ({ name, channel: invokeChannel(name) })),
    events: eventNames.map((name) => ({ name, channel: eventChannel(name), key: eventListenerKey(name) })),
    appVersion: options.appVersion ?? packageVersion,
    platform: options.platform ?? process.platform,
  };
  await page.addInitScript(installPreloadApi, spec);

  const sessionNames = (): string[] => [
    ...new Set([bridgeSessionName, ...core.sessions.list().map((session) => session.name)]),
  ];
  const settled = async (): Promise<void> => {
    await Promise.allSettled([...visits]);
    await delivery;
  };

  return {
    emulator,
    home,
    core,
    state,
    shell: {
      opened: shell.opened,
      clipboard: shell.clipboard,
      get hidden() {
        return shell.hidden;
      },
      settingsChanged: shell.settingsChanged,
    },
    opened: shell.opened,
    clipboard: shell.clipboard,
    keychainService,
    unexpectedErrors,
    emit,
    setBrowser: (next) => {
      decision = next;
    },
    settled,
    async dispose() {
      const names = sessionNames();
      for (const session of names) await handlers.cancelSignIn({ session });
      await settled();
      disposed = true;
      stopPublishing();
      stopRouter();
      scheduler.stop();
      state.dispose();
      await emulator.close();
      const items = new ChunkedSecretStore(keychain, keychainItemLimit(process.platform));
      for (const session of names) {
        for (const key of [
          `token:${session}`,
          `registration:${session}:device-code`,
          `registration:${session}:pkce`,
          `credentials:${session}`,
        ])
          await items.delete(key).catch(() => false);
      }
      await home.dispose();
    },
  };
}

/** Fails at once, saying what to do, when no Secret Service answers (not in a keyring session). */
async function probeKeychain(keychain: KeyringSecretStore): Promise<void> {
  try {
    await keychain.set('probe', 'probe');
    await keychain.delete('probe');
  } catch (cause) {
    throw new Error(
      'The test bridge keeps tokens in the OS keychain, and none answered: run the browser tests under scripts/with-keyring-session.sh (scripts/with-keyring-session.sh npx playwright test)',
      { cause },
    );
  }
}

async function writeAwsFiles(home: TempHome, emulator: Emulator, options: CoreBridgeOptions): Promise<void> {
  const configFile = home.env.AWS_CONFIG_FILE ?? '';
  const credentialsFile = home.env.AWS_SHARED_CREDENTIALS_FILE ?? '';
  let config = '';
  if (options.withSession ?? true)
    config += `[sso-session ${bridgeSessionName}]\nsso_start_url = ${emulator.org.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n`;
  if (options.extraConfig) config += `${config ? '\n' : ''}${options.extraConfig}`;
  // A first run on a fresh machine has no ~/.aws at all.
  if (config) {
    await mkdir(dirname(configFile), { recursive: true });
    await writeFile(configFile, config);
  }
  if (options.credentialsFile !== undefined) {
    await mkdir(dirname(credentialsFile), { recursive: true });
    await writeFile(credentialsFile, options.credentialsFile);
  }
}

/** What the person at the browser does on a sign-in page; undefined for pages they only look at. */
function visitSignInPage(
  url: string,
  decision: BrowserDecision,
  emulator: Emulator,
): Promise<void> | undefined {
  if (decision === 'ignore') return undefined;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return undefined;
  }
  if (target.origin !== new URL(emulator.url).origin) return undefined;
  const userCode = target.searchParams.get('user_code');
  if (userCode) {
    emulator.decideUserCode(userCode, decision === 'approve');
    return Promise.resolve();
  }
  if (target.pathname !== '/authorize') return undefined;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [testBrowser, url],
      { env: isolatedEnv({ SSO_TRAY_TEST_BROWSER: decision }) },
      () => {
        resolve();
      },
    );
  });
}

/**
 * Runs in the page before its own scripts, like the preload: defines `window.ssoTray` from the
 * contract's names. Invokes go to the binding and unwrap the IpcResult (a failure rejects with a
 * plain `{ name: 'IpcError', message, code }`, as it arrives through the contextBridge); events
 * come to the hook and go to the listeners of that event. Self-contained: it is sent as source.
 */
function installPreloadApi(spec: PreloadSpec): void {
  type Listener = (payload: unknown) => void;
  type Result = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
  const host = globalThis as unknown as Record<string, unknown>;
  const listeners = new Map<string, Set<Listener>>(spec.events.map((event) => [event.name, new Set()]));
  Object.defineProperty(host, spec.emitter, {
    value: (name: string, payload: unknown) => {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          listener(payload);
        } catch (error) {
          // Reported like any uncaught error in the page, without stopping the other listeners.
          setTimeout(() => {
            throw error;
          });
        }
      }
    },
  });
  const api: Record<string, unknown> = {};
  for (const method of spec.invoke) {
    api[method.name] = async (request?: unknown): Promise<unknown> => {
      const invoke = host[spec.binding] as (channel: string, payload: unknown) => Promise<Result>;
      const result = await invoke(method.channel, request);
      if (result.ok) return result.value;
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the contextBridge delivers a plain object
      throw { name: 'IpcError', message: result.error.message, code: result.error.code };
    };
  }
  for (const event of spec.events) {
    api[event.key] = (callback: Listener): (() => void) => {
      const listener: Listener = (payload) => {
        callback(payload);
      };
      listeners.get(event.name)?.add(listener);
      return () => {
        listeners.get(event.name)?.delete(listener);
      };
    };
  }
  api.appVersion = spec.appVersion;
  api.platform = spec.platform;
  Object.defineProperty(host, spec.globalName, { value: Object.freeze(api), enumerable: true });
}

/**
 * The page's `window.ssoTray` as a handle, to call it as the renderer would:
 * `(await preloadApi(page)).evaluate((api) => api.getSnapshot())`.
 */
export function preloadApi(page: Page): Promise<JSHandle<SsoTrayApi>> {
  return page.evaluateHandle(
    (name) => (globalThis as unknown as Record<string, SsoTrayApi>)[name] as SsoTrayApi,
    preloadGlobalName,
  );
}
