import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/app/create-core';
import { MemorySecretStore } from '../../electron/core/secrets/memory-secret-store';
import type { SecretStore } from '../../electron/core/secrets/secret-store';
import { Emulator, type EmulatorOptions } from '../emulator';
import type { FakeClock } from './fake-clock';
import { createTempHome, type TempHome } from './temp-home';

export interface EmulatorCoreOptions extends Omit<EmulatorOptions, 'now'> {
  /** Shared by the emulator and the core. */
  clock?: FakeClock;
  /** Defaults to an in-memory store (these tests are about the core, not the keychain). */
  keychain?: SecretStore;
}

export interface EmulatorCore {
  emulator: Emulator;
  home: TempHome;
  core: Core;
  /** Another core on the same files, keychain and clock: what a second process would see. */
  newCore: () => Promise<Core>;
}

/**
 * An emulator that approves sign-ins at once, a temp HOME whose AWS config has `[sso-session
 * corp]` for it, and a core pointed at both: the setting of the in-process integration tests.
 */
export async function startEmulatorCore(options: EmulatorCoreOptions = {}): Promise<EmulatorCore> {
  const { clock, keychain = new MemorySecretStore(), knobs, ...emulatorOptions } = options;
  const emulator = await Emulator.start({
    ...emulatorOptions,
    ...(clock ? { now: clock.now } : {}),
    knobs: { autoApprove: true, devicePollIntervalSeconds: 0, ...knobs },
  });
  const home = await createTempHome();
  await mkdir(join(home.root, '.aws'), { recursive: true });
  await writeFile(
    home.env.AWS_CONFIG_FILE ?? '',
    `[sso-session corp]\nsso_start_url = ${emulator.org.startUrl}\nsso_region = us-east-1\n`,
  );
  const newCore = (): Promise<Core> =>
    createCore({
      env: { ...home.env, ...emulator.env },
      keychain,
      opener: { open: () => Promise.resolve() },
      ...(clock ? { clock } : {}),
    });
  return {
    emulator,
    home,
    core: await newCore(),
    newCore,
  };
}
