// Locks down one window's web contents (architecture.md rule 4): the renderer can open no window,
// navigate nowhere, attach no <webview> and is granted no permission. A link to an allowed AWS page
// (see external-url-policy.ts) goes to the user's browser instead. Written against the few members
// it uses, so the unit tests drive it with a fake and Electron's WebContents satisfies it as is.
import { isAllowedExternalUrl } from './external-url-policy';

/** The part of an Electron event this module uses. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** What `setWindowOpenHandler` hands its handler (Electron's `HandlerDetails`, trimmed). */
export interface WindowOpenDetails {
  url: string;
}

/** The members of Electron's `Session` this module uses. */
export interface HardenedSessionPort {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/**
 * The members of Electron's `WebContents` this module uses. One overload per event, as Electron
 * declares them: a merged `'will-navigate' | 'will-redirect'` signature would match none of its
 * overloads, and WebContents would no longer satisfy this interface.
 */
/* eslint-disable @typescript-eslint/unified-signatures */
export interface HardenedWebContentsPort {
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  readonly session: HardenedSessionPort;
}
/* eslint-enable @typescript-eslint/unified-signatures */

export interface HardeningOptions {
  /** Opens a URL in the user's browser (`shell.openExternal`); only ever given allowed URLs. */
  openExternal(url: string): Promise<void> | void;
  /** The configured start URLs, read at each request so that config edits take effect. */
  startUrls(): readonly string[];
  /**
   * Told about each refused request. It gets the origin only: a federation URL carries a sign-in
   * token in its query, and logs are redacted.
   */
  onBlocked?(what: BlockedRequest): void;
}

export interface BlockedRequest {
  kind: 'window-open' | 'navigation' | 'redirect' | 'webview' | 'permission' | 'external-url';
  /** The origin of the refused URL, or the permission name. */
  detail: string;
}

/** The origin of a URL for a log line, never its path or query. */
export function originForLog(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? `${parsed.protocol}…` : parsed.origin;
  } catch {
    return '(not a URL)';
  }
}

/**
 * Installs the handlers on `contents`. Call it once, right after creating the window and before
 * loading the page. The permission handlers are set on the window's session, so every page of
 * that session (ours all share the default one) is refused camera, notifications, clipboard, etc.
 */
export function hardenWebContents(contents: HardenedWebContentsPort, options: HardeningOptions): void {
  const blocked = (kind: BlockedRequest['kind'], detail: string): void =>
    options.onBlocked?.({ kind, detail });

  // A link the user clicked: to the browser when it is an allowed AWS page, else nowhere.
  const openOutside = (url: string): void => {
    if (!isAllowedExternalUrl(url, options.startUrls())) {
      blocked('external-url', originForLog(url));
      return;
    }
    void Promise.resolve()
      .then(() => options.openExternal(url))
      .catch(() => {
        blocked('external-url', originForLog(url));
      });
  };

  contents.setWindowOpenHandler(({ url }) => {
    blocked('window-open', originForLog(url));
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    blocked('navigation', originForLog(url));
    openOutside(url);
  });
  // Sub-frames too (CSP already forbids frames; this is the second lock).
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    blocked('redirect', originForLog(url));
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    blocked('webview', '<webview>');
  });
  contents.session.setPermissionRequestHandler((_webContents, permission, callback) => {
    blocked('permission', permission);
    callback(false);
  });
  contents.session.setPermissionCheckHandler(() => false);
}
