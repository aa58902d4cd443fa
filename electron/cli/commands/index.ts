import type { CommandDefinition } from '../command';
import { pathsCommand } from './paths-command';

/** Every `sso-tray` subcommand, in the order `--help` lists them. */
export const commands: readonly CommandDefinition[] = [pathsCommand];
