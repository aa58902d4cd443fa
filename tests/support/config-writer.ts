import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { repoRoot } from './built-cli';
import { createTempHome, isolatedEnv, type TempHome } from './temp-home';

/**
 * The config writer worker (config-writer-worker.ts) bundled into one plain .mjs file. Bundled
 * rather than run through tsx: a crash test starts dozens of workers, and plain node starts in a
 * fraction of tsx's time; the worker also writes no compile cache, which matters when it runs
 * under a file size limit, and needs no access to the checkout.
 */
export interface WorkerBundle {
  path: string;
  dispose(): Promise<void>;
}

export async function bundleWorker(): Promise<WorkerBundle> {
  const folder = await mkdtemp(join(tmpdir(), 'sso-tray-worker-'));
  const path = join(folder, 'config-writer-worker.mjs');
  await build({
    entryPoints: [join(repoRoot, 'tests/support/config-writer-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: path,
    logLevel: 'silent',
  });
  return { path, dispose: () => rm(folder, { recursive: true, force: true }) };
}

export interface WorkerOptions {
  /** Runs the worker under `ulimit -f` (512-byte blocks): writes past it fail with EFBIG. */
  fileSizeLimitBlocks?: number;
  env?: Record<string, string>;
}

/** Starts a worker with an isolated environment and piped stdio. */
export function startWorker(bundle: WorkerBundle, args: string[], options: WorkerOptions = {}): ChildProcess {
  const env = isolatedEnv(options.env ?? {});
  if (options.fileSizeLimitBlocks === undefined) {
    return spawn(process.execPath, [bundle.path, ...args], { env, stdio: 'pipe' });
  }
  // A full disk, simulated without privileges: past the limit write() fails with EFBIG, as it
  // fails with ENOSPC on a full disk. SIGXFSZ would kill the process instead; ignored here, it
  // stays ignored across exec (Node also ignores it itself, but older versions did not).
  return spawn(
    '/bin/sh',
    [
      '-c',
      'trap "" XFSZ; ulimit -f "$LIMIT_BLOCKS" && exec "$@"',
      'sh',
      process.execPath,
      bundle.path,
      ...args,
    ],
    { env: { ...env, LIMIT_BLOCKS: String(options.fileSizeLimitBlocks) }, stdio: 'pipe' },
  );
}

export interface WorkerResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Collects a started worker's output until it exits. */
export function finished(child: ChildProcess): Promise<WorkerResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      resolve({ exitCode, signal, stdout, stderr });
    });
  });
}

/** What a finite worker command reported: success, or the error a user would be shown. */
export interface WorkerOutcome {
  ok: boolean;
  name?: string;
  code?: string;
  message?: string;
}

/** Runs a finite worker command to the end and returns what it reported on its last line. */
export async function runWorker(
  bundle: WorkerBundle,
  args: string[],
  options: WorkerOptions = {},
): Promise<WorkerOutcome & { result: WorkerResult }> {
  const result = await finished(startWorker(bundle, args, options));
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return { ...(JSON.parse(last) as WorkerOutcome), result };
  } catch {
    throw new Error(`the worker reported nothing (exit ${String(result.exitCode)}): ${result.stderr}`);
  }
}

/** Resolves when the worker prints `line`; rejects if it exits first (with its stderr). */
export function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let stderr = '';
    // Strings once finished() has set the stream's encoding, buffers before.
    const onData = (chunk: Buffer | string): void => {
      buffered += chunk.toString();
      if (buffered.split('\n').includes(line)) {
        cleanup();
        resolve();
      }
    };
    const onErr = (chunk: Buffer | string): void => {
      stderr += chunk.toString();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      cleanup();
      reject(
        new Error(`the worker exited (${String(code ?? signal)}) before "${line}": ${buffered}${stderr}`),
      );
    };
    const cleanup = (): void => {
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onErr);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onErr);
    child.on('exit', onExit);
  });
}

/**
 * mulberry32: a small seeded generator, so that a failing run of a randomised test can be
 * replayed exactly from the seed its failure message shows.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A config the size of a large organisation's (hundreds of accounts and roles), with what people
 * put in theirs: comments of both kinds, blank lines, sso-session sections, nested s3 settings,
 * a services section. Deterministic, so tests can compare whole files byte for byte. `middle`
 * (for example a section a test edits) is placed about halfway, so that edits happen with user
 * text on both sides.
 */
export function realisticConfig(bytes: number, middle = ''): string {
  const parts = [
    '# AWS CLI config: edited by hand, by SSO Tray, and by `aws configure`.\n',
    '; Do not remove the [default] profile: the build scripts rely on it.\n\n',
    '[default]\nregion = eu-west-1\noutput = json\ncli_pager =\n\n',
    '[sso-session corp]\nsso_start_url = https://d-9067000000.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n',
    '[services local-stack]\ns3 =\n  endpoint_url = http://localhost:4566\n\n',
  ];
  const roles = ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess', 'Billing'];
  const regions = ['eu-west-1', 'us-east-1', 'ap-southeast-2', 'eu-central-1'];
  let size = parts.join('').length;
  let placed = middle === '';
  for (let index = 0; size < bytes; index++) {
    if (!placed && size >= bytes / 2) {
      parts.push(middle);
      size += middle.length;
      placed = true;
    }
    const account = String(100000000000 + index * 7919);
    const role = roles[index % roles.length] ?? 'ReadOnlyAccess';
    let text = index % 4 === 0 ? `# team ${index / 4}: accounts owned by the platform group\n` : '';
    text += `[profile acct-${account}-${role}]\nsso_session = corp\nsso_account_id = ${account}\nsso_role_name = ${role}\n`;
    text += `region = ${regions[index % regions.length] ?? 'us-east-1'}   ; closest to the team\n`;
    if (index % 3 === 0) text += 's3 =\n  max_concurrent_requests = 20\n  addressing_style = path\n';
    text += '\n';
    parts.push(text);
    size += text.length;
  }
  if (!placed) parts.push(middle);
  return parts.join('');
}

/** What a writer test works on: the bundled worker and a fresh temp home with its config paths. */
export interface WriterSandbox {
  bundle: WorkerBundle;
  home: TempHome;
  folder: string;
  configPath: string;
  backupPath: string;
}

/**
 * Registers the hooks every writer test file needs (bundle the worker once, a fresh temp home per
 * test) and returns the sandbox, whose fields are set when each test runs.
 */
export function useWriterSandbox(prefix: string, options: { createFolder: boolean }): WriterSandbox {
  const sandbox = {} as WriterSandbox;
  beforeAll(async () => {
    sandbox.bundle = await bundleWorker();
  });
  afterAll(async () => {
    await sandbox.bundle.dispose();
  });
  beforeEach(async () => {
    sandbox.home = await createTempHome(prefix);
    sandbox.folder = join(sandbox.home.root, '.aws');
    sandbox.configPath = join(sandbox.folder, 'config');
    sandbox.backupPath = `${sandbox.configPath}.sso-tray-backup`;
    if (options.createFolder) await mkdir(sandbox.folder, { mode: 0o700 });
  });
  afterEach(async () => {
    await sandbox.home.dispose();
  });
  return sandbox;
}
