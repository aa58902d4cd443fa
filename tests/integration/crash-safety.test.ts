// editIniFile in real processes that are killed or raced: a writer killed with SIGKILL at random
// moments always leaves a whole old or new config (never part of one), its lock does not stop the
// next writer, and its temporary files do not pile up; two writers editing at once lose nothing.
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editIniFile } from '../../electron/core/aws-files/config-file';
import { IniDocument } from '../../electron/core/aws-files/ini-document';
import {
  finished,
  realisticConfig,
  runWorker,
  seededRandom,
  startWorker,
  waitForLine,
  useWriterSandbox,
} from '../support/config-writer';

/** Fixed so that a failure replays with the same kill delays; CRASH_SEED tries another. */
const seed = Number(process.env.CRASH_SEED ?? 0x5eed);
const kills = 40;
const temporaryName = /^\.[0-9a-f]{12}\.sso-tray\.tmp$/;

const sandbox = useWriterSandbox('sso-tray-crash-', { createFolder: true });

/** `text` with `[default] region` set to `region`, the way the worker's edit sets it. */
function withRegion(text: string, region: string): string {
  const document = IniDocument.parse(text);
  const section = document.findSection((header) => header === 'default');
  if (!section) throw new Error('no [default]');
  document.setValue(section, 'region', region);
  return document.serialize();
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const sorted = async (path: string): Promise<string[]> => (await readdir(path)).sort();

describe('a config writer killed with SIGKILL', () => {
  it(`always leaves the whole old or new config, and the next writer recovers its lock (${kills} kills)`, async () => {
    // Two full versions about 200 KB each, so that a write takes long enough to be interrupted.
    const versions = new Map<string, string>();
    const first = realisticConfig(200 * 1024);
    const second = withRegion(first, 'us-east-1');
    versions.set(first, 'eu-west-1').set(second, 'us-east-1');
    expect(first).toContain('[default]\nregion = eu-west-1\n');
    expect(withRegion(second, 'eu-west-1')).toBe(first); // the worker toggles between exactly these two
    await writeFile(sandbox.configPath, first, { mode: 0o600 });

    const random = seededRandom(seed);
    let edits = 0;
    for (let kill = 0; kill < kills; kill++) {
      const worker = startWorker(
        sandbox.bundle,
        ['toggle', sandbox.configPath, 'default', 'region', 'eu-west-1', 'us-east-1'],
        { env: sandbox.home.env },
      );
      const done = finished(worker);
      // Waiting for its first edit to reach the disk proves the lock the previous worker was
      // killed holding was recovered, and makes the kill land among writes, not during start-up.
      await waitForLine(worker, 'edited');
      const delay = Math.floor(random() * 31);
      await sleep(delay);
      worker.kill('SIGKILL');
      const result = await done;
      const where = `kill ${kill} of ${kills}, ${delay} ms after the first edit (CRASH_SEED=${seed})`;
      expect(result.signal, `${where}: ${result.stderr}`).toBe('SIGKILL');
      edits += result.stdout.split('\n').filter((line) => line === 'edited').length;

      // Byte for byte one of the two versions: not empty, truncated, mixed or missing.
      expect(versions.has(await readFile(sandbox.configPath, 'utf8')), where).toBe(true);
      expect(versions.has(await readFile(sandbox.backupPath, 'utf8')), `${where}: the backup`).toBe(true);
    }
    expect(edits).toBeGreaterThanOrEqual(kills);

    // What the killed writers may leave: their lock (and its takeover guard) and at most one
    // temporary file each, all under our own names.
    const leftovers = (await sorted(sandbox.folder)).filter(
      (name) => !['config', 'config.sso-tray-backup'].includes(name),
    );
    const temporaries = leftovers.filter((name) => temporaryName.test(name));
    expect(temporaries.length).toBeLessThanOrEqual(kills);
    for (const name of leftovers.filter((entry) => !temporaryName.test(entry))) {
      expect(['config.sso-tray.lock', 'config.sso-tray.lock.takeover']).toContain(name);
    }

    // A minute later, the next edit clears all of it away.
    const old = new Date(Date.now() - 120_000);
    for (const name of temporaries) await utimes(join(sandbox.folder, name), old, old);
    const before = await readFile(sandbox.configPath, 'utf8');
    const outcome = await runWorker(
      sandbox.bundle,
      ['set', sandbox.configPath, 'default', 'region', 'ap-south-1'],
      {
        env: sandbox.home.env,
      },
    );
    expect(outcome, outcome.result.stderr).toMatchObject({ ok: true });
    expect(await readFile(sandbox.configPath, 'utf8')).toBe(withRegion(first, 'ap-south-1'));
    expect(await readFile(sandbox.backupPath, 'utf8')).toBe(before);
    expect(await sorted(sandbox.folder)).toEqual(['config', 'config.sso-tray-backup']);
  });

  it('has its temporary files deleted once over a minute old; files that are not ours stay', async () => {
    await writeFile(sandbox.configPath, '[default]\nregion = eu-west-1\n');
    const old = new Date(Date.now() - 120_000);
    const stale = ['.0123456789ab.sso-tray.tmp', '.ffffffffffff.sso-tray.tmp'];
    // Fresh: another live writer may be filling it right now (dated ahead so it stays fresh).
    const fresh = '.a1b2c3d4e5f6.sso-tray.tmp';
    const notOurs = [
      '.0123.sso-tray.tmp',
      '.0123456789AB.sso-tray.tmp',
      '.0123456789ab.sso-tray.tmp.keep',
      'notes.sso-tray.tmp',
      'config.tmp',
    ];
    for (const name of [...stale, fresh, ...notOurs]) await writeFile(join(sandbox.folder, name), 'partial');
    const ourNamedFolder = '.bbbbbbbbbbbb.sso-tray.tmp';
    await mkdir(join(sandbox.folder, ourNamedFolder));
    for (const name of [...stale, ...notOurs, ourNamedFolder])
      await utimes(join(sandbox.folder, name), old, old);
    const ahead = new Date(Date.now() + 60_000);
    await utimes(join(sandbox.folder, fresh), ahead, ahead);

    await editIniFile(sandbox.configPath, (document) => {
      const section = document.findSection((header) => header === 'default');
      if (section) document.setValue(section, 'region', 'us-east-1');
      return { changed: true, result: undefined };
    });

    expect(await readFile(sandbox.configPath, 'utf8')).toBe('[default]\nregion = us-east-1\n');
    expect(await sorted(sandbox.folder)).toEqual(
      ['config', 'config.sso-tray-backup', fresh, ...notOurs, ourNamedFolder].sort(),
    );
    for (const name of [fresh, ...notOurs])
      expect(await readFile(join(sandbox.folder, name), 'utf8')).toBe('partial');
  });
});

describe('two config writers at once', () => {
  it('lose no edit: 100 each, and every line of the original is kept', async () => {
    const counters =
      '# Counters: two processes add to them at once.\n[profile counters]\ncount_a = 0\ncount_b = 0\n\n';
    const original = realisticConfig(100 * 1024, counters);
    await writeFile(sandbox.configPath, original, { mode: 0o644 });
    const state = (a: number, b: number): string =>
      original.replace('count_a = 0\ncount_b = 0\n', `count_a = ${a}\ncount_b = ${b}\n`);

    const workers = ['count_a', 'count_b'].map((key) =>
      startWorker(sandbox.bundle, ['count', sandbox.configPath, 'profile counters', key, '100'], {
        env: sandbox.home.env,
      }),
    );
    const results = workers.map((worker) => finished(worker));
    // Both loaded and waiting before either starts, so that their edits really overlap.
    await Promise.all(workers.map((worker) => waitForLine(worker, 'ready')));
    for (const worker of workers) worker.stdin?.end('go\n');
    for (const result of await Promise.all(results)) {
      expect(result.stdout.trim().split('\n').at(-1), result.stderr).toBe('{"ok":true}');
      expect(result.exitCode).toBe(0);
    }

    // The whole file byte for byte: both counters at 100, everything else as the user wrote it.
    expect(await readFile(sandbox.configPath, 'utf8')).toBe(state(100, 100));
    expect([state(99, 100), state(100, 99)]).toContain(await readFile(sandbox.backupPath, 'utf8'));
    expect(await sorted(sandbox.folder)).toEqual(['config', 'config.sso-tray-backup']);
  });
});
