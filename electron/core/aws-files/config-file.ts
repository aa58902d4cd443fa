import { open, readFile, stat } from 'node:fs/promises';
import { AppError } from '../app/app-error';
import { prepareAtomicWrite, readOnlyError, replaceBackup } from './atomic-write';
import { withFileLock } from './file-lock';
import { IniDocument } from './ini-document';

/** Reads an AWS config or credentials file; a missing file is an empty document. */
export async function readIniFile(path: string): Promise<{ document: IniDocument; text: string }> {
  const text = await readText(path);
  return { document: IniDocument.parse(text ?? ''), text: text ?? '' };
}

/**
 * Edits an AWS config or credentials file safely: under the cross-process lock, read, apply
 * `edit`, and if the file changed meanwhile (another program wrote it without our lock), start
 * again from what is there now rather than overwrite it. The previous version is kept beside the
 * file as `<name>.sso-tray-backup` (a hard link to it, so no copy is written). The new version is
 * written to a temporary file first, so a full disk or a refused permission fails before the
 * backup or the file changes. `edit` returns false when it changed nothing.
 */
export async function editIniFile<T>(
  path: string,
  edit: (document: IniDocument) => { changed: boolean; result: T },
): Promise<T> {
  return withFileLock(path, async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const read = await readVersion(path);
      const before = read?.bytes;
      const document = IniDocument.parse(before?.toString('utf8') ?? '');
      const { changed, result } = edit(document);
      if (!changed) return result;
      const after = document.serialize();
      const now = await statVersion(path);
      if (now?.stamp !== read?.stamp) continue; // changed under us: re-read and re-apply
      // Checked before the backup, so that a refused edit does not replace the previous backup.
      if (now && (now.mode & 0o222) === 0) throw readOnlyError(path);
      // The new version is written first: a full disk then fails before the backup is touched.
      const prepared = await prepareAtomicWrite(path, after);
      try {
        if (before !== undefined) await replaceBackup(path, `${path}.sso-tray-backup`, before);
      } catch (error) {
        await prepared.abort();
        throw error;
      }
      await prepared.commit();
      return result;
    }
    throw new AppError(
      'FileWriteFailed',
      `${path} keeps changing while SSO Tray edits it; close the program writing it and try again.`,
    );
  });
}

async function readText(path: string): Promise<string | undefined> {
  return (await readBytes(path))?.toString('utf8');
}

/**
 * What identifies one version of a file: inode, size, and the modification and change times in
 * nanoseconds. Any write changes the change time, so a file rewritten since it was read, even
 * with the same size, has another stamp; comparing stamps costs one stat, not a second read.
 */
interface FileVersion {
  stamp: string;
  mode: number;
}

function versionOf(stats: {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  mode: bigint;
}): FileVersion {
  return {
    stamp: `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`,
    mode: Number(stats.mode & 0o7777n),
  };
}

/** The file's bytes and the version they are; undefined when there is no file. */
async function readVersion(path: string): Promise<(FileVersion & { bytes: Buffer }) | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw readError(path, error);
  }
  try {
    const stats = await handle.stat({ bigint: true });
    // One read of the size just seen; a file still growing is read to its end instead.
    const bytes = Buffer.alloc(Number(stats.size));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    const whole = bytesRead === bytes.length ? bytes : await handle.readFile();
    return { ...versionOf(stats), bytes: whole };
  } catch (error) {
    throw readError(path, error);
  } finally {
    await handle.close();
  }
}

async function statVersion(path: string): Promise<FileVersion | undefined> {
  try {
    return versionOf(await stat(path, { bigint: true }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw readError(path, error);
  }
}

function readError(path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  return new AppError(
    'FileWriteFailed',
    `Could not read ${path} (${code ?? 'unknown error'}); check its permissions.`,
    {
      cause: error,
    },
  );
}

async function readBytes(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw readError(path, error);
  }
}
