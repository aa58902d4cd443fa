import { coreFor } from '../cli-core';
import type { CommandDefinition } from '../command';
import { timeLeft } from '../../../shared/time-left';

/** `sso-tray status`: every session, its state and how long it lasts. */
export const statusCommand: CommandDefinition = {
  name: 'status',
  summary: 'Show every session and how long it lasts',
  usage: '',
  json: true,
  options: {},
  positionals: { min: 0, max: 0 },
  async run(context) {
    const core = await coreFor(context);
    const sessions = core.sessions.snapshot();
    if (context.json) {
      const payload = {
        sessions: sessions.map(({ name, startUrl, region, status, expiresAt, refreshable }) => ({
          name,
          startUrl,
          region,
          status,
          expiresAt,
          refreshable,
        })),
        active: (await core.choices.read()).active,
      };
      context.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
      return 0;
    }
    if (sessions.length === 0) {
      context.stdout.write(
        `No sessions in ${core.paths.awsConfigFile}. Add one: sso-tray login NAME --start-url URL --region REGION\n`,
      );
      return 0;
    }
    const now = Date.now();
    const rows = sessions.map((session) => [
      session.name,
      session.status,
      session.expiresAt && session.status !== 'expired'
        ? `${timeLeft(Date.parse(session.expiresAt), now)}${session.refreshable ? ', renews itself' : ''}`
        : '',
      session.startUrl,
    ]);
    const header = ['SESSION', 'STATUS', 'TIME LEFT', 'START URL'];
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
    );
    for (const row of [header, ...rows])
      context.stdout.write(
        `${row
          .map((cell, column) => cell.padEnd(widths[column] ?? 0))
          .join('  ')
          .trimEnd()}\n`,
      );
    return 0;
  },
};
