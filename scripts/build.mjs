// `npm run build`: esbuild bundles the three Node programs (main process, preload, CLI) and Vite
// builds the renderer. Output goes to dist/, which package.json's "main" and "bin" point at.
import { chmod, rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
};

await rm('dist', { recursive: true, force: true });
await Promise.all([
  // Electron 45 ships Node 22; the keychain module is native and stays outside the bundle.
  build({
    ...common,
    target: 'node22',
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/main/main.cjs',
    external: ['electron', '@napi-rs/keyring'],
  }),
  // A sandboxed preload may only require 'electron', so everything else is bundled in.
  build({
    ...common,
    target: 'node22',
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    external: ['electron'],
  }),
  // The CLI runs on the user's Node (20 or later) and must start fast: SSO Tray's own code in one
  // file, and the AWS SDK left in node_modules, loaded only by the commands that call AWS (a
  // credential_process answered from the cache never parses it).
  build({
    ...common,
    target: 'node20',
    entryPoints: ['electron/cli/main.ts'],
    outfile: 'dist/cli/sso-tray.cjs',
    external: ['@napi-rs/keyring', '@aws-sdk/*', '@smithy/*'],
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
await chmod('dist/cli/sso-tray.cjs', 0o755);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('built dist/main, dist/preload, dist/cli and dist/renderer');
