import type { WebContents } from 'electron';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  type BlockedRequest,
  type HardenedWebContentsPort,
  type PreventableEvent,
  hardenWebContents,
  originForLog,
} from '../../electron/main/security/harden-web-contents';

type Listener = (event: PreventableEvent, url?: string) => void;

/** A web contents that records what was installed on it, and lets the test fire events at it. */
function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  let permissionRequest:
    ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  let permissionCheck: ((webContents: unknown, permission: string) => boolean) | undefined;
  const contents = {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      windowOpenHandler = handler;
    },
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    session: {
      setPermissionRequestHandler(handler: NonNullable<typeof permissionRequest>) {
        permissionRequest = handler;
      },
      setPermissionCheckHandler(handler: NonNullable<typeof permissionCheck>) {
        permissionCheck = handler;
      },
    },
  };
  return {
    contents: contents as HardenedWebContentsPort,
    events: () => [...listeners.keys()].sort(),
    /** Fires `event` and tells whether a listener prevented its default action. */
    fire(event: string, url?: string): boolean {
      let prevented = false;
      for (const listener of listeners.get(event) ?? [])
        listener(
          {
            preventDefault: () => {
              prevented = true;
            },
          },
          url,
        );
      return prevented;
    },
    windowOpen: (url: string) => windowOpenHandler?.({ url }),
    requestPermission(permission: string): boolean | undefined {
      let granted: boolean | undefined;
      permissionRequest?.(undefined, permission, (answer) => {
        granted = answer;
      });
      return granted;
    },
    checkPermission: (permission: string) => permissionCheck?.(undefined, permission),
  };
}

function harden(startUrls: readonly string[] = []) {
  const fake = fakeWebContents();
  const opened: string[] = [];
  const blocked: BlockedRequest[] = [];
  const openExternal = vi.fn((url: string) => {
    opened.push(url);
  });
  hardenWebContents(fake.contents, {
    openExternal,
    startUrls: () => startUrls,
    onBlocked: (what) => blocked.push(what),
  });
  return { fake, opened, blocked, openExternal };
}

/** Lets the promise chain that calls openExternal run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('hardenWebContents', () => {
  it('installs a handler for every way out of the page', () => {
    const { fake } = harden();
    expect(fake.events()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ]);
  });

  it('denies window.open, and sends an allowed AWS page to the browser', async () => {
    const { fake, opened } = harden();
    expect(fake.windowOpen('https://eu-west-1.console.aws.amazon.com/ec2/home')).toEqual({ action: 'deny' });
    await settle();
    expect(opened).toEqual(['https://eu-west-1.console.aws.amazon.com/ec2/home']);
  });

  it('denies window.open of any other URL without opening anything', async () => {
    const { fake, openExternal, blocked } = harden();
    for (const url of [
      'https://evil.com/',
      'http://console.aws.amazon.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
    ])
      expect(fake.windowOpen(url)).toEqual({ action: 'deny' });
    await settle();
    expect(openExternal).not.toHaveBeenCalled();
    expect(blocked.filter((entry) => entry.kind === 'external-url')).toHaveLength(4);
  });

  it('prevents every navigation, and opens an allowed link target in the browser instead', async () => {
    const { fake, opened } = harden(['https://my-company.example.com/start']);
    expect(fake.fire('will-navigate', 'https://my-company.example.com/start')).toBe(true);
    expect(fake.fire('will-navigate', 'https://evil.com/phish')).toBe(true);
    expect(fake.fire('will-frame-navigate')).toBe(true);
    await settle();
    expect(opened).toEqual(['https://my-company.example.com/start']);
  });

  it('reads the start URLs at each request, so a newly configured session counts', async () => {
    const startUrls: string[] = [];
    const { fake, opened } = harden(startUrls);
    fake.windowOpen('https://new-company.example.com/start');
    startUrls.push('https://new-company.example.com/start');
    fake.windowOpen('https://new-company.example.com/start');
    await settle();
    expect(opened).toEqual(['https://new-company.example.com/start']);
  });

  it('prevents redirects and <webview> without opening anything', async () => {
    const { fake, openExternal } = harden();
    expect(fake.fire('will-redirect', 'https://console.aws.amazon.com/')).toBe(true);
    expect(fake.fire('will-attach-webview')).toBe(true);
    await settle();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    const { fake, blocked } = harden();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])
      expect(fake.requestPermission(permission)).toBe(false);
    expect(fake.checkPermission('clipboard-sanitized-write')).toBe(false);
    expect(blocked.filter((entry) => entry.kind === 'permission').map((entry) => entry.detail)).toContain(
      'media',
    );
  });

  it('logs only the origin of a refused URL, never its path or query (a sign-in token may be there)', () => {
    const { fake, blocked } = harden();
    fake.windowOpen('https://evil.com/federation?SigninToken=secret-token');
    fake.fire('will-navigate', 'https://signin.aws.amazon.com/federation?Action=login&SigninToken=secret');
    expect(JSON.stringify(blocked)).not.toContain('secret');
    expect(blocked).toContainEqual({ kind: 'window-open', detail: 'https://evil.com' });
    expect(originForLog('javascript:alert(document.cookie)')).toBe('javascript:…');
    expect(originForLog('not a url')).toBe('(not a URL)');
  });

  it('survives an openExternal that fails', async () => {
    const fake = fakeWebContents();
    const blocked: BlockedRequest[] = [];
    hardenWebContents(fake.contents, {
      openExternal: () => Promise.reject(new Error('no browser')),
      startUrls: () => [],
      onBlocked: (what) => blocked.push(what),
    });
    fake.windowOpen('https://console.aws.amazon.com/');
    await settle();
    expect(blocked).toContainEqual({ kind: 'external-url', detail: 'https://console.aws.amazon.com' });
  });

  it("is written against members Electron's own WebContents has", () => {
    expectTypeOf<WebContents>().toExtend<HardenedWebContentsPort>();
  });
});
