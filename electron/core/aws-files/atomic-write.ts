import { randomBytes } from 'node:crypto';
import { chmod, link, lstat, mkdir, open, readdir, readlink, rename, stat, unlink } from 'node:fs/promises';
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
export interface AtomicWriteOptions {
  mode?: number;
  /** For secrets: always `mode`, whatever mode an older file had. */
  forceMode?: boolean;
  /**
   * false skips the fsyncs, for a copy whose loss in a power cut costs nothing (the backup beside
   * a config): readers still see the old or the new file, never part of one.
   */
  durable?: boolean;
}

/** A new version written beside the file, not yet in its place. */
export interface PreparedWrite {
  /** Renames it over the file (and makes the rename durable). */
  commit(): Promise<void>;
  /** Deletes it; the file stays as it was. */
  abort(): Promise<void>;
}

export async function writeFileAtomic(
  path: string,
  contents: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  await (await prepareAtomicWrite(path, contents, options)).commit();
}

/**
 * The first half of writeFileAtomic: everything that can fail for lack of space or permission,
 * done on a temporary file, so a caller can do more (replace a backup) before anything visible
 * changes, and abort if that fails.
 */
export async function prepareAtomicWrite(
  path: string,
  contents: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<PreparedWrite> {
  const durable = options.durable ?? true;
  const { target, mode: existing } = await inspectTarget(path);
  const folder = dirname(target);
  let mode = options.mode ?? 0o600;
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
  const abort = (): Promise<void> => unlink(temporary).catch(() => undefined);
  try {
    const handle = await open(temporary, 'wx', mode);
    try {
      await handle.writeFile(contents);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temporary, mode); // the umask may have narrowed it
  } catch (error) {
    await abort();
    throw writeError(path, error);
  }
  return {
    abort,
    async commit() {
      try {
        await rename(temporary, target);
      } catch (error) {
        await abort();
        throw writeError(path, error);
      }
      if (durable) await syncFolder(folder);
    },
  };
}

/**
 * Makes `backupPath` the current version of `path` (whose bytes are `contents`), atomically: a
 * hard link to the file that is about to be replaced, so no byte is copied; where links are not
 * possible (another device, a file system without them) a copy written without fsync, since a
 * backup lost in a power cut costs nothing. Readers of the backup see the old or the new one.
 */
export async function replaceBackup(path: string, backupPath: string, contents: Uint8Array): Promise<void> {
  const temporary = join(
    dirname(resolve(backupPath)),
    `.${randomBytes(6).toString('hex')}${temporarySuffix}`,
  );
  try {
    await link(await resolveSymlinks(path), temporary);
    await rename(temporary, backupPath);
    return;
  } catch {
    await unlink(temporary).catch(() => undefined);
  }
  await writeFileAtomic(backupPath, contents, { mode: 0o600, durable: false });
}

/**
 * The file really written (symlinks followed) and its permission bits, or no mode when there is
 * no file yet. One lstat in the usual case of a plain file.
 */
async function inspectTarget(path: string): Promise<{ target: string; mode: number | undefined }> {
  let target = resolve(path);
  try {
    let info = await lstat(target);
    if (info.isSymbolicLink()) {
      target = await resolveSymlinks(path);
      info = await stat(target);
    }
    return { target, mode: info.mode & 0o777 };
  } catch (error) {
    if (isNotFound(error)) return { target, mode: undefined };
    throw writeError(path, error);
  }
}

export function readOnlyError(path: string): AppError {
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
