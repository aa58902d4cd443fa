import { errorCodes, type ErrorCode, type ErrorPayload } from './error-code';
import type {
  EventListenerKey,
  EventName,
  EventPayload,
  InvokeMethodName,
  InvokeRequest,
  InvokeResult,
} from './ipc-contract';

/** One invoke method as the window calls it: no argument when the method takes no payload. */
export type InvokeFunction<Name extends InvokeMethodName> = [InvokeRequest<Name>] extends [undefined]
  ? () => Promise<InvokeResult<Name>>
  : (request: InvokeRequest<Name>) => Promise<InvokeResult<Name>>;

/** Subscribes to an event; returns the function that unsubscribes. */
export type EventSubscriber<Name extends EventName> = (
  callback: (payload: EventPayload<Name>) => void,
) => () => void;

/**
 * The API the preload script exposes to the window as `window.ssoTray`, derived from the IPC
 * contract (`shared/ipc-contract.ts`): one async function per invoke method and one `on<Event>`
 * per event, and nothing else (architecture.md rule 2). A failed call rejects with an
 * {@link IpcError}.
 */
export type SsoTrayApi = { readonly [Name in InvokeMethodName]: InvokeFunction<Name> } & {
  readonly [Name in EventName as EventListenerKey<Name>]: EventSubscriber<Name>;
} & {
  readonly appVersion: string;
  readonly platform: string;
};

/**
 * What a failed call rejects with: the error payload from the main process, shaped like an Error.
 * Electron's contextBridge copies only `message` of a real Error, so in the window this arrives as
 * a plain object with `name`, `message` and `code`: test for it with {@link isIpcError}, not
 * `instanceof Error`.
 */
export interface IpcError {
  readonly name: 'IpcError';
  readonly message: string;
  readonly code: ErrorCode;
}

/**
 * The rejection for a failed call. Built on `Error.prototype` (so `instanceof Error` holds where it
 * is made) but not by `new Error`: the contextBridge copies a plain object's own properties whole,
 * where it would reduce a real Error to its message and lose the code.
 */
export function createIpcError(payload: ErrorPayload): IpcError & Error {
  const fields: IpcError = { name: 'IpcError', message: payload.message, code: payload.code };
  return Object.assign(Object.create(Error.prototype) as Error, fields);
}

/** Whether a rejection came from a failed call (in the window it is a plain object). */
export function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof IpcError, unknown>>;
  return (
    candidate.name === 'IpcError' &&
    typeof candidate.message === 'string' &&
    (errorCodes as readonly unknown[]).includes(candidate.code)
  );
}

export const preloadGlobalName = 'ssoTray';
