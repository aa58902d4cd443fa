import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, open, readdir, readlink, rename, stat, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { AppError } from '../app/app-error';

/** Our own temporary files, and only those: `.<12 hex digits>.sso-tray.tmp`. */
const temporarySuffix = '.sso-tray.tmp';
const temporaryName = /^\.[0-9a-f]{12}\.sso-tray\.tmp$/;
/** Far longer than any write takes, so a temporary file another live writer is filling is never taken. */
const staleTemporaryMs = 60_000;

/**
 * Writes a file so that readers only ever see the old or the new contents: a temporary file in the
 * same folder, fsync, then rename over the target. The target's mode is kept (new files get
 * `mode`, 0600 by default); a symlink is written through to its target and left in place, so
 * dotfile managers keep working. A target with no write permission is refused: renaming over it
 * would succeed (only the folder's mode matters to rename), silently defeating the user's chmod.
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
  const existing = await existingMode(path, target);
  if (existing === undefined) {
    await mkdir(folder, { recursive: true, mode: 0o700 }).catch((cause: unknown) => {
      throw writeError(path, cause);
    });
  } else {
    if ((existing & 0o222) === 0) throw readOnlyError(path);
    if (!options.forceMode) mode = existing;
  }
  // Before writing, so that on a full disk the space a crashed write left behind is given back.
  await removeStaleTemporaries(folder);
  const temporary = join(folder, `.${randomBytes(6).toString('hex')}${temporarySuffix}`);
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

/**
 * Refuses, before anything is written, a file that exists without any write permission bit. For
 * callers that write other files first (the backup beside a config), so a refused edit changes
 * nothing at all.
 */
export async function refuseReadOnly(path: string): Promise<void> {
  const existing = await existingMode(path, await resolveSymlinks(path));
  if (existing !== undefined && (existing & 0o222) === 0) throw readOnlyError(path);
}

/** The permission bits of the file really written, or undefined when there is none yet. */
async function existingMode(path: string, target: string): Promise<number | undefined> {
  try {
    return (await stat(target)).mode & 0o777;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw writeError(path, error);
  }
}

function readOnlyError(path: string): AppError {
  return new AppError('FileWriteFailed', `${path} is read-only; make it writable (chmod u+w) and try again.`);
}

/**
 * Deletes temporary files a writer that was killed mid-write (power cut, SIGKILL) left in the
 * folder, once they are over a minute old. Without this they would pile up in ~/.aws forever;
 * each one is a full copy of a config. Best effort: a failure here must not fail the write.
 */
async function removeStaleTemporaries(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((name) => temporaryName.test(name))
      .map(async (name) => {
        const candidate = join(folder, name);
        try {
          const info = await lstat(candidate);
          if (info.isFile() && Date.now() - info.mtimeMs > staleTemporaryMs) await unlink(candidate);
        } catch {
          // Gone already (another writer cleaned it) or not ours to delete.
        }
      }),
  );
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
      : // EFBIG: the file size limit (ulimit -f, a quota) was reached, which the user fixes the same way.
        code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT'
        ? 'the disk is full or the file is too large: free some space and try again'
        : code === 'EROFS'
          ? 'the file system is read-only'
          : code === 'ENOTDIR' || code === 'ENOENT'
            ? 'its folder cannot be created'
            : (code ?? 'unknown error');
  return new AppError('FileWriteFailed', `Could not write ${path}: ${reason}. The file was left as it was.`, {
    cause,
  });
}
