import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createTrustedSenderCheck,
  rendererFileUrl,
  type SenderEvent,
  type SenderFrame,
  type TrustedContents,
} from '../../electron/main/ipc/trusted-sender';

const rendererUrl = rendererFileUrl('/opt/SSO Tray/resources/app.asar/dist/renderer/index.html');

function frame(
  url: string,
  ids: { processId?: number; routingId?: number } = {},
  parent: SenderFrame | null = null,
) {
  return { url, parent, processId: ids.processId ?? 4, routingId: ids.routingId ?? 1 };
}

function setup() {
  const mainFrame = frame(rendererUrl);
  const contents: TrustedContents = { mainFrame };
  let current: TrustedContents | undefined = contents;
  const check = createTrustedSenderCheck({ contents: () => current, rendererUrl });
  const closeWindow = () => {
    current = undefined;
  };
  return { check, contents, mainFrame, closeWindow };
}

describe('the trusted sender check', () => {
  it('trusts our window main frame showing our renderer, whatever its query or fragment', () => {
    const { check, contents, mainFrame } = setup();
    expect(rendererUrl).toBe('file:///opt/SSO%20Tray/resources/app.asar/dist/renderer/index.html');
    expect(check({ sender: contents, senderFrame: mainFrame })).toBe(true);
    // Electron may hand out a new WebFrameMain object for the same frame.
    expect(check({ sender: contents, senderFrame: frame(`${rendererUrl}?view=settings#search`) })).toBe(true);
  });

  it.each<[string, (s: ReturnType<typeof setup>) => SenderEvent]>([
    ['another webContents', (s) => ({ sender: { mainFrame: s.mainFrame }, senderFrame: s.mainFrame })],
    ['a frame that is gone', (s) => ({ sender: s.contents, senderFrame: null })],
    [
      'an iframe of our page',
      (s) => ({ sender: s.contents, senderFrame: frame(rendererUrl, { routingId: 7 }, s.mainFrame) }),
    ],
    [
      'another top-level frame',
      (s) => ({ sender: s.contents, senderFrame: frame(rendererUrl, { routingId: 9 }) }),
    ],
    [
      'a frame in another process',
      (s) => ({ sender: s.contents, senderFrame: frame(rendererUrl, { processId: 5 }) }),
    ],
    ['a remote page', (s) => ({ sender: s.contents, senderFrame: frame('https://evil.example/index.html') })],
    ['another local file', (s) => ({ sender: s.contents, senderFrame: frame('file:///tmp/index.html') })],
    [
      'a file of the same path on a host',
      (s) => ({ sender: s.contents, senderFrame: frame(rendererUrl.replace('file://', 'file://attacker')) }),
    ],
    ['a page that is not a URL', (s) => ({ sender: s.contents, senderFrame: frame('about:blank') })],
    ['an unparsable URL', (s) => ({ sender: s.contents, senderFrame: frame('::') })],
  ])('refuses %s', (_name, makeEvent) => {
    const s = setup();
    expect(s.check(makeEvent(s))).toBe(false);
  });

  it('refuses everything while there is no window', () => {
    const { check, contents, mainFrame, closeWindow } = setup();
    closeWindow();
    expect(check({ sender: contents, senderFrame: mainFrame })).toBe(false);
  });

  it("is written against Electron's own types", () => {
    expectTypeOf<IpcMainInvokeEvent>().toExtend<SenderEvent>();
    expectTypeOf<WebContents>().toExtend<TrustedContents>();
  });
});
