// writeFileAtomic on a real file system, in a temporary folder: contents, modes, symlinks, and the
// failures a user can hit, each of which must leave the original file as it was.
import { execFile } from 'node:child_process';
import { chmod, lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../electron/core/app/app-error';
import { replaceBackup, resolveSymlinks, writeFileAtomic } from '../../electron/core/aws-files/atomic-write';
import { repoRoot } from '../support/built-cli';
import { fileWriteFailure } from '../support/file-write-failure';
import { createTempHome, type TempHome } from '../support/temp-home';

let home: TempHome;

beforeEach(async () => {
  home = await createTempHome('sso-tray-atomic-');
});

afterEach(async () => {
  await home.dispose();
});

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

/** The folder's entries, to show no temporary file was left behind. */
const entries = async (folder: string): Promise<string[]> => (await readdir(folder)).sort();

async function expectWriteError(promise: Promise<unknown>, message: RegExp): Promise<AppError> {
  const error = await fileWriteFailure(promise);
  expect(error.message).toMatch(message);
  return error;
}

describe('writeFileAtomic', () => {
  it('creates a new file with exactly the contents, mode 0600, and nothing else in the folder', async () => {
    const path = join(home.root, 'config');
    const contents = '[default]\r\nregion = eu-west-3 # ünïcödé ✓\n';
    await writeFileAtomic(path, contents);
    expect(await readFile(path, 'utf8')).toBe(contents);
    expect(await modeOf(path)).toBe(0o600);
    expect(await entries(home.root)).toEqual(['config']);
  });

  it('writes an empty file', async () => {
    const path = join(home.root, 'empty');
    await writeFileAtomic(path, '');
    expect(await readFile(path, 'utf8')).toBe('');
  });

  it('creates missing parent folders, private to the user', async () => {
    const path = join(home.root, '.aws', 'sso', 'cache', 'token.json');
    await writeFileAtomic(path, '{}');
    expect(await readFile(path, 'utf8')).toBe('{}');
    expect(await modeOf(join(home.root, '.aws'))).toBe(0o700);
    expect(await modeOf(join(home.root, '.aws', 'sso', 'cache'))).toBe(0o700);
  });

  it('gives a new file the mode asked for, whatever the umask', async () => {
    const previous = process.umask(0o077);
    try {
      await writeFileAtomic(join(home.root, 'shared'), 'x', { mode: 0o644 });
    } finally {
      process.umask(previous);
    }
    expect(await modeOf(join(home.root, 'shared'))).toBe(0o644);
  });

  it.each([0o600, 0o640, 0o644, 0o755])('replaces an existing file and keeps its mode %o', async (mode) => {
    const path = join(home.root, 'config');
    await writeFile(path, 'old contents that are longer than the new ones\n');
    await chmod(path, mode);
    await writeFileAtomic(path, 'new\n', { mode: 0o600 });
    expect(await readFile(path, 'utf8')).toBe('new\n');
    expect(await modeOf(path)).toBe(mode);
    expect(await entries(home.root)).toEqual(['config']);
  });

  it('replaces the file by renaming a new one over it, not by rewriting it in place', async () => {
    const path = join(home.root, 'config');
    await writeFile(path, 'old');
    const before = await stat(path);
    await writeFileAtomic(path, 'new');
    expect((await stat(path)).ino).not.toBe(before.ino);
  });

  it('never lets a reader see a half-written file', async () => {
    const path = join(home.root, 'big');
    const versions = ['a', 'b', 'c'].map((letter) => `${letter.repeat(512 * 1024)}\n`);
    await writeFileAtomic(path, versions[0] ?? '');
    const state = { writing: true, reads: 0, readsDuringWrites: 0 };
    const writes = (async () => {
      for (let round = 0; round < 30; round++) {
        await writeFileAtomic(path, versions[round % versions.length] ?? '');
      }
      state.writing = false;
    })();
    const reads = (async () => {
      while (state.writing || state.reads < 50) {
        const during = state.writing;
        const text = await readFile(path, 'utf8');
        expect(versions).toContain(text); // never empty, truncated or mixed
        state.reads++;
        if (during) state.readsDuringWrites++;
      }
    })();
    await Promise.all([writes, reads]);
    expect(state.readsDuringWrites).toBeGreaterThan(0);
  });

  describe('through symbolic links (dotfile managers)', () => {
    it('writes the file an absolute link points at, keeps the link, and keeps the target mode', async () => {
      const target = join(home.root, 'dotfiles', 'aws-config');
      const link = join(home.root, 'config');
      await mkdir(join(home.root, 'dotfiles'));
      await writeFile(target, 'old', { mode: 0o644 });
      await chmod(target, 0o644);
      await symlink(target, link);
      await writeFileAtomic(link, 'new');
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      expect(await readlink(link)).toBe(target);
      expect(await readFile(target, 'utf8')).toBe('new');
      expect(await modeOf(target)).toBe(0o644);
      expect(await entries(join(home.root, 'dotfiles'))).toEqual(['aws-config']);
      expect(await entries(home.root)).toEqual(['config', 'dotfiles']);
    });

    it('follows a relative link from the folder of the link, and a chain of links', async () => {
      await mkdir(join(home.root, '.aws'));
      await mkdir(join(home.root, 'dotfiles'));
      await writeFile(join(home.root, 'dotfiles', 'real'), 'old');
      await symlink('real', join(home.root, 'dotfiles', 'middle'));
      await symlink('../dotfiles/middle', join(home.root, '.aws', 'config'));
      expect(await resolveSymlinks(join(home.root, '.aws', 'config'))).toBe(
        join(home.root, 'dotfiles', 'real'),
      );
      await writeFileAtomic(join(home.root, '.aws', 'config'), 'new');
      expect(await readFile(join(home.root, 'dotfiles', 'real'), 'utf8')).toBe('new');
      expect(await readlink(join(home.root, '.aws', 'config'))).toBe('../dotfiles/middle');
      expect(await readlink(join(home.root, 'dotfiles', 'middle'))).toBe('real');
    });

    it('creates the target of a dangling link, with mode 0600, and keeps the link', async () => {
      const link = join(home.root, 'config');
      await symlink(join(home.root, 'elsewhere', 'aws-config'), link);
      await writeFileAtomic(link, 'new');
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      expect(await readFile(join(home.root, 'elsewhere', 'aws-config'), 'utf8')).toBe('new');
      expect(await modeOf(join(home.root, 'elsewhere', 'aws-config'))).toBe(0o600);
    });

    it('refuses a loop of links with a clear error', async () => {
      await symlink(join(home.root, 'b'), join(home.root, 'a'));
      await symlink(join(home.root, 'a'), join(home.root, 'b'));
      await expectWriteError(writeFileAtomic(join(home.root, 'a'), 'x'), /loop of symbolic links/);
      expect(await entries(home.root)).toEqual(['a', 'b']);
    });
  });

  describe('failures leave the original untouched', () => {
    it('reports a parent folder that cannot be created (a file is in the way)', async () => {
      await writeFile(join(home.root, 'not-a-folder'), 'keep');
      const path = join(home.root, 'not-a-folder', 'sub', 'config');
      const error = await expectWriteError(writeFileAtomic(path, 'x'), /folder cannot be created/);
      expect(error.message).toContain(path);
      expect(await readFile(join(home.root, 'not-a-folder'), 'utf8')).toBe('keep');
      expect(await entries(home.root)).toEqual(['not-a-folder']);
    });

    it('reports a folder that does not exist and cannot be made under a read-only parent', async () => {
      const readOnly = join(home.root, 'read-only');
      await mkdir(readOnly);
      const result = await writeAsUnprivilegedUser(readOnly, join(readOnly, 'missing', 'config'));
      expect(result).toMatchObject({ name: 'AppError', code: 'FileWriteFailed' });
      expect(result.message).toMatch(/permission denied/);
      expect(await entries(readOnly)).toEqual([]);
    });

    it('reports a read-only folder, leaves the file as it was and leaves no temporary file', async () => {
      const readOnly = join(home.root, 'read-only');
      await mkdir(readOnly);
      const path = join(readOnly, 'config');
      await writeFile(path, '[default]\nregion = us-east-1\n', { mode: 0o644 });
      await chmod(path, 0o644);
      const before = await stat(path);
      const result = await writeAsUnprivilegedUser(readOnly, path);
      expect(result).toMatchObject({ name: 'AppError', code: 'FileWriteFailed' });
      expect(result.message).toContain(path);
      expect(result.message).toMatch(/permission denied.*left as it was/);
      expect(await readFile(path, 'utf8')).toBe('[default]\nregion = us-east-1\n');
      expect((await stat(path)).ino).toBe(before.ino);
      expect(await entries(readOnly)).toEqual(['config']);
    });

    it('reports a target that is a folder and removes its temporary file', async () => {
      const path = join(home.root, 'config');
      await mkdir(path);
      await writeFile(join(path, 'inside'), 'keep');
      await expectWriteError(writeFileAtomic(path, 'x'), /Could not write .*config.*left as it was/);
      expect(await entries(home.root)).toEqual(['config']);
      expect(await entries(path)).toEqual(['inside']);
    });
  });
});

interface ChildOutcome {
  name?: string;
  code?: string;
  message: string;
}

/**
 * Runs writeFileAtomic in a child process that cannot write `readOnlyFolder`. Permission bits do
 * not stop root, and CI runs as root: then the child runs as `nobody` (uid 65534); otherwise the
 * folder is made read-only for the current user. The module is bundled into the temporary folder
 * first, so the child needs no access to the checkout (which may sit in root's home).
 */
async function writeAsUnprivilegedUser(readOnlyFolder: string, path: string): Promise<ChildOutcome> {
  const asRoot = process.getuid?.() === 0;
  const bundle = join(home.root, 'atomic-write.bundle.mjs');
  await build({
    entryPoints: [join(repoRoot, 'electron/core/aws-files/atomic-write.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'silent',
  });
  if (asRoot) await chmod(home.root, 0o755); // let `nobody` reach the folder (mkdtemp makes it 0700)
  await chmod(readOnlyFolder, 0o555);
  const script = `
    const { writeFileAtomic } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    try {
      await writeFileAtomic(process.env.TARGET, 'replaced');
      console.log(JSON.stringify({ message: 'written' }));
    } catch (error) {
      console.log(JSON.stringify({ name: error.name, code: error.code, message: error.message }));
    }`;
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--input-type=module', '-e', script],
        {
          cwd: home.root,
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home.root, TARGET: path },
          timeout: 30_000,
          ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        },
        (error, out, stderr) => {
          if (error) reject(new Error(`${error.message}\n${stderr}`));
          else resolve(out);
        },
      );
    });
    return JSON.parse(stdout.trim()) as ChildOutcome;
  } finally {
    await chmod(readOnlyFolder, 0o755);
  }
}

describe('replaceBackup', () => {
  it('makes the backup the very file being replaced (a hard link: no copy)', async () => {
    const config = join(home.root, 'config');
    await writeFile(config, 'current\n', { mode: 0o644 });
    await writeFile(`${config}.bak`, 'older\n');
    await replaceBackup(config, `${config}.bak`, Buffer.from('current\n'));
    expect((await stat(`${config}.bak`)).ino).toBe((await stat(config)).ino);
    expect(await readdir(home.root)).toEqual(['config', 'config.bak']);
  });

  it('writes a 0600 copy where a link cannot be made, and leaves no temporary file', async () => {
    // A folder cannot be hard-linked (EPERM), as a file on another device or on a file system
    // without links cannot: the copy is the fallback for all of them.
    const source = join(home.root, 'a-folder');
    await mkdir(source);
    const backup = join(home.root, 'backup');
    await replaceBackup(source, backup, Buffer.from('the bytes read\n'));
    expect(await readFile(backup, 'utf8')).toBe('the bytes read\n');
    expect((await stat(backup)).mode & 0o777).toBe(0o600);
    expect((await readdir(home.root)).sort()).toEqual(['a-folder', 'backup']);
  });
});
