import { execFile } from 'node:child_process';

/** Runs a command once and returns its wall time in ms. */
export function timeOnce(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const started = process.hrtime.bigint();
    execFile(file, args, { env }, (error) => {
      if (error) reject(new Error(`${file} failed: ${error.message}`));
      else resolve(Number(process.hrtime.bigint() - started) / 1e6);
    });
  });
}

/** Runs a command `runs` times (after one warm-up) and returns the wall time of each run in ms. */
export async function timeProcess(
  file: string,
  args: string[],
  runs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number[]> {
  await timeOnce(file, args, env);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce(file, args, env));
  return times;
}

/**
 * Two commands timed in turn (a, b, a, b, …) after a warm-up of each, so that a change in the
 * machine's load while the benchmark runs weighs on both alike.
 */
export async function timeInterleaved(
  a: { file: string; args: string[] },
  b: { file: string; args: string[] },
  runs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<[number[], number[]]> {
  await timeOnce(a.file, a.args, env);
  await timeOnce(b.file, b.args, env);
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < runs; i++) {
    first.push(await timeOnce(a.file, a.args, env));
    second.push(await timeOnce(b.file, b.args, env));
  }
  return [first, second];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function printTable(title: string, rows: string[][]): void {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  console.log(`\n${title}`);
  rows.forEach((row, index) => {
    console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`);
    if (index === 0) console.log(`  ${widths.map((width) => '-'.repeat(width)).join('  ')}`);
  });
}
