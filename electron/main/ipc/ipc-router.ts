import type { ErrorPayload } from '../../../shared/error-code';
import {
  invokeChannel,
  invokeMethodNames,
  ipcContract,
  type InvokeMethodName,
  type InvokeResult,
  type IpcResult,
  type ParsedRequest,
} from '../../../shared/ipc-contract';
import { isAppError } from '../../core/app/app-error';
import { unexpectedErrorReport } from '../../core/app/unexpected-error';
import { payloadProblem } from './payload-problem';

/**
 * The part of Electron's `ipcMain` the router uses, so tests pass a fake and main passes the real
 * `ipcMain` (its `IpcMainInvokeEvent` is the `Event`).
 */
export interface IpcMainPort<Event> {
  handle(channel: string, listener: (event: Event, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** What the main process does for each invoke method, given the payload once parsed. */
export type IpcHandlers = {
  readonly [Name in InvokeMethodName]: (
    request: ParsedRequest<Name>,
  ) => Promise<InvokeResult<Name>> | InvokeResult<Name>;
};

export interface IpcRouterOptions {
  /**
   * Told of every failure that is not an AppError (the window sees only a generic message). By
   * default it logs the error's name, message and stack frames with secrets masked, never the
   * error object itself.
   */
  onUnexpectedError?: (method: InvokeMethodName, error: unknown) => void;
}

const accessDenied: ErrorPayload = {
  code: 'AccessDenied',
  message: 'This request did not come from the SSO Tray window, so it was refused.',
};

const internalError: ErrorPayload = {
  code: 'Internal',
  message: 'Something went wrong in SSO Tray; see the log.',
};

/**
 * Handles every invoke method of the contract on its channel (architecture.md rule 3): the sender
 * must be our window's main frame, the payload must match the method's schema, and the answer is
 * always an {@link IpcResult}. An AppError crosses as its payload; anything else as `Internal`,
 * without its message or stack (they may carry paths or secrets). Returns the function that
 * removes the handlers.
 */
export function registerIpcRouter<Event>(
  ipc: IpcMainPort<Event>,
  handlers: IpcHandlers,
  isTrustedSender: (event: Event) => boolean,
  options: IpcRouterOptions = {},
): () => void {
  const onUnexpectedError =
    options.onUnexpectedError ??
    ((method: InvokeMethodName, error: unknown) => {
      console.error(`SSO Tray: the ${method} request failed: ${unexpectedErrorReport(error)}`);
    });

  for (const name of invokeMethodNames) {
    ipc.handle(invokeChannel(name), (event, payload) =>
      answer(name, event, payload, handlers, isTrustedSender, onUnexpectedError),
    );
  }
  return () => {
    for (const name of invokeMethodNames) ipc.removeHandler(invokeChannel(name));
  };
}

async function answer<Name extends InvokeMethodName, Event>(
  name: Name,
  event: Event,
  payload: unknown,
  handlers: IpcHandlers,
  isTrustedSender: (event: Event) => boolean,
  onUnexpectedError: (method: InvokeMethodName, error: unknown) => void,
): Promise<IpcResult<InvokeResult<Name>>> {
  try {
    if (!isTrustedSender(event)) return { ok: false, error: accessDenied };
  } catch {
    return { ok: false, error: accessDenied };
  }
  try {
    const parsed = ipcContract.invoke[name].request.safeParse(payload);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'InvalidInput', message: `${name}: ${payloadProblem(parsed.error.issues)}` },
      };
    }
    // TypeScript cannot tie a handler to its own method's schema through the union of names; the
    // contract types both, so this is the one place the two are joined.
    const handler = handlers[name] as (request: unknown) => Promise<InvokeResult<Name>> | InvokeResult<Name>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.toPayload() };
    try {
      onUnexpectedError(name, error);
    } catch {
      // A failing logger must not turn the answer into a rejection carrying its message.
    }
    return { ok: false, error: internalError };
  }
}
