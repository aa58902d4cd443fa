// Which screen the window shows, the session status line, the add-session checks and the
// sign-in countdown: the renderer's pure logic.
import { describe, expect, it } from 'vitest';
import type { AppSnapshot, InventorySummary, SessionSnapshot } from '../../shared/session-snapshot';
import { chooseScreen, needsFirstRun } from '../../renderer/src/app/screen';
import {
  sessionFormProblems,
  suggestedSessionName,
} from '../../renderer/src/features/first-run/session-form';
import { countdown } from '../../renderer/src/features/sign-in/countdown';
import { ago, progressText, sessionStatusText } from '../../renderer/src/features/switcher/session-status';

const now = Date.parse('2030-01-01T12:00:00.000Z');
const session = (overrides: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  name: 'corp',
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'eu-west-1',
  status: 'signed-out',
  expiresAt: null,
  refreshable: false,
  legacy: false,
  ...overrides,
});
const summary = (overrides: Partial<InventorySummary> = {}): InventorySummary => ({
  session: 'corp',
  fetchedAt: null,
  accounts: 0,
  roles: 0,
  complete: true,
  progress: null,
  ...overrides,
});
const snapshot = (sessions: SessionSnapshot[], inventories: InventorySummary[] = []): AppSnapshot => ({
  sessions,
  active: null,
  recent: [],
  favourites: [],
  inventories,
});

describe('screen choice', () => {
  it('starts with the form when there is no session', () => {
    expect(chooseScreen(snapshot([]), 'main')).toEqual({ kind: 'first-run', withForm: true });
  });

  it('offers the sessions of the AWS config while none was ever used', () => {
    expect(chooseScreen(snapshot([session()], [summary()]), 'main')).toEqual({
      kind: 'first-run',
      withForm: false,
    });
  });

  it('shows the switcher once a session is signed in or has a cached inventory', () => {
    expect(chooseScreen(snapshot([session({ status: 'active' })]), 'main').kind).toBe('switcher');
    const offline = snapshot(
      [session({ status: 'expired' })],
      [summary({ fetchedAt: '2030-01-01T00:00:00Z' })],
    );
    expect(needsFirstRun(offline)).toBe(false);
    expect(chooseScreen(offline, 'main').kind).toBe('switcher');
  });

  it('shows a sign-in in progress before anything else', () => {
    const pending = {
      userCode: 'ABCD-EFGH',
      verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
      expiresAt: '2030-01-01T12:10:00Z',
    };
    const screen = chooseScreen(snapshot([session({ status: 'signing-in', pending })]), 'settings');
    expect(screen.kind === 'sign-in' ? screen.pending : undefined).toEqual(pending);
  });

  it('shows a sign-in that is starting (no code yet), never the switcher in between', () => {
    const starting = chooseScreen(snapshot([session({ status: 'signing-in' })]), 'main');
    expect(starting).toEqual({ kind: 'sign-in-starting', session: session({ status: 'signing-in' }) });
    const withInventory = chooseScreen(
      snapshot([session({ status: 'signing-in' })], [summary({ fetchedAt: '2030-01-01T00:00:00Z' })]),
      'main',
    );
    expect(withInventory.kind).toBe('sign-in-starting');
  });

  it('shows settings and the add-session form on request', () => {
    const signedIn = snapshot([session({ status: 'active' })]);
    expect(chooseScreen(signedIn, 'settings').kind).toBe('settings');
    expect(chooseScreen(signedIn, 'add-session')).toEqual({ kind: 'first-run', withForm: true });
  });
});

describe('session status line', () => {
  it('says the time left and when the accounts were listed', () => {
    const text = sessionStatusText(
      session({ status: 'active', expiresAt: '2030-01-01T19:12:00.000Z' }),
      summary({ fetchedAt: '2030-01-01T11:58:00.000Z' }),
      now,
    );
    expect(text).toEqual({ state: '7 h 12 min left', updated: 'updated 2 min ago', action: 'refresh' });
  });

  it('says when a session expires soon, expired or is signed out, and offers sign-in', () => {
    expect(
      sessionStatusText(session({ status: 'expiring', expiresAt: '2030-01-01T12:09:00Z' }), undefined, now),
    ).toEqual({
      state: '9 min left (expiring soon)',
      updated: 'never listed',
      action: 'refresh',
    });
    expect(sessionStatusText(session({ status: 'expired' }), undefined, now).action).toBe('sign-in');
    expect(sessionStatusText(session(), undefined, now).state).toBe('signed out');
  });

  it('counts discovery progress', () => {
    expect(progressText({ accountsDone: 120, accountsTotal: 800, totalKnown: true })).toBe(
      '120 of 800 accounts',
    );
    expect(progressText({ accountsDone: 120, accountsTotal: 800, totalKnown: false })).toBe(
      '120 of 800+ accounts',
    );
  });

  it('says how long ago', () => {
    expect(ago(now - 20_000, now)).toBe('just now');
    expect(ago(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(ago(now - 72 * 3_600_000, now)).toBe('3 days ago');
  });
});

describe('add-session form', () => {
  it('checks each field with the shared checks, with examples', () => {
    const problems = sessionFormProblems({ startUrl: 'http://x', region: 'moon-1', name: 'a b' }, []);
    expect(problems.startUrl).toMatch(/^The start URL must use https, for example https:\/\//);
    expect(problems.region).toMatch(/for example us-east-1\.$/);
    expect(problems.name).toMatch(/cannot be a session name/);
    expect(
      sessionFormProblems(
        { startUrl: 'https://acme.awsapps.com/start', region: 'eu-west-1', name: 'acme' },
        [],
      ),
    ).toEqual({ startUrl: undefined, region: undefined, name: undefined });
  });

  it('refuses a name already taken', () => {
    expect(sessionFormProblems({ startUrl: '', region: '', name: 'corp' }, ['corp']).name).toMatch(
      /already exists/,
    );
  });

  it('suggests a name from the start URL', () => {
    expect(suggestedSessionName('https://my-company.awsapps.com/start')).toBe('my-company');
    expect(suggestedSessionName('not a url')).toBe('');
  });
});

describe('sign-in countdown', () => {
  it('counts minutes and seconds down to expired', () => {
    expect(countdown(now + 572_000, now)).toBe('9:32');
    expect(countdown(now + 500, now)).toBe('0:01');
    expect(countdown(now, now)).toBe('expired');
  });
});
