import type { AppPaths } from '../core/app/app-paths';

/** Where a command writes: real streams in the binary, buffers in tests. */
export interface OutputStream {
  write(text: string): unknown;
  /** True for a terminal: progress lines are drawn only there, never into pipes or files. */
  readonly isTTY?: boolean;
}

/** What every command gets: its environment, its output, the resolved paths, and a cancel signal. */
export interface CliContext {
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  paths: AppPaths;
  /** `--json` was given: print one JSON document on stdout instead of text. */
  json: boolean;
  /** Aborted on Ctrl-C; long-running commands stop and clean up. */
  signal: AbortSignal;
  /** How to run this very sso-tray from anywhere (absolute paths): for credential_process lines. */
  selfCommand?: readonly string[];
}

export interface OptionDefinition {
  type: 'string' | 'boolean';
  short?: string;
  /** The placeholder shown in help, e.g. `URL`. */
  value?: string;
  description: string;
}

export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

/** One `sso-tray` subcommand. Each lives in its own file under `commands/`. */
export interface CommandDefinition {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The arguments part of the usage line, e.g. `[SESSION]`. */
  usage: string;
  /** Optional longer text shown by `--help`. */
  details?: string;
  /** Whether the command prints data and so accepts `--json`. */
  json: boolean;
  options: Readonly<Record<string, OptionDefinition>>;
  positionals: { min: number; max: number };
  run(
    context: CliContext,
    input: { values: OptionValues; positionals: readonly string[] },
  ): Promise<number | undefined>;
}

/** A mistake in how the command was called: exit code 2, and a pointer to `--help`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
