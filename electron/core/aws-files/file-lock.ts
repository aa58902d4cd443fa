import { mkdir, open, readFile, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../app/app-error';

const staleAfterMs = 30_000;

/**
 * A cross-process lock beside a file (`<file>.sso-tray.lock`, created exclusively), so the tray
 * and the CLI never interleave edits of one file. A lock left by a dead process, or older than
 * 30 s, is stale and taken over.
 */
export async function withFileLock<T>(
  file: string,
  action: () => Promise<T>,
  timeoutMs = 10_000,
): Promise<T> {
  const lockPath = `${file}.sso-tray.lock`;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx', 0o600).catch(async (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        // The file's folder may not exist yet (a first ~/.aws/config): the lock needs it.
        await mkdir(dirname(lockPath), { recursive: true, mode: 0o700 }).catch(() => undefined);
        return open(lockPath, 'wx', 0o600);
      });
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new AppError(
          'FileWriteFailed',
          `Could not lock ${file} (${code ?? 'unknown error'}); check that its folder is writable.`,
          { cause: error },
        );
      }
      if (await isStale(lockPath)) {
        await takeOver(lockPath);
        continue;
      }
      if (Date.now() > deadline) {
        throw new AppError(
          'FileWriteFailed',
          `${file} is locked by another SSO Tray process; try again, or delete ${lockPath} if none is running.`,
        );
      }
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(100, 5 * 2 ** Math.min(attempt, 5)) + Math.random() * 10),
      );
    }
  }
  try {
    return await action();
  } finally {
    await unlink(lockPath).catch(() => undefined);
  }
}

/**
 * Deletes a stale lock. Callers that all found the same stale lock must not each delete it: a
 * later deletion would remove the lock an earlier caller had just taken, and both would go ahead.
 * So the deletion is done under a second exclusive file, after checking again that the lock is
 * still stale (a fresh lock of a live process never is).
 */
async function takeOver(lockPath: string): Promise<void> {
  const guard = `${lockPath}.takeover`;
  let handle: FileHandle;
  try {
    handle = await open(guard, 'wx', 0o600);
  } catch {
    // Another caller is taking over; a guard left by a process that died meanwhile is cleared.
    if (await isStale(guard)) await unlink(guard).catch(() => undefined);
    return;
  }
  try {
    try {
      await handle.writeFile(`${process.pid}\n`);
    } finally {
      await handle.close();
    }
    if (await isStale(lockPath)) await unlink(lockPath).catch(() => undefined);
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

async function isStale(lockPath: string): Promise<boolean> {
  try {
    const [info, text] = await Promise.all([stat(lockPath), readFile(lockPath, 'utf8')]);
    if (Date.now() - info.mtimeMs > staleAfterMs) return true;
    const pid = Number(text.trim());
    if (!Number.isInteger(pid) || pid <= 0) return Date.now() - info.mtimeMs > 1000; // being written
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  } catch {
    return false; // gone already: the next attempt will take it
  }
}
