// editIniFile on real files: the backup, the no-op edit, edits racing with another writer, many
// concurrent editors in one process and in several processes, and, where the AWS CLI's Python
// is installed, the AWS CLI's own config loader reading every edit the way it was meant.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chmod, lstat, mkdir, readdir, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/app/app-error';
import { addSsoSession } from '../../electron/core/aws-files/aws-config';
import { editIniFile, readIniFile } from '../../electron/core/aws-files/config-file';
import { IniDocument, type IniSection } from '../../electron/core/aws-files/ini-document';
import { parseSectionHeader } from '../../electron/core/aws-files/section-header';
import { loadWithBotocore, type Json, type LoadedConfig } from '../support/botocore-oracle';
import { repoRoot } from '../support/built-cli';
import { createTempHome, type TempHome } from '../support/temp-home';

const fixturesFolder = fileURLToPath(new URL('../fixtures/aws-config/', import.meta.url));

let home: TempHome;
let configPath: string;

beforeEach(async () => {
  home = await createTempHome('sso-tray-config-');
  configPath = join(home.root, '.aws', 'config');
});

afterEach(async () => {
  await home.dispose();
});

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

function section(document: IniDocument, header: string): IniSection | undefined {
  return document.findSection((candidate) => candidate === header);
}

/** Sets `key = value` in `[header]`, creating the section when needed. */
function setKey(header: string, key: string, value: string) {
  return (document: IniDocument): { changed: boolean; result: string } => {
    const found = section(document, header);
    if (found) document.setValue(found, key, value);
    else document.appendSection(header, [[key, value]]);
    return { changed: true, result: key };
  };
}

async function writeConfig(text: string): Promise<void> {
  await mkdir(join(home.root, '.aws'), { recursive: true });
  await writeFile(configPath, text);
}

describe('readIniFile', () => {
  it('reads a missing file as an empty document', async () => {
    const { document, text } = await readIniFile(configPath);
    expect(text).toBe('');
    expect(document.sections()).toEqual([]);
  });

  it('reads the text as it is, byte order mark included', async () => {
    const text = await readFile(join(fixturesFolder, 'crlf-bom.ini'), 'utf8');
    await writeConfig(text);
    const read = await readIniFile(configPath);
    expect(read.text).toBe(text);
    expect(read.document.serialize()).toBe(text);
  });

  it('reports a path it cannot read', async () => {
    await mkdir(configPath, { recursive: true });
    await expect(readIniFile(configPath)).rejects.toMatchObject({
      code: 'FileWriteFailed',
      message: expect.stringContaining('EISDIR') as unknown,
    });
  });
});

describe('editIniFile', () => {
  it('creates the file and its ~/.aws folder on first use, mode 0600, without a backup', async () => {
    const result = await editIniFile(configPath, (document) => ({
      changed: addSsoSession(document, 'my-sso', 'https://d-1234567890.awsapps.com/start', 'us-east-1'),
      result: 'added',
    }));
    expect(result).toBe('added');
    expect(await readFile(configPath, 'utf8')).toBe(
      '[sso-session my-sso]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n',
    );
    expect((await stat(configPath)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(home.root, '.aws'))).toEqual(['config']);
  });

  it('keeps the previous version as `config.sso-tray-backup` and the rest of the file byte for byte', async () => {
    const original = await readFile(join(fixturesFolder, 'nested-s3.ini'), 'utf8');
    await writeConfig(original);
    await editIniFile(configPath, setKey('profile tuned', 'region', 'us-west-2'));
    expect(await readFile(`${configPath}.sso-tray-backup`, 'utf8')).toBe(original);
    // The backup is the replaced file itself (a hard link), so it has the mode the config had.
    expect((await stat(`${configPath}.sso-tray-backup`)).mode & 0o777).toBe(
      (await stat(configPath)).mode & 0o777,
    );
    expect(await readFile(configPath, 'utf8')).toBe(
      original.replace('region = eu-central-1\n', 'region = us-west-2\n'),
    );
    // A second edit backs up the first edit's result.
    const afterFirst = await readFile(configPath, 'utf8');
    await editIniFile(configPath, setKey('default', 'output', 'text'));
    expect(await readFile(`${configPath}.sso-tray-backup`, 'utf8')).toBe(afterFirst);
    expect((await readdir(join(home.root, '.aws'))).sort()).toEqual(['config', 'config.sso-tray-backup']);
  });

  it('keeps the mode of an existing config', async () => {
    await writeConfig('[default]\n');
    await chmod(configPath, 0o644);
    await editIniFile(configPath, setKey('default', 'region', 'us-east-1'));
    expect((await stat(configPath)).mode & 0o777).toBe(0o644);
  });

  it('writes nothing, not even a backup, when the edit changes nothing', async () => {
    const original =
      '[sso-session my-sso]\nsso_start_url = https://d-1234567890.awsapps.com/start\nsso_region = us-east-1\n';
    await writeConfig(original);
    const before = await stat(configPath);
    const result = await editIniFile(configPath, (document) => ({
      changed: addSsoSession(document, 'my-sso', 'https://other.awsapps.com/start', 'eu-west-1'),
      result: 'exists',
    }));
    expect(result).toBe('exists');
    const after = await stat(configPath);
    expect(after.ino).toBe(before.ino);
    expect(await readFile(configPath, 'utf8')).toBe(original);
    expect(await readdir(join(home.root, '.aws'))).toEqual(['config']);
  });

  it('does not create a missing file for an edit that changes nothing', async () => {
    await editIniFile(configPath, () => ({ changed: false, result: undefined }));
    expect(await exists(configPath)).toBe(false);
  });

  it('writes through a symlinked config and keeps the link', async () => {
    const target = join(home.root, 'dotfiles', 'aws-config');
    await mkdir(join(home.root, 'dotfiles'));
    await mkdir(join(home.root, '.aws'));
    await writeFile(target, '[default]\nregion = us-east-1\n');
    await symlink(target, configPath);
    await editIniFile(configPath, setKey('default', 'region', 'eu-west-1'));
    expect((await lstat(configPath)).isSymbolicLink()).toBe(true);
    expect(await readlink(configPath)).toBe(target);
    expect(await readFile(target, 'utf8')).toBe('[default]\nregion = eu-west-1\n');
  });

  it('starts again from the new text when another program writes the file during the edit', async () => {
    await writeConfig('[default]\nregion = us-east-1\n');
    let calls = 0;
    await editIniFile(configPath, (document) => {
      calls++;
      // Another program (the AWS CLI, an editor) saves the file while SSO Tray is editing it.
      if (calls === 1)
        writeFileSync(
          configPath,
          '[default]\nregion = us-east-1\n[profile added-elsewhere]\noutput = json\n',
        );
      return setKey('sso-session my-sso', 'sso_region', 'us-east-1')(document);
    });
    expect(calls).toBe(2);
    expect(await readFile(configPath, 'utf8')).toBe(
      '[default]\nregion = us-east-1\n[profile added-elsewhere]\noutput = json\n\n[sso-session my-sso]\nsso_region = us-east-1\n',
    );
    expect(await readFile(`${configPath}.sso-tray-backup`, 'utf8')).toBe(
      '[default]\nregion = us-east-1\n[profile added-elsewhere]\noutput = json\n',
    );
  });

  it('gives up with a clear error, writing nothing, when the file keeps changing', async () => {
    await writeConfig('[default]\n');
    let calls = 0;
    const error = await editIniFile(configPath, (document) => {
      calls++;
      writeFileSync(configPath, `[default]\nwrite = ${calls}\n`);
      return setKey('default', 'region', 'us-east-1')(document);
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'FileWriteFailed',
      message: expect.stringMatching(/keeps changing/) as unknown,
    });
    expect(calls).toBe(5);
    expect(await readFile(configPath, 'utf8')).toBe('[default]\nwrite = 5\n');
    expect(await exists(`${configPath}.sso-tray-backup`)).toBe(false);
    expect(await exists(`${configPath}.sso-tray.lock`)).toBe(false);
  });

  it('passes on an error thrown by the edit and releases the lock', async () => {
    await writeConfig('[default]\n');
    await expect(
      editIniFile(configPath, () => {
        throw new Error('bad edit');
      }),
    ).rejects.toThrow('bad edit');
    expect(await readFile(configPath, 'utf8')).toBe('[default]\n');
    expect(await exists(`${configPath}.sso-tray.lock`)).toBe(false);
  });

  it('loses no key when 40 edits run at once in one process', async () => {
    await writeConfig('# my config\n[default]\nregion = us-east-1\n');
    const keys = Array.from({ length: 40 }, (_, index) => `key_${index}`);
    const results = await Promise.all(
      keys.map((key) => editIniFile(configPath, setKey('profile shared', key, `value-${key}`))),
    );
    expect(results).toEqual(keys);
    const { document, text } = await readIniFile(configPath);
    expect(text.startsWith('# my config\n[default]\nregion = us-east-1\n\n[profile shared]\n')).toBe(true);
    expect(document.sections().map((s) => s.header)).toEqual(['default', 'profile shared']);
    const shared = section(document, 'profile shared');
    if (!shared) throw new Error('no [profile shared]');
    expect(Object.fromEntries(document.entries(shared))).toEqual(
      Object.fromEntries(keys.map((key) => [key, `value-${key}`])),
    );
    expect(await exists(`${configPath}.sso-tray.lock`)).toBe(false);
  });

  it('loses no key when several processes edit the same config at once', async () => {
    await writeConfig('[default]\nregion = us-east-1\n');
    const processes = 4;
    const editsEach = 10;
    const moduleUrl = pathToFileURL(join(repoRoot, 'electron/core/aws-files/config-file.ts')).href;
    const script = `
      const { editIniFile } = await import(${JSON.stringify(moduleUrl)});
      const path = process.env.CONFIG;
      const edits = [];
      for (let i = 0; i < ${editsEach}; i++) {
        const key = 'p' + process.env.WORKER + '_k' + i;
        edits.push(editIniFile(path, (document) => {
          const found = document.findSection((header) => header === 'profile shared');
          if (found) document.setValue(found, key, 'v' + i);
          else document.appendSection('profile shared', [[key, 'v' + i]]);
          return { changed: true, result: key };
        }));
      }
      await Promise.all(edits);`;
    await Promise.all(
      Array.from(
        { length: processes },
        (_, worker) =>
          new Promise<void>((resolve, reject) => {
            execFile(
              process.execPath,
              ['--import', 'tsx', '--input-type=module', '-e', script],
              {
                cwd: repoRoot,
                env: {
                  PATH: process.env.PATH ?? '/usr/bin:/bin',
                  HOME: home.root,
                  CONFIG: configPath,
                  WORKER: String(worker),
                },
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
    const { document } = await readIniFile(configPath);
    expect(document.sections().map((s) => s.header)).toEqual(['default', 'profile shared']);
    const shared = section(document, 'profile shared');
    if (!shared) throw new Error('no [profile shared]');
    const expected: Record<string, string> = {};
    for (let worker = 0; worker < processes; worker++) {
      for (let i = 0; i < editsEach; i++) expected[`p${worker}_k${i}`] = `v${i}`;
    }
    expect(Object.fromEntries(document.entries(shared))).toEqual(expected);
    expect((await readdir(join(home.root, '.aws'))).sort()).toEqual(['config', 'config.sso-tray-backup']);
  });
});

// ---------------------------------------------------------------------------------------------
// The AWS CLI's own config loader as the judge of every edit (aws-sso-reference.md §4.2).

/** Where botocore keeps the keys of a section SSO Tray can address, or undefined for others. */
function botocoreSection(config: LoadedConfig, header: string): Record<string, Json> | undefined {
  const name = parseSectionHeader(header);
  if (name.kind === 'default') return config.profiles.default;
  if (name.kind === 'profile') return config.profiles[name.name];
  if (name.kind === 'sso-session') return config.sso_sessions[name.name];
  return undefined;
}

interface Variant {
  fixture: string;
  description: string;
  edit: (document: IniDocument) => void;
  expected: (before: LoadedConfig) => LoadedConfig;
}

/** The edits to try on one fixture: set and remove every key of every profile and session, add a session. */
function variantsOf(fixture: string, text: string, before: LoadedConfig): Variant[] {
  const document = IniDocument.parse(text);
  // configparser's [DEFAULT] keys show in every section, even after the section's own copy is removed.
  const defaults = Object.fromEntries(
    document
      .sections()
      .filter((s) => s.header === 'DEFAULT')
      .flatMap((s) => [...document.entries(s)]),
  );
  const variants: Variant[] = [];
  document.sections().forEach((target, index) => {
    if (!botocoreSection(before, target.header)) return;
    const pick = (doc: IniDocument): IniSection => {
      const found = doc.sections()[index];
      if (!found) throw new Error('the section went away');
      return found;
    };
    const change = (apply: (keys: Record<string, Json>) => void) => (config: LoadedConfig) => {
      const copy = structuredClone(config);
      const keys = botocoreSection(copy, target.header);
      if (!keys) throw new Error(`botocore lost [${target.header}]`);
      apply(keys);
      return copy;
    };
    for (const key of [...document.entries(target).keys(), 'sso_tray_new']) {
      variants.push({
        fixture,
        description: `[${target.header}] ${key} = edited`,
        edit: (doc) => {
          doc.setValue(pick(doc), key, 'edited');
        },
        expected: change((keys) => (keys[key] = 'edited')),
      });
      if (key === 'sso_tray_new') continue;
      variants.push({
        fixture,
        description: `[${target.header}] remove ${key}`,
        edit: (doc) => doc.removeKey(pick(doc), key),
        expected: change((keys) => {
          if (key in defaults) keys[key] = defaults[key] ?? '';
          else Reflect.deleteProperty(keys, key);
        }),
      });
    }
  });
  variants.push({
    fixture,
    description: 'add [sso-session sso-tray-added]',
    edit: (doc) => addSsoSession(doc, 'sso-tray-added', 'https://added.awsapps.com/start', 'us-east-1'),
    expected: (config) => {
      const copy = structuredClone(config);
      copy.sso_sessions['sso-tray-added'] = {
        ...defaults,
        sso_start_url: 'https://added.awsapps.com/start',
        sso_region: 'us-east-1',
        sso_registration_scopes: 'sso:account:access',
      };
      return copy;
    },
  });
  return variants;
}

describe('edits as the AWS CLI config loader reads them', () => {
  // crlf-bom.ini is used without its byte order mark: botocore reads the file as plain UTF-8 and
  // then fails on the mark (the JS SDK does not); duplicate-sections.ini is refused by botocore.
  const fixtures = ['nested-s3.ini', 'comments-between-keys.ini', 'mixed-eol-quoted.ini', 'crlf-bom.ini'];

  it('reads every setValue, removeKey and addSsoSession on the fixtures exactly as intended', async () => {
    const texts = new Map<string, string>();
    for (const fixture of fixtures) {
      const text = (await readFile(join(fixturesFolder, fixture), 'utf8')).replace(/^\uFEFF/, '');
      texts.set(fixture, text);
      await writeFile(join(home.root, fixture), text);
    }
    const originals = loadWithBotocore(fixtures.map((fixture) => join(home.root, fixture)));

    const variants: (Variant & { path: string; before: LoadedConfig })[] = [];
    for (const fixture of fixtures) {
      const loaded = originals[join(home.root, fixture)];
      const before = loaded?.config;
      if (!before) throw new Error(`botocore cannot read ${fixture}: ${loaded?.error ?? 'no answer'}`);
      for (const variant of variantsOf(fixture, texts.get(fixture) ?? '', before)) {
        const path = join(home.root, `variant-${variants.length}.ini`);
        await writeFile(path, texts.get(fixture) ?? '');
        await editIniFile(path, (document) => {
          variant.edit(document);
          return { changed: true, result: undefined };
        });
        variants.push({ ...variant, path, before });
      }
    }
    expect(variants.length).toBeGreaterThan(40);

    const loaded = loadWithBotocore(variants.map((variant) => variant.path));
    for (const variant of variants) {
      expect({ variant: `${variant.fixture}: ${variant.description}`, ...loaded[variant.path] }).toEqual({
        variant: `${variant.fixture}: ${variant.description}`,
        config: variant.expected(variant.before),
      });
    }
  });
});
