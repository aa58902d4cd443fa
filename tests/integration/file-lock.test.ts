// withFileLock with real files and real processes: one holder at a time within a process and
// across processes, stale locks (dead owner, or too old) taken over, and clear errors otherwise.
import { execFile, spawn } from 'node:child_process';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/app/app-error';
import { withFileLock } from '../../electron/core/aws-files/file-lock';
import { repoRoot } from '../support/built-cli';
import { createTempHome, type TempHome } from '../support/temp-home';

let home: TempHome;
let file: string;
let lockPath: string;

beforeEach(async () => {
  home = await createTempHome('sso-tray-lock-');
  file = join(home.root, 'config');
  lockPath = `${file}.sso-tray.lock`;
});

afterEach(async () => {
  await home.dispose();
});

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Lets other callers run: a few turns of the event loop and a real file-system round trip. */
async function yieldToOthers(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await stat(home.root);
  await new Promise((resolve) => setImmediate(resolve));
}

/** The pid of a process that has exited: a lock naming it was left by a crash. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  const pid = child.pid;
  await new Promise((resolve) => child.on('exit', resolve));
  if (pid === undefined) throw new Error('no pid');
  return pid;
}

/**
 * Runs an action under the lock from many callers at once, their starts staggered by a few file
 * system round trips so that some arrive while others are taking or releasing the lock. Returns
 * the most holders seen together.
 */
async function contend(callers: number): Promise<{ maxHolders: number; ran: number }> {
  let holders = 0;
  let maxHolders = 0;
  let ran = 0;
  await Promise.all(
    Array.from({ length: callers }, async (_, index) => {
      for (let delay = 0; delay < index % 5; delay++) await stat(home.root);
      await withFileLock(
        file,
        async () => {
          holders++;
          maxHolders = Math.max(maxHolders, holders);
          await yieldToOthers();
          ran++;
          holders--;
        },
        30_000,
      );
    }),
  );
  return { maxHolders, ran };
}

async function lockError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('FileWriteFailed');
  return error as AppError;
}

describe('withFileLock', () => {
  it('returns what the action returns, holds `<file>.sso-tray.lock` with our pid meanwhile, and removes it after', async () => {
    const result = await withFileLock(file, async () => {
      expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`);
      expect((await stat(lockPath)).mode & 0o777).toBe(0o600);
      return 42;
    });
    expect(result).toBe(42);
    expect(await exists(lockPath)).toBe(false);
    expect(await exists(file)).toBe(false); // the lock never creates the file itself
  });

  it('releases the lock when the action throws, and passes the error on', async () => {
    const failure = new Error('edit failed');
    await expect(withFileLock(file, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(await exists(lockPath)).toBe(false);
    await expect(withFileLock(file, () => Promise.resolve('again'))).resolves.toBe('again');
  });

  it('lets one caller in at a time when many ask at once', async () => {
    expect(await contend(25)).toEqual({ maxHolders: 1, ran: 25 });
    expect(await exists(lockPath)).toBe(false);
  });

  it('makes a second caller wait until the first has finished', async () => {
    const events: string[] = [];
    let release: () => void = () => undefined;
    const first = withFileLock(file, async () => {
      events.push('first in');
      await new Promise<void>((resolve) => (release = resolve));
      events.push('first out');
    });
    while (!events.includes('first in')) await yieldToOthers();
    const second = withFileLock(file, () => {
      events.push('second in');
      return Promise.resolve();
    });
    for (let turn = 0; turn < 20; turn++) await yieldToOthers();
    expect(events).toEqual(['first in']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'first out', 'second in']);
  });

  it('locks different files independently', async () => {
    const other = join(home.root, 'credentials');
    const order: string[] = [];
    await withFileLock(file, async () => {
      await withFileLock(other, () => {
        order.push('inner');
        return Promise.resolve();
      });
      order.push('outer');
    });
    expect(order).toEqual(['inner', 'outer']);
  });

  it('takes over a lock left by a process that has died', async () => {
    await writeFile(lockPath, `${await deadPid()}\n`);
    await expect(withFileLock(file, () => Promise.resolve('ran'))).resolves.toBe('ran');
    expect(await exists(lockPath)).toBe(false);
  });

  it('keeps one holder at a time when many callers find the same dead lock', async () => {
    for (let round = 0; round < 5; round++) {
      await writeFile(lockPath, `${await deadPid()}\n`);
      expect(await contend(20)).toEqual({ maxHolders: 1, ran: 20 });
    }
  });

  it('takes over a lock older than 30 s even if its pid is alive (a hung or reused pid)', async () => {
    await writeFile(lockPath, `${process.pid}\n`);
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath, old, old);
    await expect(withFileLock(file, () => Promise.resolve('ran'))).resolves.toBe('ran');
  });

  it('takes over an unreadable lock once it is more than a second old', async () => {
    await writeFile(lockPath, 'garbage');
    const old = new Date(Date.now() - 5_000);
    await utimes(lockPath, old, old);
    await expect(withFileLock(file, () => Promise.resolve('ran'))).resolves.toBe('ran');
  });

  it('gives up with a clear error while a live process holds the lock, and leaves its lock alone', async () => {
    await writeFile(lockPath, `${process.pid}\n`);
    let ran = false;
    const error = await lockError(
      withFileLock(
        file,
        () => {
          ran = true;
          return Promise.resolve();
        },
        150,
      ),
    );
    expect(error.message).toContain('locked by another SSO Tray process');
    expect(error.message).toContain(lockPath);
    expect(ran).toBe(false);
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.pid}\n`);
  });

  it('waits for a lock being written (empty, fresh) rather than taking it', async () => {
    await writeFile(lockPath, '');
    // Dated ahead, so that it stays fresh however slowly this test runs.
    const ahead = new Date(Date.now() + 60_000);
    await utimes(lockPath, ahead, ahead);
    await lockError(withFileLock(file, () => Promise.resolve(), 150));
    expect(await exists(lockPath)).toBe(true);
  });

  it('creates the missing folder of a first ~/.aws/config to hold the lock', async () => {
    const first = join(home.root, '.aws', 'config');
    await expect(withFileLock(first, () => Promise.resolve('ran'))).resolves.toBe('ran');
    expect((await stat(join(home.root, '.aws'))).mode & 0o777).toBe(0o700);
    expect(await exists(`${first}.sso-tray.lock`)).toBe(false);
  });

  it('reports a folder where the lock cannot be created', async () => {
    await writeFile(join(home.root, 'not-a-folder'), 'keep');
    let ran = false;
    const error = await lockError(
      withFileLock(join(home.root, 'not-a-folder', 'config'), () => {
        ran = true;
        return Promise.resolve();
      }),
    );
    expect(error.message).toMatch(/Could not lock .*not-a-folder.*ENOTDIR.*writable/);
    expect(ran).toBe(false);
  });

  it('keeps processes from losing each other’s updates', async () => {
    const counter = join(home.root, 'counter');
    await writeFile(counter, '0');
    const moduleUrl = pathToFileURL(join(repoRoot, 'electron/core/aws-files/file-lock.ts')).href;
    // Each process adds 1 to the counter 15 times, reading and writing it in separate steps.
    const script = `
      const { readFile, writeFile } = await import('node:fs/promises');
      const { withFileLock } = await import(${JSON.stringify(moduleUrl)});
      const counter = process.env.COUNTER;
      for (let i = 0; i < 15; i++) {
        await withFileLock(counter, async () => {
          const value = Number(await readFile(counter, 'utf8'));
          await new Promise((resolve) => setTimeout(resolve, 1));
          await writeFile(counter, String(value + 1));
        }, 30000);
      }`;
    const processes = 4;
    await Promise.all(
      Array.from(
        { length: processes },
        () =>
          new Promise<void>((resolve, reject) => {
            execFile(
              process.execPath,
              ['--import', 'tsx', '--input-type=module', '-e', script],
              {
                cwd: repoRoot,
                env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home.root, COUNTER: counter },
                timeout: 60_000,
              },
              (error, _stdout, stderr) => {
                if (error) reject(new Error(`${error.message}\n${stderr}`));
                else resolve();
              },
            );
          }),
      ),
    );
    expect(await readFile(counter, 'utf8')).toBe(String(processes * 15));
    expect(await exists(`${counter}.sso-tray.lock`)).toBe(false);
  });
});
