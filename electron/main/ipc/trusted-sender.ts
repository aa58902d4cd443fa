import { pathToFileURL } from 'node:url';

/** The parts of a frame the check reads; Electron's `WebFrameMain` has them. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
  readonly processId: number;
  readonly routingId: number;
}

/** The parts of an IPC event the check reads; Electron's `IpcMainInvokeEvent` has them. */
export interface SenderEvent {
  readonly sender: unknown;
  readonly senderFrame: SenderFrame | null;
}

/** The parts of our window's `webContents` the check reads. */
export interface TrustedContents {
  readonly mainFrame: SenderFrame;
}

export interface TrustedSenderOptions {
  /** Our window's webContents, or undefined while there is no window (it is created lazily). */
  contents: () => TrustedContents | undefined;
  /** The `file://` URL of our renderer's `index.html` (see {@link rendererFileUrl}). */
  rendererUrl: string;
}

/** The `file://` URL Electron reports for a page loaded with `loadFile(indexHtmlPath)`. */
export function rendererFileUrl(indexHtmlPath: string): string {
  return pathToFileURL(indexHtmlPath).href;
}

/**
 * The check every IPC handler runs first (architecture.md rule 3, after VS Code's `validateEvent`
 * and GitHub Desktop's trusted senders): the message comes from our window's webContents, from its
 * main frame (not an iframe), showing our renderer page (not a page it was navigated to). The
 * query and fragment of the URL are ignored: the renderer may route with them.
 */
export function createTrustedSenderCheck(options: TrustedSenderOptions): (event: SenderEvent) => boolean {
  const expected = new URL(options.rendererUrl);
  return (event) => {
    const contents = options.contents();
    const frame = event.senderFrame;
    if (contents === undefined || frame === null || event.sender !== contents) return false;
    if (frame.parent !== null || !isSameFrame(frame, contents.mainFrame)) return false;
    return isRendererPage(frame.url, expected);
  };
}

function isSameFrame(frame: SenderFrame, mainFrame: SenderFrame): boolean {
  return (
    frame === mainFrame ||
    (frame.processId === mainFrame.processId && frame.routingId === mainFrame.routingId)
  );
}

function isRendererPage(url: string, expected: URL): boolean {
  let actual: URL;
  try {
    actual = new URL(url);
  } catch {
    return false;
  }
  return (
    actual.protocol === 'file:' && actual.host === expected.host && actual.pathname === expected.pathname
  );
}
