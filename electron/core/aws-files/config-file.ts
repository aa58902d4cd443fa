import { readFile } from 'node:fs/promises';
import { AppError } from '../app/app-error';
import { refuseReadOnly, writeFileAtomic } from './atomic-write';
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
 * file as `<name>.sso-tray-backup`. `edit` returns false when it changed nothing.
 */
export async function editIniFile<T>(
  path: string,
  edit: (document: IniDocument) => { changed: boolean; result: T },
): Promise<T> {
  return withFileLock(path, async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = await readText(path);
      const document = IniDocument.parse(before ?? '');
      const { changed, result } = edit(document);
      if (!changed) return result;
      const after = document.serialize();
      if ((await readText(path)) !== before) continue; // changed under us: re-read and re-apply
      // Checked before the backup, so that a refused edit does not replace the previous backup.
      await refuseReadOnly(path);
      if (before !== undefined) await writeFileAtomic(`${path}.sso-tray-backup`, before, { mode: 0o600 });
      await writeFileAtomic(path, after);
      return result;
    }
    throw new AppError(
      'FileWriteFailed',
      `${path} keeps changing while SSO Tray edits it; close the program writing it and try again.`,
    );
  });
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new AppError(
      'FileWriteFailed',
      `Could not read ${path} (${code ?? 'unknown error'}); check its permissions.`,
      { cause: error },
    );
  }
}
