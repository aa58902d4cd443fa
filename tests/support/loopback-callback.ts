import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for an OAuth client's loopback listener: it receives the browser's redirect to
 * `/oauth/callback` and hands the query to the test.
 */
export async function listenForCallback(): Promise<{
  redirectUri: string;
  callback: Promise<URLSearchParams>;
  close(): void;
}> {
  let deliver: (query: URLSearchParams) => void = () => undefined;
  const callback = new Promise<URLSearchParams>((resolve) => {
    deliver = resolve;
  });
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Signed in</h1>');
    if (url.pathname === '/oauth/callback') deliver(url.searchParams);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}/oauth/callback`,
    callback,
    close: () => {
      server.close();
      server.closeAllConnections();
    },
  };
}
