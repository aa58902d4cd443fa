// Snapshots for the tray tests (tray-menu.test.ts, tray-state.test.ts), all read at one fixed
// moment. Times are offsets from `now` so each case says how long its sessions last.
import type { AppSnapshot, RecentEntry, RoleEntry, SessionSnapshot } from '../../shared/session-snapshot';

export const now = Date.parse('2025-03-10T09:00:00.000Z');

const minutes = (count: number): string => new Date(now + count * 60_000).toISOString();

export function session(name: string, overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    name,
    startUrl: `https://${name}.awsapps.com/start`,
    region: 'eu-west-1',
    status: 'active',
    expiresAt: minutes(7 * 60 + 12),
    refreshable: true,
    legacy: false,
    ...overrides,
  };
}

export const signedOut = (name: string): SessionSnapshot =>
  session(name, { status: 'signed-out', expiresAt: null, refreshable: false });

export function role(session: string, accountId: string, accountName: string, roleName: string): RoleEntry {
  return { session, accountId, accountName, roleName };
}

export function recent(entry: RoleEntry, minutesAgo: number): RecentEntry {
  return { ...entry, usedAt: minutes(-minutesAgo) };
}

export function active(entry: RoleEntry, profile = 'default'): NonNullable<AppSnapshot['active']> {
  return { profile, ...entry };
}

export function snapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return { sessions: [], active: null, recent: [], favourites: [], inventories: [], ...overrides };
}

export const paymentsProdAdmin = role('corp', '111111111111', 'Payments Prod', 'AdministratorAccess');
export const paymentsEuPower = role('corp', '222222222222', 'Payments Prod (EU)', 'PowerUserAccess');
export const dataLakeRead = role('corp', '333333333333', 'data-lake-dev', 'ReadOnlyAccess');
export const sandboxAdmin = role('corp', '444444444444', 'Sandbox 12', 'AdministratorAccess');
export const researchDev = role('corp', '555555555555', 'R&D Tools', 'Developer&Ops');
export const contractorRead = role('contractor', '666666666666', 'Client Portal', 'ReadOnlyAccess');

/** A user with favourites and a history, signed in to `corp` with the given session state. */
export function everyday(corp: SessionSnapshot): AppSnapshot {
  return snapshot({
    sessions: [corp],
    active: active(paymentsProdAdmin),
    favourites: [paymentsEuPower, paymentsProdAdmin, dataLakeRead],
    recent: [
      recent(paymentsProdAdmin, 5),
      recent(sandboxAdmin, 60),
      recent(paymentsEuPower, 120),
      recent(researchDev, 180),
      recent(sandboxAdmin, 240),
    ],
  });
}

/** `count` distinct roles across a few accounts, as a big organisation's user could collect. */
export function manyRoles(count: number): RoleEntry[] {
  return Array.from({ length: count }, (_, index) =>
    role(
      'corp',
      String(100_000_000_000 + Math.floor(index / 4)),
      `Account ${Math.floor(index / 4)}`,
      ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess', 'Billing'][index % 4] ?? '',
    ),
  );
}

/** Every named case, rendered to `tests/fixtures/tray-menu/<name>.txt`. */
export const cases: Record<string, AppSnapshot> = {
  'no-sessions': snapshot(),
  'signed-out': snapshot({ sessions: [signedOut('corp')] }),
  'signed-out-with-history': {
    ...everyday(signedOut('corp')),
  },
  'signing-in-device-code': snapshot({
    sessions: [
      session('corp', {
        status: 'signing-in',
        expiresAt: null,
        refreshable: false,
        pending: {
          userCode: 'ABCD-EFGH',
          verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
          expiresAt: minutes(10),
        },
      }),
    ],
  }),
  active: everyday(session('corp')),
  'active-no-favourites': snapshot({
    sessions: [session('corp', { refreshable: false })],
    active: active(paymentsProdAdmin),
    recent: [
      recent(paymentsProdAdmin, 1),
      recent(sandboxAdmin, 2),
      recent(dataLakeRead, 3),
      recent(paymentsEuPower, 4),
      recent(researchDev, 5),
      recent(role('corp', '777777777777', 'Shared Services', 'NetworkAdmin'), 6),
      recent(role('corp', '888888888888', 'Logging', 'ReadOnlyAccess'), 7),
    ],
  }),
  'expiring-refreshable': everyday(session('corp', { status: 'active', expiresAt: minutes(9) })),
  'expiring-not-refreshable': everyday(
    session('corp', { status: 'expiring', expiresAt: minutes(9), refreshable: false }),
  ),
  expired: everyday(session('corp', { status: 'expired', expiresAt: minutes(-30), refreshable: false })),
  'several-sessions': snapshot({
    sessions: [
      session('corp'),
      session('contractor', { status: 'expired', expiresAt: minutes(-90), refreshable: false }),
      session('lab', {
        status: 'signing-in',
        expiresAt: null,
        refreshable: false,
        pending: { verificationUri: 'https://lab.awsapps.com/start', expiresAt: minutes(5) },
      }),
      session('https://legacy.awsapps.com/start', {
        status: 'expiring',
        expiresAt: minutes(14),
        refreshable: false,
        legacy: true,
      }),
      signedOut('partner'),
    ],
    active: active(paymentsProdAdmin),
    favourites: [contractorRead, paymentsEuPower],
    recent: [
      recent(paymentsProdAdmin, 1),
      // The same account name and role in another session and account: labels must differ.
      recent(role('contractor', '999999999999', 'Payments Prod', 'AdministratorAccess'), 2),
      recent(role('partner', '111111111111', 'Payments Prod', 'AdministratorAccess'), 3),
      recent(sandboxAdmin, 4),
    ],
    inventories: [
      {
        session: 'corp',
        fetchedAt: minutes(-2),
        accounts: 800,
        roles: 2400,
        complete: true,
        progress: { accountsDone: 120, accountsTotal: 1800, totalKnown: false },
      },
    ],
  }),
  'many-roles': snapshot({
    sessions: [session('corp')],
    active: active(paymentsProdAdmin),
    favourites: manyRoles(5000),
    recent: manyRoles(5000)
      .reverse()
      .map((entry, index) => recent(entry, index)),
  }),
};
