// What a user sees when SSO Tray cannot write their config: a read-only file, a folder that
// cannot be made, a full disk, a backup that cannot be written. Each must give one clear line
// (AppError 'FileWriteFailed') and leave the config byte for byte as it was, with no temporary
// file, lock or half-made backup left behind.
import { chmod, lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../electron/core/aws-files/atomic-write';
import { editIniFile } from '../../electron/core/aws-files/config-file';
import type { IniDocument } from '../../electron/core/aws-files/ini-document';
import { fileWriteFailure } from '../support/file-write-failure';
import { realisticConfig, runWorker, useWriterSandbox } from '../support/config-writer';

const sandbox = useWriterSandbox('sso-tray-write-failure-', { createFolder: false });

const sorted = async (path: string): Promise<string[]> => (await readdir(path)).sort();

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

function setRegion(region: string) {
  return (document: IniDocument): { changed: boolean; result: undefined } => {
    const section = document.findSection((header) => header === 'default');
    if (section) document.setValue(section, 'region', region);
    else document.appendSection('default', [['region', region]]);
    return { changed: true, result: undefined };
  };
}

/** A config with a backup from an earlier edit, as a user who has used SSO Tray before has. */
async function existingConfig(text: string, mode = 0o600): Promise<void> {
  await mkdir(sandbox.folder, { recursive: true, mode: 0o700 });
  await writeFile(sandbox.configPath, text);
  await chmod(sandbox.configPath, mode);
  await writeFile(sandbox.backupPath, 'previous backup\n', { mode: 0o600 });
}

describe('a read-only config (no write permission bits)', () => {
  // As root (and for the owner of the folder in general) renaming over a 0444 file succeeds, so
  // only an explicit check keeps SSO Tray from overriding the user's chmod.
  it('is refused before anything is written: config, mode and previous backup left as they were', async () => {
    const original = realisticConfig(8 * 1024);
    await existingConfig(original, 0o444);
    const before = await stat(sandbox.configPath);
    const error = await fileWriteFailure(editIniFile(sandbox.configPath, setRegion('us-east-1')));
    expect(error.message).toBe(
      `${sandbox.configPath} is read-only; make it writable (chmod u+w) and try again.`,
    );
    expect(await readFile(sandbox.configPath, 'utf8')).toBe(original);
    expect((await stat(sandbox.configPath)).ino).toBe(before.ino);
    expect(await modeOf(sandbox.configPath)).toBe(0o444);
    expect(await readFile(sandbox.backupPath, 'utf8')).toBe('previous backup\n');
    expect(await sorted(sandbox.folder)).toEqual(['config', 'config.sso-tray-backup']);
  });

  it.each([
    ['0444', 0o444],
    ['0400', 0o400],
    ['0555', 0o555],
    ['0000', 0o000],
  ])('is refused by writeFileAtomic for mode %s', async (_, mode) => {
    await mkdir(sandbox.folder);
    await writeFile(sandbox.configPath, 'keep\n');
    await chmod(sandbox.configPath, mode);
    const before = await stat(sandbox.configPath);
    const error = await fileWriteFailure(writeFileAtomic(sandbox.configPath, 'replaced\n'));
    expect(error.message).toMatch(/is read-only; make it writable \(chmod u\+w\)/);
    expect(await modeOf(sandbox.configPath)).toBe(mode);
    expect((await stat(sandbox.configPath)).ino).toBe(before.ino);
    await chmod(sandbox.configPath, 0o600); // a non-root test process could not read a 0000 file
    expect(await readFile(sandbox.configPath, 'utf8')).toBe('keep\n');
    expect(await sorted(sandbox.folder)).toEqual(['config']);
  });

  it('is refused through a symlink to a read-only file, link and file left as they were', async () => {
    const target = join(sandbox.home.root, 'dotfiles', 'aws-config');
    await mkdir(join(sandbox.home.root, 'dotfiles'));
    await mkdir(sandbox.folder);
    await writeFile(target, '[default]\nregion = eu-west-1\n');
    await chmod(target, 0o444);
    await symlink(target, sandbox.configPath);
    const error = await fileWriteFailure(editIniFile(sandbox.configPath, setRegion('us-east-1')));
    expect(error.message).toBe(
      `${sandbox.configPath} is read-only; make it writable (chmod u+w) and try again.`,
    );
    expect(await readlink(sandbox.configPath)).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('[default]\nregion = eu-west-1\n');
    expect(await sorted(sandbox.folder)).toEqual(['config']);
    expect(await sorted(join(sandbox.home.root, 'dotfiles'))).toEqual(['aws-config']);
  });

  it('is written again once made writable (the fix the message gives)', async () => {
    await existingConfig('[default]\nregion = eu-west-1\n', 0o444);
    await fileWriteFailure(editIniFile(sandbox.configPath, setRegion('us-east-1')));
    await chmod(sandbox.configPath, 0o644); // chmod u+w
    await editIniFile(sandbox.configPath, setRegion('us-east-1'));
    expect(await readFile(sandbox.configPath, 'utf8')).toBe('[default]\nregion = us-east-1\n');
    expect(await modeOf(sandbox.configPath)).toBe(0o644);
  });
});

describe('the config folder', () => {
  it('that cannot be created (a file is in its way) is reported, and nothing is written', async () => {
    const inTheWay = join(sandbox.home.root, 'not-a-folder');
    await writeFile(inTheWay, 'keep\n');
    const path = join(inTheWay, '.aws', 'config');
    const error = await fileWriteFailure(editIniFile(path, setRegion('us-east-1')));
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/ENOTDIR/);
    expect(await readFile(inTheWay, 'utf8')).toBe('keep\n');
    expect((await lstat(inTheWay)).isFile()).toBe(true);
    expect(await sorted(sandbox.home.root)).toEqual(['not-a-folder']);
  });

  it('that is missing is created private (0700) with the config 0600, whatever the umask', async () => {
    const path = join(sandbox.home.root, 'new-home', '.aws', 'config');
    // umask 0 would let a mode taken from defaults or the umask show as 0777 / 0666.
    const previous = process.umask(0);
    try {
      await editIniFile(path, setRegion('us-east-1'));
    } finally {
      process.umask(previous);
    }
    expect(await readFile(path, 'utf8')).toBe('[default]\nregion = us-east-1\n');
    expect(await modeOf(join(sandbox.home.root, 'new-home'))).toBe(0o700);
    expect(await modeOf(join(sandbox.home.root, 'new-home', '.aws'))).toBe(0o700);
    expect(await modeOf(path)).toBe(0o600);
    expect(await sorted(join(sandbox.home.root, 'new-home', '.aws'))).toEqual(['config']);
  });
});

/**
 * The file size limit the writer runs under, in 512-byte blocks (128 KiB). Node, the bundled
 * worker and a small edit fit well inside it; a write past it fails with EFBIG, the way a write
 * to a full disk fails with ENOSPC.
 */
const limitBlocks = 256;
const limitBytes = limitBlocks * 512;

describe('a full disk (simulated with a file size limit)', () => {
  it('is reported, and leaves the config as it was and no temporary file', async () => {
    const original = realisticConfig(16 * 1024);
    await existingConfig(original);
    const before = await stat(sandbox.configPath);
    const outcome = await runWorker(sandbox.bundle, ['pad', sandbox.configPath, String(4 * limitBytes)], {
      env: sandbox.home.env,
      fileSizeLimitBlocks: limitBlocks,
    });
    expect(outcome, outcome.result.stderr).toMatchObject({
      ok: false,
      name: 'AppError',
      code: 'FileWriteFailed',
      message: `Could not write ${sandbox.configPath}: the disk is full or the file is too large: free some space and try again. The file was left as it was.`,
    });
    expect(outcome.result.exitCode).toBe(2);
    expect(outcome.result.stderr).toBe('');
    expect(await readFile(sandbox.configPath, 'utf8')).toBe(original);
    expect((await stat(sandbox.configPath)).ino).toBe(before.ino);
    // The new version failed before the backup was touched: the previous backup is as it was.
    expect(await readFile(sandbox.backupPath, 'utf8')).toBe('previous backup\n');
    expect(await sorted(sandbox.folder)).toEqual(['config', 'config.sso-tray-backup']);
  });

  it('does not stop a small edit under the same limit (so the failure above is the big write)', async () => {
    const original = realisticConfig(16 * 1024);
    await existingConfig(original);
    const outcome = await runWorker(
      sandbox.bundle,
      ['set', sandbox.configPath, 'default', 'region', 'us-east-1'],
      {
        env: sandbox.home.env,
        fileSizeLimitBlocks: limitBlocks,
      },
    );
    expect(outcome, outcome.result.stderr).toMatchObject({ ok: true });
    expect(await readFile(sandbox.configPath, 'utf8')).toBe(
      original.replace('[default]\nregion = eu-west-1\n', '[default]\nregion = us-east-1\n'),
    );
  });
});

describe('a backup that cannot be written', () => {
  it('on a full disk leaves the config and the previous backup as they were', async () => {
    // Larger than the limit: writing the new version fails, before the backup is touched.
    const original = realisticConfig(2 * limitBytes);
    await existingConfig(original);
    const before = await stat(sandbox.configPath);
    const outcome = await runWorker(
      sandbox.bundle,
      ['set', sandbox.configPath, 'default', 'region', 'us-east-1'],
      {
        env: sandbox.home.env,
        fileSizeLimitBlocks: limitBlocks,
      },
    );
    expect(outcome, outcome.result.stderr).toMatchObject({
      ok: false,
      name: 'AppError',
      code: 'FileWriteFailed',
      message: `Could not write ${sandbox.configPath}: the disk is full or the file is too large: free some space and try again. The file was left as it was.`,
    });
    expect(await readFile(sandbox.configPath, 'utf8')).toBe(original);
    expect((await stat(sandbox.configPath)).ino).toBe(before.ino);
    expect(await readFile(sandbox.backupPath, 'utf8')).toBe('previous backup\n');
    expect(await sorted(sandbox.folder)).toEqual(['config', 'config.sso-tray-backup']);
  });

  it('because a folder is in its way leaves the config as it was', async () => {
    const original = realisticConfig(8 * 1024);
    await mkdir(sandbox.folder);
    await writeFile(sandbox.configPath, original);
    await mkdir(sandbox.backupPath);
    await writeFile(join(sandbox.backupPath, 'inside'), 'keep\n');
    const before = await stat(sandbox.configPath);
    const error = await fileWriteFailure(editIniFile(sandbox.configPath, setRegion('us-east-1')));
    expect(error.message).toContain(sandbox.backupPath);
    expect(await readFile(sandbox.configPath, 'utf8')).toBe(original);
    expect((await stat(sandbox.configPath)).ino).toBe(before.ino);
    expect(await sorted(sandbox.backupPath)).toEqual(['inside']);
    expect(await sorted(sandbox.folder)).toEqual(['config', 'config.sso-tray-backup']);
  });
});
