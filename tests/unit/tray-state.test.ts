// The tray icon's state and tooltip (electron/main/tray/tray-state.ts), read at a fixed moment.
import { describe, expect, it } from 'vitest';
import { maxTooltipLength, trayIconState, trayTooltip } from '../../electron/main/tray/tray-state';
import type { SessionSnapshot } from '../../shared/session-snapshot';
import {
  active,
  contractorRead,
  everyday,
  now,
  paymentsProdAdmin,
  role,
  session,
  signedOut,
  snapshot,
} from '../support/tray-snapshots';

const at = (minutesFromNow: number): string => new Date(now + minutesFromNow * 60_000).toISOString();
const expired = (name: string): SessionSnapshot =>
  session(name, { status: 'expired', expiresAt: at(-30), refreshable: false });
const expiring = (name: string): SessionSnapshot =>
  session(name, { status: 'expiring', expiresAt: at(9), refreshable: false });
const signingIn = (name: string): SessionSnapshot =>
  session(name, {
    status: 'signing-in',
    expiresAt: null,
    refreshable: false,
    pending: { userCode: 'ABCD-EFGH', verificationUri: 'https://device.example/', expiresAt: at(10) },
  });

describe('trayIconState', () => {
  it('is signed out with no sessions, only signed-out sessions, or a sign-in in progress', () => {
    expect(trayIconState(snapshot(), now)).toBe('signed-out');
    expect(trayIconState(snapshot({ sessions: [signedOut('corp'), signedOut('lab')] }), now)).toBe(
      'signed-out',
    );
    expect(trayIconState(snapshot({ sessions: [signingIn('corp')] }), now)).toBe('signed-out');
    expect(trayIconState(everyday(signedOut('corp')), now)).toBe('signed-out');
  });

  it("follows the active choice's session through its life", () => {
    const states = [
      session('corp'),
      session('corp', { expiresAt: at(9) }), // refreshable: renews itself, stays active
      expiring('corp'),
      expired('corp'),
      signingIn('corp'),
      session('corp'),
      signedOut('corp'),
    ].map((corp) => trayIconState(everyday(corp), now));
    expect(states).toEqual(['active', 'active', 'expiring', 'expired', 'signed-out', 'active', 'signed-out']);
  });

  it('reads a token that ran out since the snapshot as expired', () => {
    const stale = session('corp', { status: 'active', expiresAt: at(-1) });
    expect(trayIconState(everyday(stale), now)).toBe('expired');
    expect(trayIconState(everyday(stale), now - 2 * 60_000)).toBe('active');
  });

  it("speaks for the active choice's session, not for others", () => {
    const state = snapshot({
      sessions: [expired('contractor'), expiring('lab'), session('corp')],
      active: active(paymentsProdAdmin),
    });
    expect(trayIconState(state, now)).toBe('active');
    expect(trayIconState({ ...state, active: active(contractorRead) }, now)).toBe('expired');
    expect(trayIconState({ ...state, active: active(role('lab', '1', 'Lab', 'Admin')) }, now)).toBe(
      'expiring',
    );
  });

  it('without a usable active choice, is the best state any session is in', () => {
    const state = (...sessions: SessionSnapshot[]) => trayIconState(snapshot({ sessions }), now);
    expect(state(expired('a'), expiring('b'), session('c'))).toBe('active');
    expect(state(expired('a'), expiring('b'))).toBe('expiring');
    expect(state(signedOut('a'), expired('b'), signingIn('c'))).toBe('expired');
    // The active choice's session signed out (or gone from the config): the other sessions decide.
    expect(
      trayIconState(
        snapshot({ sessions: [signedOut('corp'), expired('contractor')], active: active(paymentsProdAdmin) }),
        now,
      ),
    ).toBe('expired');
    expect(
      trayIconState(snapshot({ sessions: [session('lab')], active: active(paymentsProdAdmin) }), now),
    ).toBe('active');
  });
});

describe('trayTooltip', () => {
  it('names the active role and the time left', () => {
    expect(trayTooltip(everyday(session('corp')), now)).toBe(
      'SSO Tray — Payments Prod / AdministratorAccess · 7 h 12 min left',
    );
    expect(trayTooltip(everyday(expiring('corp')), now)).toBe(
      'SSO Tray — Payments Prod / AdministratorAccess · 9 min left, sign in soon',
    );
    expect(trayTooltip(everyday(expired('corp')), now)).toBe(
      'SSO Tray — Payments Prod / AdministratorAccess · corp session expired, sign in again',
    );
  });

  it('says what stands in the way without an active role', () => {
    expect(trayTooltip(snapshot(), now)).toBe('SSO Tray — no sessions yet');
    expect(trayTooltip(snapshot({ sessions: [signedOut('corp')] }), now)).toBe('SSO Tray — not signed in');
    expect(trayTooltip(snapshot({ sessions: [signingIn('corp')] }), now)).toBe(
      'SSO Tray — signing in to corp…',
    );
    expect(trayTooltip(snapshot({ sessions: [expired('corp')] }), now)).toBe(
      'SSO Tray — corp session expired, sign in again',
    );
    expect(trayTooltip(snapshot({ sessions: [signedOut('a'), session('corp')] }), now)).toBe(
      'SSO Tray — corp · 7 h 12 min left, no default role',
    );
  });

  it('says when the active role points at a session the AWS config no longer has', () => {
    expect(trayTooltip(snapshot({ sessions: [session('corp')], active: active(contractorRead) }), now)).toBe(
      'SSO Tray — Client Portal / ReadOnlyAccess · contractor is not in the AWS config',
    );
  });

  it('is plain text: no doubled &, no control characters', () => {
    const rd = role('corp', '555555555555', 'R&D\nTools', 'Dev&Ops');
    expect(trayTooltip(snapshot({ sessions: [session('corp')], active: active(rd) }), now)).toBe(
      'SSO Tray — R&D Tools / Dev&Ops · 7 h 12 min left',
    );
  });

  it(`is at most ${maxTooltipLength} characters (the Windows limit), cut with an ellipsis`, () => {
    const long = role('corp', '123456789012', 'A'.repeat(200), 'AdministratorAccess');
    const tooltip = trayTooltip(snapshot({ sessions: [session('corp')], active: active(long) }), now);
    expect(tooltip).toHaveLength(maxTooltipLength);
    expect(tooltip).toMatch(/^SSO Tray — A+…$/);
  });

  it('never splits an emoji when cutting', () => {
    const emoji = role('corp', '123456789012', `${'A'.repeat(114)}🚀🚀🚀🚀🚀🚀`, 'Admin');
    const tooltip = trayTooltip(snapshot({ sessions: [session('corp')], active: active(emoji) }), now);
    expect(tooltip.length).toBeLessThanOrEqual(maxTooltipLength);
    expect(tooltip.endsWith('…')).toBe(true);
    expect(tooltip).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
