import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readlink, rename, stat, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { AppError } from '../app/app-error';

/**
 * Writes a file so that readers only ever see the old or the new contents: a temporary file in the
 * same folder, fsync, then rename over the target. The target's mode is kept (new files get
 * `mode`, 0600 by default); a symlink is written through to its target and left in place, so
 * dotfile managers keep working.
 */
export async function writeFileAtomic(
  path: string,
  contents: string,
  /** `forceMode` for secrets: always `mode`, whatever mode an older file had. */
  options: { mode?: number; forceMode?: boolean } = {},
): Promise<void> {
  const target = await resolveSymlinks(path);
  const folder = dirname(target);
  let mode = options.mode ?? 0o600;
  try {
    const existing = (await stat(target)).mode & 0o777;
    if (!options.forceMode) mode = existing;
  } catch (error) {
    if (!isNotFound(error)) throw writeError(path, error);
    await mkdir(folder, { recursive: true, mode: 0o700 }).catch((cause: unknown) => {
      throw writeError(path, cause);
    });
  }
  const temporary = join(folder, `.${randomBytes(6).toString('hex')}.sso-tray.tmp`);
  try {
    const handle = await open(temporary, 'wx', mode);
    try {
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temporary, mode); // the umask may have narrowed it
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw writeError(path, error);
  }
  await syncFolder(folder);
}

/** Follows a chain of symlinks to the file that is really written. */
export async function resolveSymlinks(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 32; hops++) {
    let link: string;
    try {
      link = await readlink(current);
    } catch {
      return current; // not a link (or not there yet)
    }
    current = isAbsolute(link) ? link : resolve(dirname(current), link);
  }
  throw new AppError('FileWriteFailed', `${path} is a loop of symbolic links; point it at a real file`);
}

/** Makes the rename durable where the OS allows fsync on a folder (not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Best effort: some platforms and file systems refuse fsync on a directory.
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function writeError(path: string, cause: unknown): AppError {
  if (cause instanceof AppError) return cause;
  const code = (cause as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied: check the owner and mode of the file and its folder'
      : code === 'ENOSPC'
        ? 'the disk is full: free some space and try again'
        : code === 'EROFS'
          ? 'the file system is read-only'
          : code === 'ENOTDIR' || code === 'ENOENT'
            ? 'its folder cannot be created'
            : (code ?? 'unknown error');
  return new AppError('FileWriteFailed', `Could not write ${path}: ${reason}. The file was left as it was.`, {
    cause,
  });
}
