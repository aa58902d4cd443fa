// The AWS CLI's SSO token cache (aws-sso-reference.md §4.6) on a real file system: the file name,
// the exact bytes the AWS CLI writes, the mode, and every shape of file the CLI and the JS SDK
// leave behind. Where a python3 is installed, Python's json and botocore's own token loader judge
// the files; the JS SDK's reader does too.
import { execFile, spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsCliTokenCache, cliTimestamp } from '../../electron/core/aws-files/aws-cli-token-cache';
import { pythonJsonDumps } from '../../electron/core/aws-files/python-json';
import type { SsoToken } from '../../electron/core/sso/sso-token';
import { repoRoot } from '../support/built-cli';
import { createTempHome, isolatedEnv, type TempHome } from '../support/temp-home';

const startUrl = 'https://d-1234567890.awsapps.com/start';
const session = { startUrl, region: 'us-east-1' };
const expiresAtMs = Date.parse('2026-11-30T13:17:18Z');
const registrationExpiresAtMs = Date.parse('2027-02-28T05:17:18Z');
const fullToken: SsoToken = {
  accessToken: 'at-2',
  expiresAtMs,
  refreshToken: 'rt-2',
  clientId: 'cid-123',
  clientSecret: 'csecret-456',
  registrationExpiresAtMs,
};
/** What AWS CLI 2.9.19 wrote for this token ([RUN] in the reference). */
const cliFile =
  '{"startUrl": "https://d-1234567890.awsapps.com/start", "region": "us-east-1", "accessToken": "at-2", "expiresAt": "2026-11-30T13:17:18Z", "clientId": "cid-123", "clientSecret": "csecret-456", "registrationExpiresAt": "2027-02-28T05:17:18Z", "refreshToken": "rt-2"}';

let home: TempHome;
let folder: string;
let cache: AwsCliTokenCache;

beforeEach(async () => {
  home = await createTempHome('sso-tray-token-cache-');
  folder = join(home.root, '.aws', 'sso', 'cache');
  cache = new AwsCliTokenCache(folder);
});

afterEach(async () => {
  await home.dispose();
});

async function writeCacheFile(cacheKey: string, text: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(cache.pathFor(cacheKey), text);
}

describe('AwsCliTokenCache.pathFor', () => {
  it('names the file by the sha1 of the sso-session name, or of the legacy start URL as written', () => {
    expect(cache.pathFor('my-sso')).toBe(join(folder, '0ad374308c5a4e22f723adf10145eafad7c4031c.json'));
    expect(cache.pathFor(startUrl)).toBe(join(folder, '7487b5b67d5fa1132cf33fa93ae51ef38cc37752.json'));
    expect(cache.pathFor(`${startUrl}/`)).not.toBe(cache.pathFor(startUrl));
    expect(cache.pathFor(`${startUrl}/#/`)).not.toBe(cache.pathFor(startUrl));
  });
});

describe('AwsCliTokenCache.write', () => {
  it('writes byte for byte what the AWS CLI writes, one line without a final newline, mode 0600', async () => {
    await cache.write('my-sso', session, fullToken);
    const path = join(folder, '0ad374308c5a4e22f723adf10145eafad7c4031c.json');
    expect(await readFile(path, 'utf8')).toBe(cliFile);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(folder)).toEqual(['0ad374308c5a4e22f723adf10145eafad7c4031c.json']);
  });

  it('writes whole seconds, rounding down, as the CLI does', async () => {
    await cache.write('my-sso', session, {
      ...fullToken,
      expiresAtMs: expiresAtMs + 999,
      registrationExpiresAtMs: registrationExpiresAtMs + 1,
    });
    expect(await readFile(cache.pathFor('my-sso'), 'utf8')).toBe(cliFile);
  });

  it('keeps the CLI key order when fields are missing', async () => {
    await cache.write(startUrl, session, { accessToken: 'at', expiresAtMs, refreshToken: 'rt' });
    expect(await readFile(cache.pathFor(startUrl), 'utf8')).toBe(
      `{"startUrl": "${startUrl}", "region": "us-east-1", "accessToken": "at", "expiresAt": "2026-11-30T13:17:18Z", "refreshToken": "rt"}`,
    );
    await cache.write(startUrl, session, {
      accessToken: 'at',
      expiresAtMs,
      clientId: 'cid',
      clientSecret: 'cs',
    });
    expect(await readFile(cache.pathFor(startUrl), 'utf8')).toBe(
      `{"startUrl": "${startUrl}", "region": "us-east-1", "accessToken": "at", "expiresAt": "2026-11-30T13:17:18Z", "clientId": "cid", "clientSecret": "cs"}`,
    );
  });

  it('writes the registration only as a whole: a client id without its secret is left out', async () => {
    await cache.write('my-sso', session, {
      accessToken: 'at',
      expiresAtMs,
      clientId: 'cid',
      registrationExpiresAtMs,
    });
    expect(await readFile(cache.pathFor('my-sso'), 'utf8')).toBe(
      `{"startUrl": "${startUrl}", "region": "us-east-1", "accessToken": "at", "expiresAt": "2026-11-30T13:17:18Z"}`,
    );
  });

  it('replaces the whole file, dropping fields the new token does not have (as the CLI does)', async () => {
    await cache.write('my-sso', session, fullToken);
    await cache.write('my-sso', session, { accessToken: 'at-3', expiresAtMs });
    expect(await readFile(cache.pathFor('my-sso'), 'utf8')).toBe(
      `{"startUrl": "${startUrl}", "region": "us-east-1", "accessToken": "at-3", "expiresAt": "2026-11-30T13:17:18Z"}`,
    );
    expect(await readdir(folder)).toEqual(['0ad374308c5a4e22f723adf10145eafad7c4031c.json']);
  });

  it('escapes non-ASCII text as Python does', async () => {
    await cache.write(
      'my-sso',
      { startUrl: 'https://exämple.awsapps.com/start', region: 'us-east-1' },
      { accessToken: 'tök€n😀', expiresAtMs },
    );
    expect(await readFile(cache.pathFor('my-sso'), 'utf8')).toBe(
      '{"startUrl": "https://ex\\u00e4mple.awsapps.com/start", "region": "us-east-1", "accessToken": "t\\u00f6k\\u20acn\\ud83d\\ude00", "expiresAt": "2026-11-30T13:17:18Z"}',
    );
  });

  it('reads back what it wrote', async () => {
    await cache.write('my-sso', session, fullToken);
    expect(await cache.read('my-sso')).toEqual(fullToken);
    await cache.write('other', session, { accessToken: 'at', expiresAtMs: expiresAtMs + 500 });
    expect(await cache.read('other')).toEqual({ accessToken: 'at', expiresAtMs });
  });
});

describe('cliTimestamp', () => {
  it.each([
    [0, '1970-01-01T00:00:00Z'],
    [999, '1970-01-01T00:00:00Z'],
    [expiresAtMs, '2026-11-30T13:17:18Z'],
    [expiresAtMs + 999, '2026-11-30T13:17:18Z'],
    [Date.parse('2030-02-03T04:05:06.789Z'), '2030-02-03T04:05:06Z'],
  ])('%d → %s', (ms, text) => {
    expect(cliTimestamp(ms)).toBe(text);
  });
});

describe('AwsCliTokenCache.read', () => {
  it('reads a file the AWS CLI wrote', async () => {
    await writeCacheFile('my-sso', cliFile);
    expect(await cache.read('my-sso')).toEqual(fullToken);
  });

  it('reads the 2-space pretty JSON of the JS SDK, with milliseconds and extra fields', async () => {
    const jsSdk = JSON.stringify(
      {
        startUrl,
        region: 'us-east-1',
        accessToken: 'at-js',
        expiresAt: '2026-11-30T13:19:16.551Z',
        clientId: 'cid-123',
        clientSecret: 'csecret-456',
        registrationExpiresAt: '2027-02-28T05:17:18Z',
        refreshToken: 'rt-js',
        somethingNew: { nested: true },
      },
      null,
      2,
    );
    await writeCacheFile('my-sso', jsSdk);
    expect(await cache.read('my-sso')).toEqual({
      accessToken: 'at-js',
      expiresAtMs: Date.parse('2026-11-30T13:19:16.551Z'),
      refreshToken: 'rt-js',
      clientId: 'cid-123',
      clientSecret: 'csecret-456',
      registrationExpiresAtMs,
    });
  });

  it.each([
    ['2026-11-30T13:17:18Z', expiresAtMs],
    ['2026-11-30T13:17:18.123Z', expiresAtMs + 123],
    ['2026-11-30T13:17:18+00:00', expiresAtMs],
    ['2026-11-30T14:17:18+01:00', expiresAtMs],
    ['2026-11-30T08:17:18-05:00', expiresAtMs],
    ['2026-11-30T13:17:18UTC', expiresAtMs],
    ['2026-11-30T13:17:18 UTC', expiresAtMs],
    [' 2026-11-30T13:17:18Z ', expiresAtMs],
  ])('accepts expiresAt %j', async (expiresAt, ms) => {
    await writeCacheFile('my-sso', JSON.stringify({ accessToken: 'at', expiresAt }));
    expect(await cache.read('my-sso')).toEqual({ accessToken: 'at', expiresAtMs: ms });
  });

  it.each([
    ['no file at all', undefined],
    ['an empty file', ''],
    ['broken JSON', '{"accessToken": "at", "expiresAt": "2026-11-30T13:17:18Z"'],
    ['a half-written file', cliFile.slice(0, 60)],
    ['not JSON', 'accessToken=at'],
    ['null', 'null'],
    ['an array', '[]'],
    ['a string', '"at"'],
    ['a number', '42'],
    ['no accessToken', '{"expiresAt": "2026-11-30T13:17:18Z"}'],
    ['an empty accessToken', '{"accessToken": "", "expiresAt": "2026-11-30T13:17:18Z"}'],
    ['a non-string accessToken', '{"accessToken": 42, "expiresAt": "2026-11-30T13:17:18Z"}'],
    ['no expiresAt', '{"accessToken": "at"}'],
    ['an unparseable expiresAt', '{"accessToken": "at", "expiresAt": "tomorrow"}'],
    [
      'a naive expiresAt (botocore cannot compare it)',
      '{"accessToken": "at", "expiresAt": "2026-11-30T13:17:18"}',
    ],
    ['a numeric expiresAt', `{"accessToken": "at", "expiresAt": ${expiresAtMs}}`],
    [
      'a registration file (no accessToken)',
      '{"clientId": "cid", "clientSecret": "cs", "expiresAt": "2027-02-28T05:17:18Z", "scopes": ["sso:account:access"]}',
    ],
  ])('treats %s as no token', async (_what, text) => {
    if (text !== undefined) await writeCacheFile('my-sso', text);
    expect(await cache.read('my-sso')).toBeUndefined();
  });

  it('ignores optional fields that are empty or malformed, keeping the token', async () => {
    await writeCacheFile(
      'my-sso',
      JSON.stringify({
        accessToken: 'at',
        expiresAt: '2026-11-30T13:17:18Z',
        refreshToken: '',
        clientId: 7,
        clientSecret: 'cs',
        registrationExpiresAt: 'never',
      }),
    );
    expect(await cache.read('my-sso')).toEqual({ accessToken: 'at', expiresAtMs, clientSecret: 'cs' });
  });

  it('treats a folder in place of the file as no token', async () => {
    await mkdir(cache.pathFor('my-sso'), { recursive: true });
    expect(await cache.read('my-sso')).toBeUndefined();
  });
});

describe('AwsCliTokenCache.remove', () => {
  it('deletes only that session’s file, and does not mind when there is none', async () => {
    await cache.write('my-sso', session, fullToken);
    await cache.write('other', session, fullToken);
    await cache.remove('my-sso');
    await cache.remove('my-sso');
    await cache.remove('never-written');
    expect(await readdir(folder)).toEqual([cache.pathFor('other').slice(folder.length + 1)]);
    expect(await cache.read('my-sso')).toBeUndefined();
  });
});

describe('pythonJsonDumps', () => {
  it.each<[Record<string, string | number | boolean | null | readonly string[]>, string]>([
    [{}, '{}'],
    [{ a: 'b' }, '{"a": "b"}'],
    [{ b: '1', a: '2' }, '{"b": "1", "a": "2"}'],
    [{ q: 'say "hi" \\ /path' }, '{"q": "say \\"hi\\" \\\\ /path"}'],
    [{ c: '\n\r\t\b\f\u0000\u001f' }, '{"c": "\\n\\r\\t\\b\\f\\u0000\\u001f"}'],
    [{ d: '\u007f\u0080é\u2028\uffff' }, '{"d": "\\u007f\\u0080\\u00e9\\u2028\\uffff"}'],
    [{ e: '😀' }, '{"e": "\\ud83d\\ude00"}'],
    [{ ü: 'key' }, '{"\\u00fc": "key"}'],
    [
      { scopes: ['sso:account:access', 'x'], none: [] },
      '{"scopes": ["sso:account:access", "x"], "none": []}',
    ],
    [{ n: 1, t: true, f: false, z: null }, '{"n": 1, "t": true, "f": false, "z": null}'],
  ])('%j → %s', (value, text) => {
    expect(pythonJsonDumps(value)).toBe(text);
  });
});

// ---------------------------------------------------------------------------------------------
// Python and botocore as judges.

const python = ['/usr/bin/python3', 'python3'].find(
  (candidate) => spawnSync(candidate, ['-c', 'import json'], { encoding: 'utf8' }).status === 0,
);

const botocoreLoader = String.raw`
import json, sys
try:
    from awscli.botocore.utils import JSONFileCache, SSOTokenLoader
except ImportError:
    from botocore.utils import JSONFileCache, SSOTokenLoader
from dateutil.parser import parse
folder, start_url, session_name = sys.argv[1:4]
loader = SSOTokenLoader(cache=JSONFileCache(folder))
token = loader(start_url, session_name=session_name or None)
token["expiresAtEpoch"] = parse(token["expiresAt"]).timestamp()
json.dump(token, sys.stdout)
`;
const pythonWithBotocore = ['/usr/bin/python3', 'python3'].find(
  (candidate) =>
    spawnSync(
      candidate,
      [
        '-c',
        'try:\n import awscli.botocore.utils\nexcept ImportError:\n import botocore.utils\nimport dateutil',
      ],
      { encoding: 'utf8' },
    ).status === 0,
);

function runPython(interpreter: string, script: string, args: string[] = [], input = ''): string {
  const result = spawnSync(interpreter, ['-c', script, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`python failed: ${result.stderr}`);
  return result.stdout;
}

describe.skipIf(!python)('the written file as Python reads it (needs python3)', () => {
  it('is exactly json.dumps of what json.load reads from it', async () => {
    const tokens: [string, SsoToken][] = [
      ['my-sso', fullToken],
      [startUrl, { accessToken: 'at', expiresAtMs }],
      [
        'unicode',
        {
          accessToken: 'tök€n😀\u2028"\\',
          expiresAtMs,
          refreshToken: 'r\u0001',
          clientId: 'c',
          clientSecret: 's',
        },
      ],
    ];
    for (const [key, token] of tokens) await cache.write(key, session, token);
    const paths = tokens.map(([key]) => cache.pathFor(key));
    const dumped = JSON.parse(
      runPython(
        python ?? 'python3',
        'import json, sys\njson.dump([json.dumps(json.load(open(p, encoding="utf-8"))) for p in json.load(sys.stdin)], sys.stdout)',
        [],
        JSON.stringify(paths),
      ),
    ) as string[];
    for (const [index, path] of paths.entries()) expect(dumped[index]).toBe(await readFile(path, 'utf8'));
  });

  it('pythonJsonDumps agrees with json.dumps on any strings', () => {
    const textArb = fc.string({
      unit: fc.oneof(
        fc.constantFrom('\ud800', '\udfff', '\u007f', '\u2028', '"', '\\', '/', '\u0000'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 12,
    });
    const records = fc.sample(
      fc.dictionary(textArb, fc.oneof(textArb, fc.array(textArb, { maxLength: 3 })), { maxKeys: 4 }),
      {
        numRuns: 300,
        seed: 4242,
      },
    );
    const pairs = records.map((record) => Object.entries(record));
    const expected = JSON.parse(
      runPython(
        python ?? 'python3',
        'import json, sys\njson.dump([json.dumps(dict(pairs)) for pairs in json.load(sys.stdin)], sys.stdout)',
        [],
        JSON.stringify(pairs),
      ),
    ) as string[];
    records.forEach((record, index) => {
      expect(pythonJsonDumps(record)).toBe(expected[index]);
    });
  });
});

describe.skipIf(!pythonWithBotocore)(
  'the written file as the AWS CLI’s token loader reads it (needs botocore)',
  () => {
    it('loads a session token and a legacy token, with the expiry botocore computes', async () => {
      await cache.write('my-sso', session, fullToken);
      await cache.write(startUrl, session, { accessToken: 'legacy-at', expiresAtMs });
      const bySession = JSON.parse(
        runPython(pythonWithBotocore ?? 'python3', botocoreLoader, [folder, startUrl, 'my-sso']),
      ) as Record<string, unknown>;
      expect(bySession).toEqual({
        startUrl,
        region: 'us-east-1',
        accessToken: 'at-2',
        expiresAt: '2026-11-30T13:17:18Z',
        clientId: 'cid-123',
        clientSecret: 'csecret-456',
        registrationExpiresAt: '2027-02-28T05:17:18Z',
        refreshToken: 'rt-2',
        expiresAtEpoch: expiresAtMs / 1000,
      });
      const legacy = JSON.parse(
        runPython(pythonWithBotocore ?? 'python3', botocoreLoader, [folder, startUrl, '']),
      ) as Record<string, unknown>;
      expect(legacy).toMatchObject({ accessToken: 'legacy-at', expiresAtEpoch: expiresAtMs / 1000 });
    });
  },
);

describe('the written file as the JS SDK reads it', () => {
  it('is found and parsed by @smithy getSSOTokenFromFile under the same HOME', async () => {
    await cache.write('my-sso', session, fullToken);
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [
          '-e',
          "require('@smithy/core/config').getSSOTokenFromFile('my-sso').then((t) => console.log(JSON.stringify(t)))",
        ],
        { cwd: repoRoot, env: isolatedEnv({ HOME: home.root }), timeout: 30_000 },
        (error, out, stderr) => {
          if (error) reject(new Error(`${error.message}\n${stderr}`));
          else resolve(out);
        },
      );
    });
    expect(JSON.parse(stdout)).toEqual({
      startUrl,
      region: 'us-east-1',
      accessToken: 'at-2',
      expiresAt: '2026-11-30T13:17:18Z',
      clientId: 'cid-123',
      clientSecret: 'csecret-456',
      registrationExpiresAt: '2027-02-28T05:17:18Z',
      refreshToken: 'rt-2',
    });
  });
});

describe('the token cache file mode', () => {
  it('is 0600 even when an older file had a wider mode', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'sso-tray-mode-'));
    const cache = new AwsCliTokenCache(folder);
    await writeFile(cache.pathFor('corp'), '{}');
    await chmod(cache.pathFor('corp'), 0o644);
    await cache.write(
      'corp',
      { startUrl: 'https://d-1234567890.awsapps.com/start', region: 'us-east-1' },
      { accessToken: 'a', expiresAtMs: Date.UTC(2030, 0, 1) },
    );
    expect((await stat(cache.pathFor('corp'))).mode & 0o777).toBe(0o600);
    await rm(folder, { recursive: true, force: true });
  });
});
