// zod/mini, not zod: the preload bundles this contract, and mini is a tenth of the size.
import * as z from 'zod/mini';
import type { ErrorPayload } from './error-code';
import type { Inventory } from './inventory';
import type { AppSnapshot } from './session-snapshot';
import { regionProblem, sessionNameProblem, startUrlProblem } from './session-input';
import type { WindowView } from './window-view';

/**
 * The one IPC contract between the window and the main process (architecture.md rules 1 and 3):
 * the invoke methods the window may call, each with the schema the main process checks its payload
 * against and the type of its result, and the events the main process sends to the window. The
 * preload API (`shared/preload-api.ts`) and the main-process handler signatures
 * (`electron/main/ipc/`) are derived from it; channel names are derived from its keys.
 */

// Phantom key: carries an invoke method's result type, or an event's payload type, with no value.
declare const carried: unique symbol;

/** An invoke method: the schema of its request payload and (as a type only) its result. */
export interface InvokeSpec<Request extends z.ZodMiniType, Result> {
  readonly request: Request;
  readonly [carried]?: Result;
}

/** An event the main process sends to the window, with (as a type only) its payload. */
export interface EventSpec<Payload> {
  readonly event: true;
  readonly [carried]?: Payload;
}

/**
 * Declares an invoke method: `invoke(schema).returns<Result>()`, or `.returnsNothing()`. The
 * result type is a phantom: TypeScript checks it at both ends; nothing checks it at runtime.
 */
function invoke<Request extends z.ZodMiniType>(request: Request) {
  return {
    returns: <Result>(): InvokeSpec<Request, Result> => ({ request }),
    returnsNothing: (): InvokeSpec<Request, void> => ({ request }),
  };
}

/** Declares an event with a payload. */
function event<Payload>(): EventSpec<Payload> {
  return { event: true };
}

/** Declares an event without a payload. */
function signal(): EventSpec<void> {
  return { event: true };
}

/**
 * A string checked by one of the `shared/session-input.ts` checks, whose message becomes the
 * issue's. Over-long input is refused before the check so a message never echoes a huge value.
 */
function checkedText(maxLength: number, problem: (input: string) => string | undefined) {
  return z.string().check(
    z.superRefine((value, context) => {
      const message =
        value.length > maxLength ? `must be at most ${maxLength} characters long` : problem(value);
      if (message !== undefined) context.addIssue({ code: 'custom', message, input: value });
    }),
  );
}

/** An `[sso-session]` name (the AWS config file is the registry of sessions). */
export const sessionNameSchema = checkedText(128, sessionNameProblem);
export const startUrlSchema = checkedText(2048, startUrlProblem);
export const regionSchema = checkedText(32, regionProblem);
export const accountIdSchema = z
  .string()
  .check(z.regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id' }));
/** IAM role names: 1 to 64 of letters, digits and `+=,.@_-`. */
export const roleNameSchema = z.string().check(
  z.regex(/^[\w+=,.@-]{1,64}$/, {
    error: 'must be an IAM role name: 1 to 64 of letters, digits and +=,.@_-',
  }),
);
/** A console service path such as `ec2` (the same rule as the core's console destination). */
export const consoleServiceSchema = z.string().check(
  z.maxLength(64),
  z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be a console service name: lower-case letters, digits and dashes, for example ec2',
  }),
);
export const signInFlowSchema = z.enum(['pkce', 'device-code']);
export type SignInFlow = z.infer<typeof signInFlowSchema>;

/** Methods without a payload are invoked with `undefined`, and nothing else is accepted. */
const noPayload = z.undefined();
const sessionRef = { session: sessionNameSchema };
const roleRef = { session: sessionNameSchema, accountId: accountIdSchema, roleName: roleNameSchema };

/**
 * Each setting the window may change, with its value's schema. `SettingsView` (what `getSettings`
 * returns) and the `updateSetting` payload are both derived from this list. The core re-checks
 * what only it knows (a profile name's characters, a naming template's tokens).
 */
const settingUpdates = [
  /** Where tokens are kept: the OS keychain, or only the AWS CLI's cache (headless machines). */
  z.strictObject({ name: z.literal('tokenStore'), value: z.enum(['keychain', 'aws-cli-cache']) }),
  /** Mirror the token into the AWS CLI's cache so `aws` and the SDKs share the sign-in. */
  z.strictObject({ name: z.literal('awsCliCacheMirror'), value: z.boolean() }),
  /** The profile `use` points at the chosen role (`default`). */
  z.strictObject({
    name: z.literal('targetProfile'),
    value: z.string().check(z.minLength(1), z.maxLength(128)),
  }),
  /** How profile sync names profiles, e.g. `{account_name}.{role_name}`. */
  z.strictObject({
    name: z.literal('profileTemplate'),
    value: z.string().check(z.minLength(1), z.maxLength(256)),
  }),
  /** A cached inventory older than this is listed again on the next look. */
  z.strictObject({
    name: z.literal('inventoryMaxAgeMinutes'),
    value: z.int().check(z.minimum(1), z.maximum(999_999)),
  }),
  /** How the console opens: signed in through federation, or through the access portal's link. */
  z.strictObject({ name: z.literal('consoleMode'), value: z.enum(['federation', 'portal']) }),
  /** The console's region when none is asked for; empty for the session's region (core checks it). */
  z.strictObject({ name: z.literal('consoleRegion'), value: z.string().check(z.maxLength(32)) }),
  /** Where the console opens by default: a service or a console URL; empty for home. */
  z.strictObject({ name: z.literal('consoleDestination'), value: z.string().check(z.maxLength(2048)) }),
  /** Write a session's profiles after each listing of its accounts. */
  z.strictObject({ name: z.literal('profileSyncAuto'), value: z.boolean() }),
  /** How long before a session expires the tray app warns. */
  z.strictObject({
    name: z.literal('notificationLeadMinutes'),
    value: z.int().check(z.minimum(1), z.maximum(1440)),
  }),
  /** The accelerator that opens the switcher, e.g. `CommandOrControl+Shift+A`; empty for none. */
  z.strictObject({
    name: z.literal('globalShortcut'),
    value: z
      .string()
      .check(
        z.maxLength(100),
        z.regex(/^[\x21-\x7e]*$/, { error: 'must be an accelerator such as CommandOrControl+Shift+A' }),
      ),
  }),
  z.strictObject({ name: z.literal('launchAtLogin'), value: z.boolean() }),
  z.strictObject({ name: z.literal('theme'), value: z.enum(['system', 'light', 'dark']) }),
] as const;

export const settingUpdateSchema = z.discriminatedUnion('name', settingUpdates);
/** One setting change: `{ name: 'theme', value: 'dark' }`. */
export type SettingUpdate = z.infer<typeof settingUpdateSchema>;
export type SettingName = SettingUpdate['name'];
/** Every setting the window shows, by name. */
export type SettingsView = { [Update in SettingUpdate as Update['name']]: Update['value'] };
export const settingNames: readonly SettingName[] = settingUpdates.flatMap(
  (update) => update.shape.name.def.values,
);

export const ipcContract = {
  invoke: {
    getSnapshot: invoke(noPayload).returns<AppSnapshot>(),
    /** The session's cached inventory, or null when it was never listed. */
    getInventory: invoke(z.strictObject(sessionRef)).returns<Inventory | null>(),
    /** Starts a sign-in; progress shows in the snapshot (`pending`). Resolves when it finishes. */
    signIn: invoke(z.strictObject({ ...sessionRef, flow: z.optional(signInFlowSchema) })).returnsNothing(),
    cancelSignIn: invoke(z.strictObject(sessionRef)).returnsNothing(),
    signOut: invoke(z.strictObject(sessionRef)).returnsNothing(),
    /** Signs out and removes the session's `[sso-session]` section from the AWS config. */
    removeSession: invoke(z.strictObject(sessionRef)).returnsNothing(),
    addSession: invoke(
      z.strictObject({ name: sessionNameSchema, startUrl: startUrlSchema, region: regionSchema }),
    ).returnsNothing(),
    refreshAccounts: invoke(z.strictObject(sessionRef)).returns<{ added: number; removed: number }>(),
    /** Points the target profile at the role. */
    useRole: invoke(z.strictObject({ ...roleRef, region: z.optional(regionSchema) })).returns<{
      profile: string;
      changed: boolean;
      removed: string[];
      shadowedBy: string[];
    }>(),
    openConsole: invoke(
      z.strictObject({
        ...roleRef,
        region: z.optional(regionSchema),
        service: z.optional(consoleServiceSchema),
        portal: z.optional(z.boolean()),
      }),
    ).returnsNothing(),
    copyShellExports: invoke(z.strictObject(roleRef)).returnsNothing(),
    setFavourite: invoke(z.strictObject({ ...roleRef, favourite: z.boolean() })).returnsNothing(),
    getSettings: invoke(noPayload).returns<SettingsView>(),
    updateSetting: invoke(settingUpdateSchema).returnsNothing(),
    syncProfiles: invoke(
      z.strictObject({ session: z.optional(sessionNameSchema), prune: z.boolean(), dryRun: z.boolean() }),
    ).returns<{ added: number; updated: number; removed: number; diff: string }>(),
    hideWindow: invoke(noPayload).returnsNothing(),
  },
  events: {
    snapshot: event<AppSnapshot>(),
    /** The global shortcut opened the switcher: put the cursor in the search box. */
    focusSearch: signal(),
    /** The tray opened the window on a screen (a window opened anew reads it from its URL). */
    showView: event<WindowView>(),
  },
} as const;

export type IpcContract = typeof ipcContract;
export type InvokeMethodName = keyof IpcContract['invoke'];
export type EventName = keyof IpcContract['events'];

type SpecOf<Name extends InvokeMethodName> = IpcContract['invoke'][Name];
type RequestSchemaOf<Name extends InvokeMethodName> =
  SpecOf<Name> extends InvokeSpec<infer Request, unknown> ? Request : never;
/** What the window sends (the schema's input). */
export type InvokeRequest<Name extends InvokeMethodName> = z.input<RequestSchemaOf<Name>>;
/** What a handler receives once the payload is parsed (the schema's output). */
export type ParsedRequest<Name extends InvokeMethodName> = z.output<RequestSchemaOf<Name>>;
export type InvokeResult<Name extends InvokeMethodName> =
  SpecOf<Name> extends InvokeSpec<z.ZodMiniType, infer Result> ? Result : never;
export type EventPayload<Name extends EventName> =
  IpcContract['events'][Name] extends EventSpec<infer Payload> ? Payload : never;

/** How every invoke answers: Electron keeps only `message` of a thrown error, so errors are values. */
export type IpcResult<Value> = { ok: true; value: Value } | { ok: false; error: ErrorPayload };

export const invokeMethodNames = Object.keys(ipcContract.invoke) as InvokeMethodName[];
export const eventNames = Object.keys(ipcContract.events) as EventName[];

export function invokeChannel<Name extends InvokeMethodName>(name: Name): `sso-tray:${Name}` {
  return `sso-tray:${name}`;
}

export function eventChannel<Name extends EventName>(name: Name): `sso-tray:event:${Name}` {
  return `sso-tray:event:${name}`;
}

/** The preload API's subscription function for an event: `snapshot` → `onSnapshot`. */
export type EventListenerKey<Name extends EventName> = `on${Capitalize<Name>}`;

export function eventListenerKey<Name extends EventName>(name: Name): EventListenerKey<Name> {
  return `on${name.charAt(0).toUpperCase()}${name.slice(1)}` as EventListenerKey<Name>;
}
