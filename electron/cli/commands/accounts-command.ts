import type { Inventory } from '../../../shared/inventory';
import { coreFor } from '../cli-core';
import type { CommandDefinition } from '../command';
import { changeLines, partialWarnings, progressLine } from '../discovery-report';
import { chooseSession } from '../session-argument';

/** `sso-tray accounts`: every account and role of a session, from the cache or a new listing. */
export const accountsCommand: CommandDefinition = {
  name: 'accounts',
  summary: 'List the accounts and roles of a session',
  usage: '[SESSION]',
  details: [
    'Shows the cached list at once; lists again when it is older than inventoryMaxAgeMinutes',
    '(see sso-tray settings), or with --refresh. Listing follows the organisation’s throttle limit.',
  ].join('\n'),
  json: true,
  options: {
    refresh: { type: 'boolean', description: 'list the accounts and roles again now' },
  },
  positionals: { min: 0, max: 1 },
  async run(context, { values, positionals }) {
    const core = await coreFor(context);
    const name = chooseSession(core.sessions.list(), positionals[0]);
    core.sessions.session(name); // an unknown session fails here, with the sessions listed
    const progress = progressLine(context.stderr);
    let inventory: Inventory;
    try {
      const cached = await core.inventory.cached(name);
      if (values.refresh === true || !cached || core.inventory.isStale(cached)) {
        const { inventory: fresh, changes } = await core.inventory.refresh(name, {
          signal: context.signal,
          onProgress: progress.onProgress,
        });
        progress.done();
        if (cached) for (const line of changeLines(changes)) context.stderr.write(`${line}\n`);
        inventory = fresh;
      } else inventory = cached;
    } finally {
      progress.done();
    }
    for (const warning of partialWarnings(inventory)) context.stderr.write(`sso-tray: ${warning}\n`);
    if (context.json) {
      context.stdout.write(`${JSON.stringify(inventory, null, 2)}\n`);
      return 0;
    }
    writeTable(context.stdout, inventory);
    return 0;
  },
};

function writeTable(stdout: { write(text: string): unknown }, inventory: Inventory): void {
  if (inventory.accounts.length === 0) {
    stdout.write(`No accounts are assigned to you in ${inventory.session}.\n`);
    return;
  }
  const rows = inventory.accounts.map((account) => [
    account.accountName,
    account.accountId,
    account.roles.join(', ') || '(none)',
  ]);
  const header = ['ACCOUNT', 'ID', 'ROLES'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  for (const row of [header, ...rows])
    stdout.write(
      `${row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
        .join('  ')}\n`,
    );
}
