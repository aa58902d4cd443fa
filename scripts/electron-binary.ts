// Where the Electron binary is, found the way the `electron` package finds it but without
// `require('electron')`, which tries to download the binary when it is missing (and cannot here:
// see docs in environment.md). Used by `npm run demo` and the Electron smoke test.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

const defaultExecutable: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/**
 * The Electron executable for the project at `root`: under `ELECTRON_OVERRIDE_DIST_PATH` when set,
 * else `node_modules/electron/dist/<path.txt>`, as the package's index.js resolves it.
 */
export function findElectronBinary(
  root: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
): ElectronBinary {
  const packageFolder = join(root, 'node_modules', 'electron');
  if (!existsSync(join(packageFolder, 'package.json')))
    return { found: false, reason: 'the electron package is not installed (run npm ci)' };
  const pathFile = join(packageFolder, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const executable = recorded ?? defaultExecutable[platform] ?? 'electron';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const path = join(override, executable);
    return existsSync(path)
      ? { found: true, path }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${path} does not exist` };
  }
  const path = join(packageFolder, 'dist', executable);
  if (recorded !== undefined && existsSync(path)) return { found: true, path };
  return {
    found: false,
    reason:
      'no Electron binary: node_modules/electron/dist is missing (its download needs internet) and ELECTRON_OVERRIDE_DIST_PATH is not set',
  };
}
