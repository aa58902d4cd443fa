// electron-builder.yml, checked against the schema of the installed electron-builder (so a
// misspelt key fails here rather than on a release machine) and for the security settings issue 6
// asks for. Packaging itself needs internet to fetch Electron and is not run in the tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { trayIconFileNames } from '../../electron/main/tray-icon-paths';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: unknown, debugLogger: { isEnabled: boolean; add(): void }) => Promise<void>;
};

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  electronFuses: Record<string, boolean>;
  mac: {
    hardenedRuntime: boolean;
    entitlements: string;
    extendInfo: Record<string, unknown>;
    target: { target: string; arch: string }[];
  };
  win: { target: string };
  linux: { target: string[] };
  deb: { depends: string[] };
}

const configText = readFileSync(
  fileURLToPath(new URL('../../electron-builder.yml', import.meta.url)),
  'utf8',
);
const config = yaml.load(configText) as BuilderConfig;
const silent = { isEnabled: false, add: () => undefined };

describe('electron-builder.yml', () => {
  it("matches the installed electron-builder's schema", async () => {
    await expect(validateConfiguration(config, silent)).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, electronFuses: { runAsNodeTypo: false } }, silent),
    ).rejects.toThrow(/electronFuses/);
    // Compiling electron-builder's large schema takes a few seconds.
  }, 30_000);

  it('sets the fuses: no RunAsNode, NODE_OPTIONS or --inspect; encrypted cookies; app only from a checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships only the build output, and the keychain binary outside the asar', () => {
    expect(config.files).toContain('dist/**/*');
    expect(config.files.filter((pattern) => !pattern.startsWith('!'))).toEqual(['dist/**/*', 'package.json']);
    expect(config.asarUnpack).toContain('node_modules/@napi-rs/keyring*/**');
  });

  it('ships the tray icons where tray-icon-paths.ts looks for them', () => {
    expect(config.extraResources).toContainEqual({ from: 'build/tray', to: 'tray', filter: ['*.png'] });
    expect(trayIconFileNames().every((name) => name.endsWith('.png'))).toBe(true);
  });

  it('builds a universal, hardened macOS menu-bar app, an NSIS installer, an AppImage and a deb', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: 'universal' },
      { target: 'zip', arch: 'universal' },
    ]);
    expect(config.win.target).toBe('nsis');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.deb.depends).toContain('libayatana-appindicator3-1 | libappindicator3-1');
    expect(config.deb.depends).toContain('libgtk-3-0');
  });

  it('gives the hardened runtime only the entitlements the app needs (JIT and the network)', () => {
    const plist = readFileSync(
      fileURLToPath(new URL('../../build/entitlements.mac.plist', import.meta.url)),
      'utf8',
    );
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);
    expect(keys.sort()).toEqual([
      'com.apple.security.cs.allow-jit',
      'com.apple.security.network.client',
      'com.apple.security.network.server',
    ]);
  });
});
