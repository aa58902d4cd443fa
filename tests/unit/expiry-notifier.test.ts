// The expiry notification scheduler on a fake clock: which notices fire, when, and only once.
import { describe, expect, it } from 'vitest';
import {
  ExpiryNotifier,
  resumeSettleMs,
  type ExpiryNotice,
} from '../../electron/core/notifications/expiry-notifier';
import type { SessionSnapshot } from '../../shared/session-snapshot';
import { FakeClock } from '../support/fake-clock';

const minute = 60 * 1000;
const hour = 60 * minute;

function rig(lead = 15 * minute) {
  const clock = new FakeClock();
  const notices: ExpiryNotice[] = [];
  const log: string[] = [];
  const settings = { lead };
  const start = clock.now();
  const notifier = new ExpiryNotifier({
    clock,
    leadMs: () => settings.lead,
    notify: (notice) => {
      notices.push(notice);
      log.push(`${notice.session} ${notice.kind} @${(clock.now() - start) / minute}`);
    },
  });
  /** The notices so far as "session kind @minutes since start", easy to read in a failure. */
  const told = (): string[] => [...log];
  return { clock, notices, settings, notifier, start, told };
}

function session(
  name: string,
  expiresAtMs: number | null,
  overrides: Partial<SessionSnapshot> = {},
): SessionSnapshot {
  return {
    name,
    startUrl: `https://${name}.awsapps.com/start`,
    region: 'us-east-1',
    status: expiresAtMs === null ? 'signed-out' : 'active',
    expiresAt: expiresAtMs === null ? null : new Date(expiresAtMs).toISOString(),
    refreshable: false,
    legacy: false,
    ...overrides,
  };
}

const kinds = (notices: ExpiryNotice[]): string[] => notices.map((n) => `${n.session}:${n.kind}`);

describe('thresholds', () => {
  it('fires the warning at expiry − lead and the expired notice at expiry, once each', () => {
    const { clock, notices, notifier, start } = rig();
    const expiresAt = start + hour;
    notifier.update([session('corp', expiresAt, { legacy: true })]);

    clock.advance(45 * minute - 1);
    expect(notices).toEqual([]);
    clock.advance(1);
    expect(notices).toEqual([
      {
        session: 'corp',
        kind: 'expiring',
        expiresAt: new Date(expiresAt).toISOString(),
        title: 'AWS session expires in 15 min',
        body: '"corp" cannot renew itself. Click to sign in again.',
        action: { kind: 'sign-in', session: 'corp' },
      },
    ]);

    // The core publishes the new status; the same token never warns twice.
    notifier.update([session('corp', expiresAt, { legacy: true, status: 'expiring' })]);
    clock.advance(15 * minute - 1);
    expect(notices).toHaveLength(1);
    clock.advance(1);
    expect(notices).toHaveLength(2);
    expect(notices[1]).toMatchObject({
      session: 'corp',
      kind: 'expired',
      title: 'AWS session expired',
      body: 'Commands using "corp" will fail until you sign in. Click to sign in again.',
      action: { kind: 'sign-in', session: 'corp' },
    });

    notifier.update([session('corp', expiresAt, { legacy: true, status: 'expired' })]);
    notifier.resumed();
    clock.advance(24 * hour);
    expect(kinds(notices)).toEqual(['corp:expiring', 'corp:expired']);
    expect(clock.nextDueAt()).toBeUndefined();
  });

  it('keeps one timer, cancelling the previous one on each update', () => {
    const { clock, notifier, start } = rig();
    notifier.update([session('corp', start + hour)]);
    notifier.update([session('corp', start + 2 * hour)]);
    expect(clock.nextDueAt()).toBe(start + 2 * hour - 15 * minute);
  });

  it('re-arms both thresholds for a new token (a sign-in)', () => {
    const { clock, notifier, start, told } = rig();
    notifier.update([session('corp', start + hour)]);
    clock.advance(45 * minute);
    clock.advance(15 * minute);
    expect(told()).toEqual(['corp expiring @45', 'corp expired @60']);

    notifier.update([session('corp', start + 9 * hour)]);
    clock.advance(8 * hour - 15 * minute - 1);
    expect(told()).toHaveLength(2);
    clock.advance(1);
    expect(told().slice(2)).toEqual(['corp expiring @525']);
    clock.advance(15 * minute);
    expect(told().slice(2)).toEqual(['corp expiring @525', 'corp expired @540']);
  });

  it('fires a missed warning at once when the session is first seen inside the lead time', () => {
    const { notices, notifier, start } = rig();
    notifier.update([session('corp', start + 9 * minute + 30 * 1000, { status: 'expiring' })]);
    expect(notices.map((n) => n.title)).toEqual(['AWS session expires in 10 min']);
  });
});

describe('sign-out and sign-in', () => {
  it('drops the pending thresholds of a session that signs out', () => {
    const { clock, notices, notifier, start } = rig();
    notifier.update([session('corp', start + hour)]);
    clock.advance(30 * minute);
    notifier.update([session('corp', null)]);
    expect(clock.nextDueAt()).toBeUndefined();
    clock.advance(2 * hour);
    expect(notices).toEqual([]);
  });

  it('drops the pending expired notice after a warning, when the user signs out', () => {
    const { clock, notices, notifier, start } = rig();
    notifier.update([session('corp', start + hour)]);
    clock.advance(50 * minute);
    expect(kinds(notices)).toEqual(['corp:expiring']);
    notifier.update([session('corp', null)]);
    clock.advance(hour);
    expect(kinds(notices)).toEqual(['corp:expiring']);
  });

  it('drops a session that disappears from the snapshot', () => {
    const { clock, notices, notifier, start } = rig();
    notifier.update([session('corp', start + hour)]);
    notifier.update([]);
    clock.advance(2 * hour);
    expect(notices).toEqual([]);
  });

  it('stays quiet while a sign-in runs and tells a missed threshold once it ends without a new token', () => {
    const { clock, notifier, start, told } = rig();
    const expiresAt = start + hour;
    notifier.update([session('corp', expiresAt)]);
    clock.advance(40 * minute);
    notifier.update([session('corp', expiresAt, { status: 'signing-in' })]);
    clock.advance(10 * minute);
    expect(told()).toEqual([]);
    notifier.update([session('corp', expiresAt, { status: 'expiring' })]); // the user cancelled
    expect(told()).toEqual(['corp expiring @50']);
  });
});

describe('silent refresh', () => {
  it('does not warn a refreshable session, and a refresh that moves expiry leaves nothing to tell', () => {
    // A lead longer than the refresh window: the warning threshold passes before the refresh runs.
    const { clock, notices, notifier, start } = rig(20 * minute);
    notifier.update([session('corp', start + hour, { refreshable: true })]);
    clock.advance(45 * minute); // expiry − 15 min: the RefreshScheduler renews the token
    expect(notices).toEqual([]);
    notifier.update([session('corp', start + 9 * hour, { refreshable: true })]);
    clock.advance(2 * hour); // past the old token's expiry
    expect(notices).toEqual([]);
    expect(clock.nextDueAt()).toBe(start + 9 * hour);
  });

  it('warns at once when the refresh is refused inside the lead time', () => {
    const { clock, notices, notifier, start } = rig();
    const expiresAt = start + hour;
    notifier.update([session('corp', expiresAt, { refreshable: true })]);
    clock.advance(46 * minute);
    expect(notices).toEqual([]);
    // SessionService after RefreshRefusedError: no longer refreshable, status expiring.
    notifier.update([session('corp', expiresAt, { refreshable: false, status: 'expiring' })]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'expiring',
      title: 'AWS session expires in 14 min',
      body: '"corp" could not be renewed automatically. Click to sign in again.',
    });
    clock.advance(14 * minute);
    expect(kinds(notices)).toEqual(['corp:expiring', 'corp:expired']);
  });

  it('waits for the lead threshold when the refresh is refused before it', () => {
    const { clock, notifier, start, told } = rig(10 * minute);
    const expiresAt = start + hour;
    notifier.update([session('corp', expiresAt, { refreshable: true })]);
    clock.advance(45 * minute);
    notifier.update([session('corp', expiresAt, { refreshable: false })]);
    clock.advance(5 * minute - 1);
    expect(told()).toEqual([]);
    clock.advance(1);
    expect(told()).toEqual(['corp expiring @50']);
  });

  it('tells the expiry of a refreshable session whose refresh kept failing (offline), without a warning', () => {
    const { clock, notifier, start, told } = rig();
    notifier.update([session('corp', start + hour, { refreshable: true })]);
    clock.advance(hour);
    expect(told()).toEqual(['corp expired @60']);
  });
});

describe('resume after sleep', () => {
  it('gives one warning when the machine slept past the warning threshold', () => {
    const { clock, notices, notifier, start } = rig();
    const expiresAt = start + hour;
    notifier.update([session('corp', expiresAt)]);
    clock.advance(50 * minute); // the timer fires late, as after sleep
    notifier.resumed();
    notifier.update([session('corp', expiresAt, { status: 'expiring' })]);
    notifier.resumed();
    expect(notices.map((n) => n.title)).toEqual(['AWS session expires in 10 min']);
    clock.advance(10 * minute);
    expect(kinds(notices)).toEqual(['corp:expiring', 'corp:expired']);
  });

  it('gives only the expired notice when the machine slept past expiry', () => {
    const { clock, notices, notifier, start } = rig();
    notifier.update([session('corp', start + hour)]);
    clock.advance(3 * hour);
    notifier.resumed();
    clock.advance(resumeSettleMs * 2);
    notifier.resumed();
    expect(kinds(notices)).toEqual(['corp:expired']);
  });

  it('lets a refreshable session renew itself after resume before telling its expiry', () => {
    const { clock, notices, notifier, start } = rig();
    notifier.update([session('corp', start + hour, { refreshable: true })]);
    clock.advance(3 * hour); // slept past expiry: the timer fires late
    notifier.resumed();
    expect(notices).toEqual([]);
    clock.advance(resumeSettleMs / 2);
    notifier.update([session('corp', clock.now() + 8 * hour, { refreshable: true })]);
    clock.advance(resumeSettleMs);
    expect(notices).toEqual([]);
  });

  it('tells the expiry of a refreshable session that did not renew within the settle time, once', () => {
    const { clock, notices, notifier, start } = rig();
    const expiresAt = start + hour;
    notifier.update([session('corp', expiresAt, { refreshable: true })]);
    clock.advance(3 * hour);
    notifier.resumed();
    clock.advance(resumeSettleMs - 1);
    expect(notices).toEqual([]);
    clock.advance(1);
    expect(kinds(notices)).toEqual(['corp:expired']);
    notifier.update([session('corp', expiresAt, { refreshable: true, status: 'expired' })]);
    notifier.resumed();
    clock.advance(hour);
    expect(kinds(notices)).toEqual(['corp:expired']);
  });

  it('holds a stale snapshot published right after resume until the refresh lands', () => {
    const { clock, notices, notifier, start } = rig();
    notifier.resumed();
    notifier.update([session('corp', start - hour, { refreshable: true, status: 'expired' })]);
    expect(notices).toEqual([]);
    notifier.update([session('corp', start + 8 * hour, { refreshable: true })]);
    clock.advance(resumeSettleMs * 2);
    expect(notices).toEqual([]);
  });
});

describe('sessions already expired when first seen', () => {
  it('tells a recent expiry once', () => {
    const { notices, notifier, start } = rig();
    const expired = session('corp', start - hour, { status: 'expired' });
    notifier.update([expired]);
    notifier.update([expired]);
    notifier.resumed();
    expect(kinds(notices)).toEqual(['corp:expired']);
  });

  it('does not tell an expiry older than 12 hours', () => {
    const { clock, notices, notifier, start } = rig();
    notifier.update([session('corp', start - 13 * hour, { status: 'expired' })]);
    notifier.resumed();
    clock.advance(hour);
    expect(notices).toEqual([]);
  });

  it('tells a token the portal refused (status expired before its expiry) at once', () => {
    const { notices, notifier, start } = rig();
    notifier.update([session('corp', start + 5 * hour, { status: 'expired' })]);
    expect(kinds(notices)).toEqual(['corp:expired']);
  });
});

describe('lead time setting', () => {
  it('takes a new lead time on the next update', () => {
    const { clock, settings, notices, notifier, start, told } = rig();
    const expiresAt = start + 2 * hour;
    notifier.update([session('corp', expiresAt)]);
    settings.lead = 30 * minute;
    notifier.update([session('corp', expiresAt)]);
    clock.advance(90 * minute);
    expect(told()).toEqual(['corp expiring @90']);
    expect(notices[0]?.title).toBe('AWS session expires in 30 min');
    clock.advance(20 * minute); // past the old threshold
    expect(notices).toHaveLength(1);
  });

  it('does not repeat a warning already shown when the lead time grows', () => {
    const { clock, settings, notices, notifier, start } = rig();
    const expiresAt = start + hour;
    notifier.update([session('corp', expiresAt)]);
    clock.advance(50 * minute);
    settings.lead = 30 * minute;
    notifier.update([session('corp', expiresAt, { status: 'expiring' })]);
    expect(kinds(notices)).toEqual(['corp:expiring']);
  });

  it('writes hours in the title of a long lead time', () => {
    const { clock, notices, notifier, start } = rig(90 * minute);
    notifier.update([session('corp', start + 3 * hour)]);
    clock.advance(90 * minute);
    expect(notices.map((n) => n.title)).toEqual(['AWS session expires in 1 h 30 min']);
  });
});

describe('several sessions', () => {
  it('keeps each session on its own thresholds', () => {
    const { clock, notifier, start, told } = rig();
    const corp = session('corp', start + hour);
    const lab = session('lab', start + 2 * hour);
    const auto = session('auto', start + 30 * minute, { refreshable: true });
    notifier.update([corp, lab, auto]);
    clock.advance(30 * minute);
    expect(told()).toEqual(['auto expired @30']);
    clock.advance(15 * minute);
    expect(told()).toEqual(['auto expired @30', 'corp expiring @45']);
    notifier.update([session('corp', null), lab, session('auto', null)]); // corp signs out
    clock.advance(hour);
    expect(told()).toEqual(['auto expired @30', 'corp expiring @45', 'lab expiring @105']);
    clock.advance(15 * minute);
    expect(told().slice(3)).toEqual(['lab expired @120']);
  });
});

describe('dispose', () => {
  it('cancels the pending timer and ignores later calls', () => {
    const { clock, notices, notifier, start } = rig();
    notifier.update([session('corp', start + hour)]);
    notifier.dispose();
    expect(clock.nextDueAt()).toBeUndefined();
    notifier.update([session('corp', start - minute, { status: 'expired' })]);
    notifier.resumed();
    clock.advance(2 * hour);
    expect(notices).toEqual([]);
  });
});
