import { resolveAppPaths } from '../../core/app/app-paths';
import { SettingsStore, userSettings, type UserSettingName } from '../../core/app/settings';
import { UsageError, type CommandDefinition } from '../command';

/** `sso-tray settings [set NAME VALUE]`: read or change SSO Tray's settings (never the keychain). */
export const settingsCommand: CommandDefinition = {
  name: 'settings',
  summary: 'Show or change settings',
  usage: '[set NAME VALUE]',
  details: [
    'tokenStore          keychain (default) | aws-cli-cache: keep tokens only in the AWS CLI cache,',
    "                    the AWS CLI's own security level, for machines without a keychain",
    "awsCliCacheMirror   true (default) | false: share the sign-in through the AWS CLI's cache",
  ].join('\n'),
  json: true,
  options: {},
  positionals: { min: 0, max: 3 },
  async run(context, { positionals }) {
    const store = new SettingsStore(resolveAppPaths(context.env).appHome);
    const [verb, name, value] = positionals;
    if (verb === undefined) {
      const settings = await store.read();
      if (context.json) context.stdout.write(`${JSON.stringify(settings, null, 2)}\n`);
      else
        for (const key of Object.keys(userSettings))
          context.stdout.write(`${key} = ${String(settings[key as UserSettingName])}\n`);
      return 0;
    }
    if (verb !== 'set' || name === undefined || value === undefined)
      throw new UsageError('use: sso-tray settings set NAME VALUE');
    if (!(name in userSettings))
      throw new UsageError(`unknown setting "${name}" (settings: ${Object.keys(userSettings).join(', ')})`);
    const allowed: readonly string[] = userSettings[name as UserSettingName];
    if (!allowed.includes(value)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}`);
    await store.update((settings) => {
      if (name === 'tokenStore') settings.tokenStore = value as 'keychain' | 'aws-cli-cache';
      else settings.awsCliCacheMirror = value === 'true';
    });
    context.stdout.write(`${name} = ${value}\n`);
    return 0;
  },
};
