import type { CommandDefinition, OptionDefinition } from './command';

const globalOptions: Record<string, OptionDefinition> = {
  help: { type: 'boolean', short: 'h', description: 'Show help' },
  version: { type: 'boolean', short: 'V', description: 'Show the version' },
};

export const jsonOption: OptionDefinition = { type: 'boolean', description: 'Print JSON instead of text' };

export function programHelp(commands: readonly CommandDefinition[]): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  return [
    'Usage: sso-tray <command> [options]',
    '',
    'AWS IAM Identity Center from the command line: sign in once, switch the default profile,',
    'open the console for any role. Shares its sign-in and settings with the SSO Tray app.',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`),
    '',
    'Options:',
    ...optionLines(globalOptions),
    '',
    "Run 'sso-tray <command> --help' for a command's options.",
    'Exit codes: 0 ok, 1 failure, 2 usage error.',
    '',
  ].join('\n');
}

export function commandHelp(command: CommandDefinition): string {
  const options = {
    ...command.options,
    ...(command.json ? { json: jsonOption } : {}),
    help: globalOptions.help,
  };
  return [
    `Usage: sso-tray ${command.name}${command.usage ? ` ${command.usage}` : ''} [options]`,
    '',
    command.summary + '.',
    ...(command.details ? ['', command.details] : []),
    '',
    'Options:',
    ...optionLines(options as Record<string, OptionDefinition>),
    '',
  ].join('\n');
}

function optionLines(options: Record<string, OptionDefinition>): string[] {
  const labels = Object.entries(options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`;
    return [flag, option.description] as const;
  });
  const width = Math.max(...labels.map(([flag]) => flag.length)) + 2;
  return labels.map(([flag, description]) => `  ${flag.padEnd(width)}${description}`);
}
