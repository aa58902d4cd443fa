import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the browser brought back to `/oauth/callback`. */
export interface CallbackQuery {
  code?: string;
  state?: string;
  error?: string;
}

export interface LoopbackListener {
  /** `http://127.0.0.1:<port>/oauth/callback`, used in the authorize request and in CreateToken. */
  redirectUri: string;
  /** Resolves with the first callback; the page shown depends on `judge`. */
  callback: Promise<CallbackQuery>;
  close(): Promise<void>;
}

/**
 * The loopback listener of the authorization-code flow: 127.0.0.1 only, a random port, path
 * `/oauth/callback`. `judge` decides whether a callback is the one we wait for (state checked by
 * the caller), and the browser gets a friendly page saying so.
 */
export async function startLoopbackListener(
  judge: (query: CallbackQuery) => { ok: boolean; message: string },
): Promise<LoopbackListener> {
  let deliver: (query: CallbackQuery) => void = () => undefined;
  const callback = new Promise<CallbackQuery>((resolve) => {
    deliver = resolve;
  });
  let answered = false;
  // Loaded here, not at start-up: only a PKCE sign-in needs an HTTP server.
  const { createServer } = await import('node:http');
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/oauth/callback' || request.method !== 'GET') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const query: CallbackQuery = {};
    for (const key of ['code', 'state', 'error'] as const) {
      const value = url.searchParams.get(key);
      if (value !== null) query[key] = value;
    }
    const verdict = answered
      ? { ok: false, message: 'This sign-in has already finished. You can close this tab.' }
      : judge(query);
    response
      .writeHead(verdict.ok ? 200 : 400, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'cache-control': 'no-store',
      })
      .end(resultPage(verdict.ok, verdict.message));
    if (!answered) {
      answered = true;
      deliver(query);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/oauth/callback`,
    callback,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

function resultPage(ok: boolean, message: string): string {
  const title = ok ? 'Signed in to SSO Tray' : 'Sign-in did not complete';
  const escaped = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}</style></head>
<body><h1>${title}</h1><p>${escaped}</p></body></html>`;
}
