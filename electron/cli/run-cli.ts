import { parseArgs } from 'node:util';
import { resolveAppPaths } from '../core/app/app-paths';
import { isAppError } from '../core/app/app-error';
import { appVersion } from '../core/app/app-version';
import { unexpectedErrorLine } from '../core/app/unexpected-error';
import { UsageError, type CommandDefinition, type OutputStream } from './command';
import { commandHelp, programHelp } from './help-text';

export interface CliInvocation {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  signal?: AbortSignal;
  selfCommand?: readonly string[];
}

/** 130 is the shell's code for a command stopped by Ctrl-C (128 + SIGINT). */
export const exitCodes = { ok: 0, failure: 1, usage: 2, cancelled: 130 } as const;

/**
 * Runs one `sso-tray` invocation and returns its exit code. Every failure is one line on stderr
 * that says what is wrong and what to do; nothing is thrown to the caller.
 */
export async function runCli(
  invocation: CliInvocation,
  commands: readonly CommandDefinition[],
): Promise<number> {
  const { argv, stdout, stderr } = invocation;
  const [first, ...rest] = argv;
  if (first === undefined) {
    stderr.write(programHelp(commands));
    return exitCodes.usage;
  }
  if (first === '--help' || first === '-h') {
    stdout.write(programHelp(commands));
    return exitCodes.ok;
  }
  if (first === '--version' || first === '-V') {
    stdout.write(`sso-tray ${appVersion}\n`);
    return exitCodes.ok;
  }
  if (first === 'help') {
    const topic = rest[0] === undefined ? undefined : commands.find((command) => command.name === rest[0]);
    if (rest[0] !== undefined && !topic)
      return reportUsage(stderr, `unknown command '${rest[0]}'`, undefined);
    stdout.write(topic ? commandHelp(topic) : programHelp(commands));
    return exitCodes.ok;
  }
  const command = commands.find((candidate) => candidate.name === first);
  if (!command) {
    return reportUsage(
      stderr,
      first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`,
      undefined,
    );
  }

  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseCommandArgs(command, rest);
  } catch (error) {
    return reportUsage(stderr, error instanceof Error ? error.message : String(error), command);
  }
  if (parsed.values.help === true) {
    stdout.write(commandHelp(command));
    return exitCodes.ok;
  }

  try {
    const code = await command.run(
      {
        env: invocation.env,
        stdout,
        stderr,
        paths: resolveAppPaths(invocation.env),
        json: parsed.values.json === true,
        signal: invocation.signal ?? new AbortController().signal,
        ...(invocation.selfCommand ? { selfCommand: invocation.selfCommand } : {}),
      },
      { values: parsed.values, positionals: parsed.positionals },
    );
    return code ?? exitCodes.ok;
  } catch (error) {
    if (error instanceof UsageError) return reportUsage(stderr, error.message, command);
    if (isAppError(error)) {
      stderr.write(`sso-tray: ${oneLine(error.message)}\n`);
      return error.code === 'Cancelled' ? exitCodes.cancelled : exitCodes.failure;
    }
    stderr.write(
      `sso-tray: unexpected error: ${unexpectedErrorLine(error)}. Please report it with the command you ran.\n`,
    );
    return exitCodes.failure;
  }
}

function parseCommandArgs(
  command: CommandDefinition,
  args: readonly string[],
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  if (command.json) options.json = { type: 'boolean' };
  for (const [name, option] of Object.entries(command.options)) {
    options[name] = option.short ? { type: option.type, short: option.short } : { type: option.type };
  }
  let result;
  try {
    result = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { positionals } = result;
  if (result.values.help !== true) {
    if (positionals.length > command.positionals.max) {
      throw new UsageError(`unexpected argument '${positionals[command.positionals.max] ?? ''}'`);
    }
    if (positionals.length < command.positionals.min)
      throw new UsageError(`missing argument ${command.usage}`);
  }
  return { values: result.values, positionals };
}

/** Node's parseArgs messages are long and mention '--' tricks; say only what is wrong. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${option}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument')
        ? `option '${option}' takes no value`
        : `option '${option}' needs a value`;
    default:
      return oneLine(message);
  }
}

function reportUsage(stderr: OutputStream, message: string, command: CommandDefinition | undefined): number {
  const help = command ? `sso-tray ${command.name} --help` : 'sso-tray --help';
  stderr.write(`sso-tray: ${oneLine(message)}. Run '${help}' for usage.\n`);
  return exitCodes.usage;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\.$/, '');
}
