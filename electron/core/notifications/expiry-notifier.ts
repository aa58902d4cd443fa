import type { SessionSnapshot } from '../../../shared/session-snapshot';
import { timeLeft } from '../../../shared/time-left';
import type { Clock } from '../app/clock';

/** The notification lead time when the setting is not set. */
export const defaultExpiryLeadMs = 15 * 60 * 1000;
/** A token that expired longer ago than this is old news: the tray icon shows it, no notice does. */
export const staleExpiryMs = 12 * 60 * 60 * 1000;
/** A timer that fires later than this after its due time means the machine slept. */
export const lateTimerToleranceMs = 60 * 1000;
/**
 * After a resume (or a timer that fired late), a session that can renew itself gets this long for
 * its silent refresh to land before it is told about: the refresh timers fire at the same moment.
 */
export const resumeSettleMs = 60 * 1000;

export type ExpiryNoticeKind = 'expiring' | 'expired';

/** One desktop notification; clicking it starts a sign-in to `session` (the main process wires it). */
export interface ExpiryNotice {
  session: string;
  kind: ExpiryNoticeKind;
  /** The expiry of the token the notice is about (ISO-8601, as in the snapshot). */
  expiresAt: string;
  title: string;
  body: string;
  action: { kind: 'sign-in'; session: string };
}

export interface ExpiryNotifierDeps {
  clock: Clock;
  /** The lead time setting (default {@link defaultExpiryLeadMs}); read on every evaluation. */
  leadMs: () => number;
  notify: (notice: ExpiryNotice) => void;
}

/**
 * Decides when to tell the user that a session is about to expire, or has. Plain logic over the
 * snapshots the core publishes and a clock; the main process turns notices into notifications.
 *
 * The rules:
 * - Two thresholds per token: `expiring` at expiresAt − lead, `expired` at expiresAt. Each fires at
 *   most once per token, keyed by session + expiresAt, so a new token (sign-in or refresh) re-arms
 *   both and a repeated snapshot of the same token never repeats one.
 * - Nothing for a session that is signed out or has no expiry; a pending threshold of a session
 *   that signs out or disappears is dropped. Nothing while a sign-in is in progress (the user is
 *   already acting); a threshold that passed meanwhile is told once the sign-in ends without a
 *   new token.
 * - No `expiring` notice while the session is `refreshable`: the RefreshScheduler renews it from
 *   15 minutes before expiry and retries transient failures, so the notice would be noise. When
 *   the renewal is refused (or the session never could renew: legacy profiles, no refresh token,
 *   registration expired), the snapshot turns `refreshable: false` (status `expiring` inside the
 *   warning time) and the warning shows at expiresAt − lead, or at once if that has passed. With
 *   a lead longer than the refresh window, a refreshable session is therefore warned only after
 *   its refresh was refused, with the time actually left in the title (as the tray writes it).
 * - `expired` fires once at expiry if the token was not renewed (also for a refreshable session
 *   whose refresh kept failing, e.g. offline), or as soon as the status says `expired` (the portal
 *   refused the token). It supersedes `expiring`: past expiry only `expired` is told.
 * - A token first seen (app start) or re-evaluated (resume) after its expiry gets the `expired`
 *   notice once, and none when it expired more than {@link staleExpiryMs} (12 h) ago.
 * - Resume ({@link ExpiryNotifier.resumed}, or a timer firing more than a minute late): thresholds
 *   that passed during sleep collapse into the latest one (one notice, not both). A refreshable
 *   session waits {@link resumeSettleMs} for its silent refresh first; if the refresh lands (an
 *   `update` with a new expiresAt) nothing is told about the old token.
 * - The lead is read on each evaluation, so a change takes effect on the next `update` (the
 *   caller updates on settings changes too). A warning already shown for a token is not repeated.
 */
export class ExpiryNotifier {
  private sessions: readonly SessionSnapshot[] = [];
  /** Thresholds already handled, by token key. */
  private readonly handled = new Map<string, Set<ExpiryNoticeKind>>();
  /** Tokens seen refreshable at some point: a later `refreshable: false` means renewal was refused. */
  private readonly wasRefreshable = new Set<string>();
  private cancelTimer: (() => void) | undefined;
  private settleUntil = Number.NEGATIVE_INFINITY;
  private disposed = false;

  constructor(private readonly deps: ExpiryNotifierDeps) {}

  /** Takes the latest sessions (call on every snapshot change) and plans the next threshold. */
  update(sessions: readonly SessionSnapshot[]): void {
    if (this.disposed) return;
    this.sessions = sessions;
    const current = new Set(sessions.map(tokenKey).filter((key) => key !== undefined));
    for (const key of this.handled.keys()) if (!current.has(key)) this.handled.delete(key);
    for (const key of this.wasRefreshable) if (!current.has(key)) this.wasRefreshable.delete(key);
    this.evaluate();
  }

  /** After power resume: re-evaluate now; refreshable sessions get a moment for their refresh. */
  resumed(): void {
    if (this.disposed) return;
    this.settleUntil = this.deps.clock.now() + resumeSettleMs;
    this.evaluate();
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.sessions = [];
    this.handled.clear();
    this.wasRefreshable.clear();
  }

  private evaluate(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const now = this.deps.clock.now();
    const lead = Math.max(0, this.deps.leadMs());
    const notices: ExpiryNotice[] = [];
    let nextAt = Number.POSITIVE_INFINITY;

    for (const session of this.sessions) {
      const key = tokenKey(session);
      if (key === undefined || session.expiresAt === null || session.status === 'signing-in') continue;
      const expiresAtMs = Date.parse(session.expiresAt);
      if (Number.isNaN(expiresAtMs)) continue;
      if (session.refreshable) this.wasRefreshable.add(key);
      const handled = this.handledFor(key);

      if (session.status === 'expired' || now >= expiresAtMs) {
        if (handled.has('expired')) continue;
        if (now - expiresAtMs > staleExpiryMs) {
          handled.add('expired').add('expiring');
          continue;
        }
        if (session.refreshable && now < this.settleUntil) {
          nextAt = Math.min(nextAt, this.settleUntil);
          continue;
        }
        handled.add('expired').add('expiring');
        notices.push(expiredNotice(session.name, session.expiresAt));
        continue;
      }

      nextAt = Math.min(nextAt, expiresAtMs);
      if (session.refreshable || handled.has('expiring')) continue;
      const warnAt = expiresAtMs - lead;
      if (now < warnAt) {
        nextAt = Math.min(nextAt, warnAt);
        continue;
      }
      handled.add('expiring');
      notices.push(
        expiringNotice(
          session.name,
          session.expiresAt,
          timeLeft(expiresAtMs, now),
          this.wasRefreshable.has(key),
        ),
      );
    }

    if (Number.isFinite(nextAt)) {
      const dueAt = nextAt;
      this.cancelTimer = this.deps.clock.setTimer(Math.max(0, dueAt - now), () => {
        this.cancelTimer = undefined;
        const firedAt = this.deps.clock.now();
        if (firedAt - dueAt > lateTimerToleranceMs) this.settleUntil = firedAt + resumeSettleMs;
        this.evaluate();
      });
    }
    for (const notice of notices) this.deps.notify(notice);
  }

  private handledFor(key: string): Set<ExpiryNoticeKind> {
    let handled = this.handled.get(key);
    if (!handled) {
      handled = new Set();
      this.handled.set(key, handled);
    }
    return handled;
  }
}

/** Identifies one token of one session; undefined when the session holds none. */
function tokenKey(session: SessionSnapshot): string | undefined {
  if (session.status === 'signed-out' || session.expiresAt === null) return undefined;
  return `${session.name}\n${session.expiresAt}`;
}

function expiringNotice(
  session: string,
  expiresAt: string,
  left: string,
  renewalRefused: boolean,
): ExpiryNotice {
  const reason = renewalRefused
    ? `"${session}" could not be renewed automatically.`
    : `"${session}" cannot renew itself.`;
  return {
    session,
    kind: 'expiring',
    expiresAt,
    title: `AWS session expires in ${left}`,
    body: `${reason} Click to sign in again.`,
    action: { kind: 'sign-in', session },
  };
}

function expiredNotice(session: string, expiresAt: string): ExpiryNotice {
  return {
    session,
    kind: 'expired',
    expiresAt,
    title: 'AWS session expired',
    body: `Commands using "${session}" will fail until you sign in. Click to sign in again.`,
    action: { kind: 'sign-in', session },
  };
}
