import type { CommandDefinition } from '../command';
import { accountsCommand } from './accounts-command';
import { consoleCommand } from './console-command';
import { credentialProcessCommand } from './credential-process-command';
import { credentialsCommand } from './credentials-command';
import { envCommand } from './env-command';
import { profilesCommand } from './profiles-command';
import { useCommand } from './use-command';
import { loginCommand } from './login-command';
import { logoutCommand } from './logout-command';
import { pathsCommand } from './paths-command';
import { settingsCommand } from './settings-command';
import { statusCommand } from './status-command';

/** Every `sso-tray` subcommand, in the order `--help` lists them. */
export const commands: readonly CommandDefinition[] = [
  loginCommand,
  logoutCommand,
  statusCommand,
  accountsCommand,
  useCommand,
  profilesCommand,
  credentialsCommand,
  credentialProcessCommand,
  envCommand,
  consoleCommand,
  settingsCommand,
  pathsCommand,
];
