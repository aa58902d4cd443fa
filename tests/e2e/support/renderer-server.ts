import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveFolder } from '../../support/static-server';

/** The production renderer bundle (`npm run build` writes it). */
export const rendererDist = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

/** Serves a folder on 127.0.0.1 (Chromium refuses module scripts from file:// outside Electron). */
export interface ServedFolder {
  url: string;
  close(): Promise<void>;
}

/** Serves the production renderer build; fails with what to do when it was not built. */
export async function serveRenderer(): Promise<ServedFolder> {
  if (!existsSync(`${rendererDist}/index.html`))
    throw new Error(`${rendererDist}/index.html is missing: run npm run build first`);
  return serveFolder(rendererDist);
}
