import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { PendingSignIn, SessionSnapshot } from '../../../shared/session-snapshot';
import { AppError } from '../app/app-error';
import type { Clock } from '../app/clock';
import type { SignInFlow } from '../app/settings';
import type { UrlOpener } from '../app/url-opener';
import type { SsoSessionConfig } from '../aws-files/aws-config';
import { runAuthorizationCodeFlow } from './authorization-code-flow';
import type { ClientRegistrar } from './client-registration';
import { cancelled, runDeviceCodeFlow } from './device-code-flow';
import { authorizeEndpoint, errorName } from './oidc-client';
import { describeOidcFailure } from './oidc-failure';
import { canRefresh, defaultWarningLeadMs, sessionStatus, type SessionFacts } from './session-status';
import type { SsoToken } from './sso-token';
import { RefreshRefusedError, refreshToken } from './token-refresher';
import type { TokenVault } from './token-vault';

export interface SignInOptions {
  flow: SignInFlow;
  noBrowser?: boolean;
  signal?: AbortSignal;
}

export interface SessionServiceDeps {
  clock: Clock;
  vault: TokenVault;
  registrar: ClientRegistrar;
  opener: UrlOpener;
  env: Readonly<Record<string, string | undefined>>;
  oidcClient: (region: string) => Promise<SSOOIDCClient>;
  /** Called when a flow is chosen, so it is remembered for the session. */
  rememberFlow?: (session: string, flow: SignInFlow) => Promise<void>;
  warningLeadMs?: number;
}

/** Renew this long before expiry (the AWS CLI's refresh window). */
export const refreshWindowMs = 15 * 60 * 1000;

/**
 * The sessions and their tokens: sign-in (one flight per session, shared by concurrent callers),
 * refresh, logout, and the snapshot every view renders. It never opens a browser on its own: a
 * sign-in starts only from `signIn`, that is from a user's action.
 */
export class SessionService {
  private sessions: SsoSessionConfig[] = [];
  private readonly facts = new Map<string, SessionFacts>();
  private readonly flights = new Map<string, Promise<SsoToken>>();
  private readonly pending = new Map<string, PendingSignIn>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: SessionServiceDeps) {}

  /** Loads the sessions of the AWS config and their tokens (adopting newer AWS CLI tokens). */
  async load(sessions: SsoSessionConfig[]): Promise<void> {
    this.sessions = sessions;
    for (const session of sessions) {
      const token = await this.deps.vault.load(session);
      const previous = this.facts.get(session.name);
      const sameToken = previous?.token?.accessToken === token?.accessToken;
      this.facts.set(session.name, {
        token,
        signingIn: previous?.signingIn ?? false,
        rejectedByServer: sameToken ? (previous?.rejectedByServer ?? false) : false,
        refreshFailed: sameToken ? (previous?.refreshFailed ?? false) : false,
      });
    }
    this.emit();
  }

  session(name: string): SsoSessionConfig {
    const session = this.sessions.find((candidate) => candidate.name === name);
    if (!session) {
      const known = this.sessions.map((candidate) => candidate.name).join(', ');
      throw new AppError(
        'InvalidInput',
        `No session named "${name}" in the AWS config${known ? ` (sessions: ${known})` : ''}.`,
      );
    }
    return session;
  }

  list(): readonly SsoSessionConfig[] {
    return this.sessions;
  }

  snapshot(): SessionSnapshot[] {
    const now = this.deps.clock.now();
    return this.sessions.map((session) => {
      const facts = this.factsOf(session.name);
      const pending = this.pending.get(session.name);
      return {
        name: session.name,
        startUrl: session.startUrl,
        region: session.region,
        status: sessionStatus(facts, now, this.deps.warningLeadMs ?? defaultWarningLeadMs),
        expiresAt: facts.token ? new Date(facts.token.expiresAtMs).toISOString() : null,
        refreshable: canRefresh(facts, now),
        legacy: session.legacy,
        ...(pending ? { pending } : {}),
      };
    });
  }

  /** Tells the views to render again (a time threshold passed; nothing else changed). */
  emitChange(): void {
    this.emit();
  }

  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Signs in; a second caller while a sign-in runs shares the same flight and result. */
  signIn(name: string, options: SignInOptions): Promise<SsoToken> {
    return this.fly(name, () => this.runSignIn(this.session(name), options));
  }

  /**
   * A valid access token for API calls: refreshed first when inside the refresh window. Fails with
   * `SessionExpired` or `NotSignedIn` (and a message saying how to sign in) otherwise.
   */
  async accessToken(name: string): Promise<string> {
    const session = this.session(name);
    const facts = this.factsOf(name);
    const now = this.deps.clock.now();
    if (!facts.token)
      throw new AppError('NotSignedIn', `Not signed in to "${name}". Run: sso-tray login ${quoteArg(name)}`);
    if (!facts.rejectedByServer && facts.token.expiresAtMs - now > refreshWindowMs)
      return facts.token.accessToken;
    if (canRefresh(facts, now)) {
      try {
        return (await this.refresh(name)).accessToken;
      } catch (error) {
        const still = this.factsOf(name).token;
        if (!(error instanceof RefreshRefusedError) && still && still.expiresAtMs > this.deps.clock.now())
          return still.accessToken;
        if (!(error instanceof RefreshRefusedError)) throw error;
      }
    }
    const token = this.factsOf(name).token;
    if (token && !facts.rejectedByServer && token.expiresAtMs > this.deps.clock.now())
      return token.accessToken;
    throw this.expiredError(session);
  }

  /** Renews the token with its refresh token; concurrent callers share one call. */
  refresh(name: string): Promise<SsoToken> {
    const session = this.session(name);
    return this.fly(name, async () => {
      const token = this.factsOf(name).token;
      if (!token)
        throw new AppError(
          'NotSignedIn',
          `Not signed in to "${name}". Run: sso-tray login ${quoteArg(name)}`,
        );
      const oidc = await this.deps.oidcClient(session.region);
      try {
        const renewed = await refreshToken(oidc, token, this.deps.clock);
        await this.deps.vault.save(session, renewed);
        this.update(name, { token: renewed, rejectedByServer: false, refreshFailed: false });
        return renewed;
      } catch (error) {
        if (error instanceof RefreshRefusedError) this.update(name, { refreshFailed: true });
        throw error;
      } finally {
        oidc.destroy();
      }
    });
  }

  /**
   * The portal refused the token (UnauthorizedException): the session needs a new sign-in. Returns
   * the error that says how, for the caller to throw.
   */
  markExpired(name: string): AppError {
    this.update(name, { rejectedByServer: true });
    return this.expiredError(this.session(name));
  }

  /** Signs out: the portal's Logout (best effort), then the keychain items and the mirrored CLI file. */
  async logout(
    name: string,
    portalLogout: (session: SsoSessionConfig, accessToken: string) => Promise<void>,
  ): Promise<void> {
    const session = this.session(name);
    const token = this.factsOf(name).token;
    if (token && token.expiresAtMs > this.deps.clock.now())
      await portalLogout(session, token.accessToken).catch(() => undefined);
    await this.deps.vault.remove(session);
    await this.deps.registrar.forget(session.name);
    this.update(name, { token: undefined, rejectedByServer: false, refreshFailed: false });
  }

  /** When the next thing happens to a session by itself: refresh due, warning due, or expiry. */
  nextEventAt(name: string): number | undefined {
    const facts = this.factsOf(name);
    if (!facts.token || facts.signingIn) return undefined;
    const now = this.deps.clock.now();
    const expiresAt = facts.token.expiresAtMs;
    if (expiresAt <= now) return undefined;
    const lead = this.deps.warningLeadMs ?? defaultWarningLeadMs;
    const candidates = [expiresAt];
    if (canRefresh(facts, now)) candidates.push(expiresAt - refreshWindowMs);
    else if (expiresAt - lead > now) candidates.push(expiresAt - lead);
    return Math.max(now, Math.min(...candidates));
  }

  private async runSignIn(session: SsoSessionConfig, options: SignInOptions): Promise<SsoToken> {
    const signal = options.signal ?? new AbortController().signal;
    // Legacy profiles (no sso-session) sign in with the device flow only, as the AWS CLI does.
    const flow: SignInFlow = session.legacy ? 'device-code' : options.flow;
    this.update(session.name, { signingIn: true });
    const oidc = await this.deps.oidcClient(session.region);
    try {
      let token: SsoToken;
      try {
        token = await this.runFlow(oidc, session, flow, options, signal, false);
      } catch (error) {
        // A registration the service no longer honours: register once more and start over.
        if (
          !['InvalidClientException', 'UnauthorizedClientException'].includes(errorName(error) ?? '') ||
          signal.aborted
        )
          throw error;
        token = await this.runFlow(oidc, session, flow, options, signal, true);
      }
      if (signal.aborted) throw cancelled();
      await this.deps.vault.save(session, token);
      await this.deps.rememberFlow?.(session.name, flow);
      this.update(session.name, { token, rejectedByServer: false, refreshFailed: false });
      return token;
    } catch (error) {
      if (signal.aborted) throw cancelled();
      throw describeOidcFailure(error, `oidc.${session.region}`);
    } finally {
      oidc.destroy();
      this.pending.delete(session.name);
      this.update(session.name, { signingIn: false });
    }
  }

  private async runFlow(
    oidc: SSOOIDCClient,
    session: SsoSessionConfig,
    flow: SignInFlow,
    options: SignInOptions,
    signal: AbortSignal,
    fresh: boolean,
  ): Promise<SsoToken> {
    const registration = await this.deps.registrar.get(oidc, session, flow, { fresh, signal });
    const context = {
      oidc,
      registration,
      startUrl: session.startUrl,
      clock: this.deps.clock,
      opener: this.deps.opener,
      noBrowser: options.noBrowser ?? false,
      signal,
      onPending: (pending: PendingSignIn) => {
        this.pending.set(session.name, pending);
        this.emit();
      },
    };
    return flow === 'pkce'
      ? runAuthorizationCodeFlow({
          ...context,
          authorizeEndpoint: authorizeEndpoint(session.region, this.deps.env),
          scopes: session.scopes.length > 0 ? session.scopes : ['sso:account:access'],
        })
      : runDeviceCodeFlow(context);
  }

  private fly(name: string, run: () => Promise<SsoToken>): Promise<SsoToken> {
    const inFlight = this.flights.get(name);
    if (inFlight) return inFlight;
    const flight = run().finally(() => this.flights.delete(name));
    this.flights.set(name, flight);
    return flight;
  }

  private factsOf(name: string): SessionFacts {
    return (
      this.facts.get(name) ?? {
        token: undefined,
        signingIn: false,
        rejectedByServer: false,
        refreshFailed: false,
      }
    );
  }

  private update(name: string, change: Partial<SessionFacts>): void {
    this.facts.set(name, { ...this.factsOf(name), ...change });
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private expiredError(session: SsoSessionConfig): AppError {
    return new AppError(
      'SessionExpired',
      `The session "${session.name}" has expired. Sign in again: sso-tray login ${quoteArg(session.name)}`,
    );
  }
}

/** Quotes a session name for a command the user can paste, when it needs quoting. */
function quoteArg(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}
