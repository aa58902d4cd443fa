// The tray menu as readable golden files: tests/fixtures/tray-menu/<case>.txt holds, for each
// snapshot in tray-snapshots.ts, the icon state, the tooltip and the menu rendered as text.
// After an intended change, rewrite them and review the diff:
//   UPDATE_GOLDENS=1 npx vitest run --project unit tests/unit/tray-menu.test.ts
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMenuText } from '../../electron/main/tray/render-menu-text';
import type { TrayIntent } from '../../electron/main/tray/tray-intent';
import { buildTrayMenu } from '../../electron/main/tray/tray-menu';
import type { TrayMenuItem } from '../../electron/main/tray/tray-menu-item';
import { trayIconState, trayTooltip } from '../../electron/main/tray/tray-state';
import {
  active,
  cases,
  contractorRead,
  everyday,
  manyRoles,
  now,
  paymentsEuPower,
  paymentsProdAdmin,
  recent,
  researchDev,
  role,
  session,
  snapshot,
} from '../support/tray-snapshots';

const goldenFolder = fileURLToPath(new URL('../fixtures/tray-menu/', import.meta.url));
const updating = process.env.UPDATE_GOLDENS === '1';

function expectGolden(name: string, actual: string): void {
  const file = join(goldenFolder, `${name}.txt`);
  if (updating) {
    mkdirSync(goldenFolder, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`No golden file ${file}: run with UPDATE_GOLDENS=1 and review it.`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Every item of the menu and its submenus, depth first. */
function flatten(items: readonly TrayMenuItem[]): TrayMenuItem[] {
  return items.flatMap((item) => [
    item,
    ...(item.kind === 'item' && item.submenu ? flatten(item.submenu) : []),
  ]);
}

function find(items: readonly TrayMenuItem[], label: string): Extract<TrayMenuItem, { kind: 'item' }> {
  const found = flatten(items).find((item) => item.kind === 'item' && item.label === label);
  if (found?.kind !== 'item')
    throw new Error(`No item ${JSON.stringify(label)} in\n${renderMenuText(items)}`);
  return found;
}

const intents = (items: readonly TrayMenuItem[]): TrayIntent[] =>
  flatten(items).flatMap((item) => (item.kind === 'item' && item.intent ? [item.intent] : []));

describe('tray menu goldens (tests/fixtures/tray-menu)', () => {
  it.each(Object.keys(cases))('%s', (name) => {
    const state = cases[name];
    if (!state) throw new Error(name);
    const text = [
      `icon: ${trayIconState(state, now)}`,
      `tooltip: ${trayTooltip(state, now)}`,
      '',
      renderMenuText(buildTrayMenu(state, now, { switcherAccelerator: 'CmdOrCtrl+Alt+A' })),
    ].join('\n');
    expectGolden(name, text);
  });

  it('has no golden file without a case', () => {
    const files = readdirSync(goldenFolder).filter((file) => file.endsWith('.txt'));
    expect(files.sort()).toEqual(
      Object.keys(cases)
        .map((name) => `${name}.txt`)
        .sort(),
    );
  });
});

describe('buildTrayMenu', () => {
  it('is deterministic and serializable', () => {
    const state = cases['several-sessions'] ?? snapshot();
    const menu = buildTrayMenu(state, now);
    expect(buildTrayMenu(structuredClone(state), now)).toEqual(menu);
    expect(JSON.parse(JSON.stringify(menu))).toEqual(menu);
  });

  it('does not change the snapshot it reads', () => {
    const state = cases.active ?? snapshot();
    const copy = structuredClone(state);
    buildTrayMenu(state, now);
    expect(state).toEqual(copy);
  });

  it('attaches the role, without its usedAt, to each role action', () => {
    const menu = buildTrayMenu(everyday(session('corp')), now);
    const sandbox = find(menu, 'Sandbox 12 / AdministratorAccess');
    expect(sandbox.intent).toBeUndefined();
    const expected = role('corp', '444444444444', 'Sandbox 12', 'AdministratorAccess');
    expect(sandbox.submenu?.map((item) => (item.kind === 'item' ? item.intent : undefined))).toEqual([
      { kind: 'use', role: expected },
      { kind: 'open-console', role: expected },
      { kind: 'copy-exports', role: expected },
    ]);
  });

  it('checks the active role and offers no "Use as default" for it', () => {
    const menu = buildTrayMenu(everyday(session('corp')), now);
    const [top] = menu;
    expect(top).toMatchObject({
      kind: 'item',
      label: '✓ Payments Prod / AdministratorAccess',
      enabled: true,
    });
    expect(find(menu, 'Use as default')).toEqual({
      kind: 'item',
      label: 'Use as default',
      enabled: false,
      checked: true,
    });
    expect(intents(menu)).not.toContainEqual({ kind: 'use', role: paymentsProdAdmin });
    expect(intents(menu)).toContainEqual({ kind: 'open-console', role: paymentsProdAdmin });
  });

  it('lists recents once, after the favourites and the active role, at most maxRecent', () => {
    const state = everyday(session('corp'));
    const labels = (maxRecent: number): string[] => {
      const menu = buildTrayMenu(state, now, { maxRecent });
      const start = menu.findIndex((item) => item.kind === 'header' && item.label === 'Recent');
      if (start < 0) return [];
      const end = menu.findIndex((item, index) => index > start && item.kind !== 'item');
      return menu.slice(start + 1, end).map((item) => (item.kind === 'item' ? item.label : ''));
    };
    expect(labels(5)).toEqual(['Sandbox 12 / AdministratorAccess', 'R&&D Tools / Developer&&Ops']);
    expect(labels(1)).toEqual(['Sandbox 12 / AdministratorAccess']);
    expect(labels(0)).toEqual([]);
  });

  it('doubles & in every label that comes from a name, so Electron shows it', () => {
    const rd = { ...researchDev, session: 'r&d' };
    const state = snapshot({ sessions: [session('r&d')], active: active(rd), favourites: [rd] });
    const menu = buildTrayMenu(state, now);
    expect(find(menu, '✓ R&&D Tools / Developer&&Ops').submenu).toHaveLength(3);
    expect(find(menu, 'r&&d · 7 h 12 min left, renews itself').enabled).toBe(false);
    expect(find(menu, 'r&&d — signed in · 7 h 12 min left, renews itself').submenu).toHaveLength(2);
    // A lone & (a mnemonic marker) never reaches Electron.
    for (const item of flatten(menu)) {
      if (item.kind !== 'separator') expect(item.label.replace(/&&/g, '')).not.toContain('&');
    }
  });

  it('keeps control characters and very long names out of labels', () => {
    const long = role('corp', '123456789012', `Evil\nName\u202e ${'x'.repeat(300)}`, 'Admin');
    const menu = buildTrayMenu(snapshot({ sessions: [session('corp')], favourites: [long] }), now);
    const labels = flatten(menu).flatMap((item) => (item.kind === 'separator' ? [] : [item.label]));
    for (const label of labels) {
      expect(label).not.toMatch(/[\n\u202e]/);
      expect(label.length).toBeLessThanOrEqual(120);
    }
    expect(labels).toContainEqual(expect.stringMatching(/^Evil Name x+… \/ Admin$/));
  });

  it('tells apart roles that would read the same, the same way in every section', () => {
    const twin = role('contractor', '999999999999', 'Payments Prod', 'AdministratorAccess');
    const state = snapshot({
      sessions: [session('corp'), session('contractor')],
      active: active(paymentsProdAdmin),
      favourites: [paymentsProdAdmin],
      recent: [recent(twin, 1)],
    });
    const labels = flatten(buildTrayMenu(state, now)).flatMap((item) =>
      item.kind === 'item' && item.label.includes('Payments Prod') ? [item.label] : [],
    );
    expect(labels).toEqual([
      '✓ Payments Prod / AdministratorAccess (111111111111)',
      '✓ Payments Prod / AdministratorAccess (111111111111)',
      'Payments Prod / AdministratorAccess (999999999999)',
    ]);
  });

  it('names a role by its account id when the account name is empty', () => {
    const nameless = role('corp', '123456789012', '', 'Admin');
    const menu = buildTrayMenu(snapshot({ sessions: [session('corp')], favourites: [nameless] }), now);
    expect(find(menu, '123456789012 / Admin').enabled).toBe(true);
  });

  it('greys a role whose session left the AWS config, and says so for the active one', () => {
    const state = snapshot({
      sessions: [session('corp')],
      active: active(contractorRead),
      favourites: [contractorRead],
    });
    const menu = buildTrayMenu(state, now);
    expect(find(menu, 'contractor · not in the AWS config').enabled).toBe(false);
    expect(
      flatten(menu).filter(
        (item) => item.kind === 'item' && item.label === '✓ Client Portal / ReadOnlyAccess',
      ),
    ).toEqual([expect.objectContaining({ enabled: false }), expect.objectContaining({ enabled: false })]);
  });

  it('reads a token that ran out since the snapshot as expired, with a one-click sign-in', () => {
    const stale = everyday(
      session('corp', { status: 'active', expiresAt: new Date(now - 1000).toISOString() }),
    );
    const menu = buildTrayMenu(stale, now);
    expect(find(menu, 'corp · session expired — Sign in').intent).toEqual({
      kind: 'sign-in',
      session: 'corp',
    });
    expect(find(menu, 'corp — expired').submenu).toEqual([
      { kind: 'item', label: 'Sign in', enabled: true, intent: { kind: 'sign-in', session: 'corp' } },
    ]);
  });

  it('offers Sign in for a session that will expire and cannot refresh, Refresh accounts otherwise', () => {
    const actions = (corp: ReturnType<typeof session>): string[] =>
      (find(buildTrayMenu(snapshot({ sessions: [corp] }), now), corp.name).submenu ?? []).map((item) =>
        item.kind === 'item' ? (item.intent?.kind ?? item.label) : item.kind,
      );
    const find = (menu: TrayMenuItem[], name: string) => {
      const item = menu.find((entry) => entry.kind === 'item' && entry.label.startsWith(`${name} — `));
      if (item?.kind !== 'item') throw new Error(name);
      return item;
    };
    const in9 = new Date(now + 9 * 60_000).toISOString();
    expect(actions(session('corp'))).toEqual(['refresh-accounts', 'sign-out']);
    expect(actions(session('corp', { expiresAt: in9 }))).toEqual(['refresh-accounts', 'sign-out']);
    expect(actions(session('corp', { status: 'expiring', expiresAt: in9, refreshable: false }))).toEqual([
      'sign-in',
      'refresh-accounts',
      'sign-out',
    ]);
    expect(actions(session('corp', { status: 'expired', refreshable: false }))).toEqual(['sign-in']);
    expect(actions(session('corp', { status: 'signed-out', expiresAt: null }))).toEqual(['sign-in']);
  });

  it('shows a sign-in in progress, disabled, with its device code', () => {
    const menu = buildTrayMenu(cases['signing-in-device-code'] ?? snapshot(), now);
    expect(find(menu, 'corp — signing in… (code ABCD-EFGH)')).toEqual({
      kind: 'item',
      label: 'corp — signing in… (code ABCD-EFGH)',
      enabled: false,
    });
  });

  it('offers to add a session when there is none', () => {
    expect(intents(buildTrayMenu(snapshot(), now))).toEqual([
      { kind: 'add-session' },
      { kind: 'open-settings' },
      { kind: 'quit' },
    ]);
  });

  it('stays short with 5,000 favourites and 5,000 recents', () => {
    const state = snapshot({
      sessions: [session('corp')],
      active: active(paymentsEuPower),
      favourites: manyRoles(5000),
      recent: manyRoles(5000).map((entry, index) => recent(entry, index)),
    });
    const menu = buildTrayMenu(state, now);
    // active (2) + favourites (header, 10, "more") + recent (header, 5) + switcher + session
    // + settings + quit + 5 separators
    expect(menu.length).toBeLessThanOrEqual(32);
    expect(flatten(menu).length).toBeLessThanOrEqual(32 + 16 * 3 + 2);
    expect(find(menu, '4,990 more favourites…').intent).toEqual({ kind: 'open-switcher' });
    // The recents shown are the first five not among the favourites shown.
    expect(find(menu, 'Account 2 / ReadOnlyAccess').submenu).toHaveLength(3);
    expect(flatten(menu).some((item) => item.kind === 'item' && item.label === 'Account 3 / Billing')).toBe(
      false,
    );
  });

  it('lists each favourite once', () => {
    const state = snapshot({
      sessions: [session('corp')],
      favourites: [paymentsEuPower, paymentsEuPower, paymentsEuPower],
    });
    const menu = buildTrayMenu(state, now, { maxFavourites: 2 });
    expect(
      flatten(menu).filter((item) => item.kind === 'item' && item.label.startsWith('Payments')),
    ).toHaveLength(1);
    expect(flatten(menu).some((item) => item.kind === 'item' && item.label.includes('more favourite'))).toBe(
      false,
    );
  });
});
