import type { SessionStatus } from '../../../shared/session-snapshot';
import { isRefreshable, type SsoToken } from './sso-token';

/** How long before expiry a session that cannot refresh itself counts as `expiring`. */
export const defaultWarningLeadMs = 15 * 60 * 1000;

export interface SessionFacts {
  token: SsoToken | undefined;
  signingIn: boolean;
  /** The portal refused the token (UnauthorizedException) although it had not expired. */
  rejectedByServer: boolean;
  /** A refresh failed for good (the refresh token or registration was refused). */
  refreshFailed: boolean;
}

/** Whether SSO Tray can renew this session silently. */
export function canRefresh(facts: SessionFacts, nowMs: number): boolean {
  return (
    facts.token !== undefined &&
    !facts.refreshFailed &&
    !facts.rejectedByServer &&
    isRefreshable(facts.token, nowMs)
  );
}

/**
 * A session's status from what is known of it. `expiring` means a human will have to act soon:
 * a session that will refresh itself stays `active` until the refresh happens.
 */
export function sessionStatus(
  facts: SessionFacts,
  nowMs: number,
  warningLeadMs = defaultWarningLeadMs,
): SessionStatus {
  if (facts.signingIn) return 'signing-in';
  if (!facts.token) return 'signed-out';
  if (facts.rejectedByServer || facts.token.expiresAtMs <= nowMs) return 'expired';
  if (canRefresh(facts, nowMs)) return 'active';
  return facts.token.expiresAtMs - nowMs <= warningLeadMs ? 'expiring' : 'active';
}
