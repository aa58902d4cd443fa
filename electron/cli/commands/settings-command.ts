import { resolveAppPaths } from '../../core/app/app-paths';
import { isUserSettingName, SettingsStore, userSettings } from '../../core/app/settings';
import { UsageError, type CommandDefinition } from '../command';

const names = Object.keys(userSettings) as (keyof typeof userSettings)[];
const nameWidth = Math.max(...names.map((name) => name.length));

/** `sso-tray settings [set NAME VALUE]`: read or change SSO Tray's settings (never the keychain). */
export const settingsCommand: CommandDefinition = {
  name: 'settings',
  summary: 'Show or change settings',
  usage: '[set NAME VALUE]',
  details: names.map((name) => `${name.padEnd(nameWidth)}  ${userSettings[name].help}`).join('\n'),
  json: true,
  options: {},
  positionals: { min: 0, max: 3 },
  async run(context, { positionals }) {
    const store = new SettingsStore(resolveAppPaths(context.env).appHome);
    const [verb, name, value] = positionals;
    if (verb === undefined) {
      const settings = await store.read();
      if (context.json) context.stdout.write(`${JSON.stringify(settings, null, 2)}\n`);
      else for (const key of names) context.stdout.write(`${key} = ${String(settings[key])}\n`);
      return 0;
    }
    if (verb !== 'set' || name === undefined || value === undefined)
      throw new UsageError('use: sso-tray settings set NAME VALUE');
    if (!isUserSettingName(name))
      throw new UsageError(`unknown setting "${name}" (settings: ${names.join(', ')})`);
    const parsed = userSettings[name].parse(value);
    if (typeof parsed === 'object') throw new UsageError(`${name} ${parsed.problem}`);
    await store.update((settings) => Object.assign(settings, { [name]: parsed }));
    context.stdout.write(`${name} = ${String(parsed)}\n`);
    return 0;
  },
};
