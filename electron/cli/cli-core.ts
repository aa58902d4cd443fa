import { createCore, type Core } from '../core/app/create-core';
import type { CliContext } from './command';

/** The core for one command: the invocation's environment, and how to call this sso-tray again. */
export function coreFor(context: CliContext): Promise<Core> {
  return createCore({
    env: context.env,
    ...(context.selfCommand ? { selfCommand: context.selfCommand } : {}),
  });
}
