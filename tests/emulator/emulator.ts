import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FederationService, type ConsoleLogin } from './federation-service';
import { jsonReply, ServiceFault, htmlReply, textReply, type EmulatorRequest, type Reply } from './http-kit';
import { IdentityStore } from './identity-store';
import { defaultKnobs, validateKnobs, type EmulatorKnobs } from './knobs';
import { oidcErrorReply, oidcErrors, type OidcErrorName } from './oidc-errors';
import { OidcService } from './oidc-service';
import { generateOrg, type Org } from './org-fixture';
import { authorizeApprovalPage, deviceApprovalPage, deviceCodeEntryPage, resultPage } from './pages';
import { portalErrorReply, portalErrors, type PortalErrorName } from './portal-errors';
import { PortalService } from './portal-service';
import { RequestLog } from './request-log';
import { SeededRandom } from './seeded-random';
import { TokenBucket } from './token-bucket';

export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The org to serve; otherwise one is generated from `accounts`, `rolesPerAccount` and `seed`. */
  org?: Org;
  accounts?: number;
  rolesPerAccount?: number;
  seed?: number;
  startUrl?: string;
  region?: string;
  knobs?: Partial<EmulatorKnobs>;
  /** The emulator's clock in epoch milliseconds (lifetimes and expiry); tests pass a fake one. */
  now?: () => number;
}

/** A modelled error to answer the next `times` calls of one operation with, whatever they ask. */
export interface InjectedFault {
  operation: ApiOperation;
  error: OidcErrorName | PortalErrorName;
  times?: number;
  /** OIDC errors only: the optional `reason` member (for example `KMS_AccessDeniedException`). */
  reason?: string;
}

type Service = 'oidc' | 'portal';
export type ApiOperation =
  | 'RegisterClient'
  | 'StartDeviceAuthorization'
  | 'CreateToken'
  | 'ListAccounts'
  | 'ListAccountRoles'
  | 'GetRoleCredentials'
  | 'Logout';

interface Route {
  method: string;
  path: string;
  operation: string;
  /** API operations get latency and faults; portal ones are also throttled. Browser pages get neither. */
  service?: Service;
  handle: (request: EmulatorRequest) => Reply | Promise<Reply>;
}

/**
 * A local IAM Identity Center: SSO OIDC, the access-portal API and console federation on one
 * loopback HTTP server, exact on the wire (aws-sso-reference.md), with knobs for lifetimes,
 * throttling, latency and faults, and a request log. Usable from tests and from `npm run emulator`.
 */
export class Emulator {
  readonly log = new RequestLog();
  readonly org: Org;
  private knobValues: EmulatorKnobs;
  private bucket: TokenBucket | undefined;
  private readonly random: SeededRandom;
  private readonly store: IdentityStore;
  private readonly oidc: OidcService;
  private readonly portal: PortalService;
  private readonly federation: FederationService;
  private readonly routes: Route[];
  private readonly injected: {
    operation: string;
    error: OidcErrorName | PortalErrorName;
    times: number;
    reason?: string;
  }[] = [];
  private server: Server | undefined;
  private baseUrl = '';

  private constructor(private readonly options: EmulatorOptions) {
    const now = options.now ?? Date.now;
    this.org =
      options.org ??
      generateOrg({
        accounts: options.accounts ?? 3,
        rolesPerAccount: options.rolesPerAccount ?? 2,
        seed: options.seed ?? 1,
        ...(options.startUrl === undefined ? {} : { startUrl: options.startUrl }),
        ...(options.region === undefined ? {} : { region: options.region }),
      });
    this.knobValues = { ...defaultKnobs, ...validateKnobs(options.knobs ?? {}) };
    this.random = new SeededRandom(options.seed ?? 1);
    this.store = new IdentityStore(now);
    const knobs = (): EmulatorKnobs => this.knobValues;
    this.oidc = new OidcService(this.store, knobs, now);
    this.portal = new PortalService(this.org, this.store, knobs);
    this.federation = new FederationService(this.store, knobs, now);
    this.resetBucket();
    this.routes = this.buildRoutes();
  }

  /** Starts an emulator on 127.0.0.1 and resolves when it listens. */
  static async start(options: EmulatorOptions = {}): Promise<Emulator> {
    const emulator = new Emulator(options);
    await emulator.listen(options.port ?? 0);
    return emulator;
  }

  /** The base URL of every endpoint, e.g. `http://127.0.0.1:8989`. */
  get url(): string {
    return this.baseUrl;
  }

  /** Environment variables that point the AWS SDK for JavaScript v3 and SSO Tray at this emulator. */
  get env(): Record<string, string> {
    return {
      AWS_ENDPOINT_URL_SSO: this.baseUrl,
      AWS_ENDPOINT_URL_SSO_OIDC: this.baseUrl,
      AWS_ENDPOINT_URL_SIGNIN: this.baseUrl,
    };
  }

  get knobs(): Readonly<EmulatorKnobs> {
    return this.knobValues;
  }

  /** Console sign-ins the federation endpoint accepted, oldest first. */
  get consoleLogins(): readonly ConsoleLogin[] {
    return this.federation.consoleLogins;
  }

  get consoleLogouts(): number {
    return this.federation.consoleLogouts;
  }

  setKnobs(patch: Partial<EmulatorKnobs>): void {
    this.knobValues = { ...this.knobValues, ...validateKnobs(patch) };
    if ('tps' in patch || 'burst' in patch) this.resetBucket();
  }

  injectFault(fault: InjectedFault): void {
    const known = fault.error in oidcErrors || fault.error in portalErrors;
    if (!known) throw new Error(`unknown error ${fault.error}`);
    this.injected.push({
      operation: fault.operation,
      error: fault.error,
      times: fault.times ?? 1,
      ...(fault.reason ? { reason: fault.reason } : {}),
    });
  }

  /** The user approves (or denies) a device code on the verification page. */
  decideUserCode(userCode: string, approve: boolean): boolean {
    return this.oidc.decideUserCode(userCode, approve);
  }

  pendingUserCodes(): string[] {
    return this.oidc.pendingUserCodes();
  }

  /** Revokes every sign-in: access and refresh tokens stop working. */
  revokeAllSessions(): number {
    return this.store.revokeAllGrants();
  }

  /** Expires every client registration now (CreateToken then answers `InvalidClientException`). */
  expireRegistrations(): void {
    this.store.expireAllClients();
  }

  /** Which account and role a set of role credentials was issued for, if this emulator issued it. */
  findIssuedCredentials(accessKeyId: string): { accountId: string; roleName: string } | undefined {
    const issued = this.store.findCredentials(accessKeyId);
    return issued && { accountId: issued.accountId, roleName: issued.roleName };
  }

  /** Every token, client secret and credential secret handed out (for leak scans). */
  issuedSecrets(): string[] {
    return this.store.issuedSecrets();
  }

  /** Takes a role away from the user, or gives it back. */
  setAssignmentRevoked(accountId: string, roleName: string, revoked: boolean): void {
    this.portal.setAssignmentRevoked(accountId, roleName, revoked);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      server.closeAllConnections();
    });
  }

  private resetBucket(): void {
    const { tps, burst } = this.knobValues;
    this.bucket =
      tps === null
        ? undefined
        : new TokenBucket(tps, burst ?? Math.max(1, tps), this.options.now ?? Date.now);
  }

  private async listen(port: number): Promise<void> {
    const server = createServer((req, res) => {
      void this.dispatch(req, res);
    });
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        resolve();
      });
    });
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    const request: EmulatorRequest = { method, url, headers: req.headers, body };
    const route = this.routes.find(
      (candidate) => candidate.path === url.pathname && candidate.method === method,
    );
    const operation = route?.operation ?? 'Unknown';
    const atMs = Date.now();

    if (route?.service) {
      const knobs = this.knobValues;
      if (knobs.dropRate > 0 && this.random.next() < knobs.dropRate) {
        this.log.record({ atMs, method, path: url.pathname, operation, status: 'dropped' });
        req.socket.destroy();
        return;
      }
    }
    const reply = await this.answer(route, request);
    this.log.record({
      atMs,
      method,
      path: url.pathname,
      operation,
      status: reply.status,
      ...(reply.status >= 400 && reply.headers['x-amzn-errortype']
        ? { errorType: reply.headers['x-amzn-errortype'].split(':')[0] ?? '' }
        : {}),
    });
    if (res.destroyed) return;
    res.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
  }

  private async answer(route: Route | undefined, request: EmulatorRequest): Promise<Reply> {
    if (!route) {
      const reply = jsonReply(404, {
        message: `No such operation: ${request.method} ${request.url.pathname}`,
      });
      reply.headers['x-amzn-errortype'] = 'UnknownOperationException';
      return reply;
    }
    const service = route.service;
    if (service) {
      // Throttling is decided on arrival, like a front-end limiter; latency is added to every answer.
      const throttled = service === 'portal' && this.bucket !== undefined && !this.bucket.tryTake();
      if (this.knobValues.latencyMs > 0) await delay(this.knobValues.latencyMs);
      if (throttled) return portalErrorReply('TooManyRequestsException', 'Rate exceeded');
      const injected = this.takeInjected(route.operation);
      if (injected) return injected;
      if (this.knobValues.errorRate > 0 && this.random.next() < this.knobValues.errorRate) {
        return service === 'oidc'
          ? oidcErrorReply('InternalServerException', 'An internal error occurred')
          : portalErrorReply('InternalServerException', 'An internal error occurred');
      }
    }
    try {
      return await route.handle(request);
    } catch (error) {
      if (error instanceof ServiceFault) return error.reply;
      throw error;
    }
  }

  private takeInjected(operation: string): Reply | undefined {
    const index = this.injected.findIndex((fault) => fault.operation === operation);
    const fault = this.injected[index];
    if (!fault) return undefined;
    if (--fault.times <= 0) this.injected.splice(index, 1);
    if (fault.error in oidcErrors) {
      return oidcErrorReply(fault.error as OidcErrorName, `Injected ${fault.error}`, fault.reason);
    }
    return portalErrorReply(fault.error as PortalErrorName, `Injected ${fault.error}`);
  }

  private buildRoutes(): Route[] {
    return [
      {
        method: 'POST',
        path: '/client/register',
        operation: 'RegisterClient',
        service: 'oidc',
        handle: (r) => this.oidc.registerClient(r),
      },
      {
        method: 'POST',
        path: '/device_authorization',
        operation: 'StartDeviceAuthorization',
        service: 'oidc',
        handle: (r) => this.oidc.startDeviceAuthorization(r, this.baseUrl),
      },
      {
        method: 'POST',
        path: '/token',
        operation: 'CreateToken',
        service: 'oidc',
        handle: (r) => this.oidc.createToken(r),
      },
      {
        method: 'GET',
        path: '/assignment/accounts',
        operation: 'ListAccounts',
        service: 'portal',
        handle: (r) => this.portal.listAccounts(r),
      },
      {
        method: 'GET',
        path: '/assignment/roles',
        operation: 'ListAccountRoles',
        service: 'portal',
        handle: (r) => this.portal.listAccountRoles(r),
      },
      {
        method: 'GET',
        path: '/federation/credentials',
        operation: 'GetRoleCredentials',
        service: 'portal',
        handle: (r) => this.portal.getRoleCredentials(r),
      },
      {
        method: 'POST',
        path: '/logout',
        operation: 'Logout',
        service: 'portal',
        handle: (r) => this.portal.logout(r),
      },
      { method: 'GET', path: '/authorize', operation: 'Authorize', handle: (r) => this.authorizePage(r) },
      {
        method: 'POST',
        path: '/authorize/decision',
        operation: 'AuthorizeDecision',
        handle: (r) => this.authorizeDecision(r),
      },
      { method: 'GET', path: '/device', operation: 'DevicePage', handle: (r) => this.devicePage(r) },
      {
        method: 'POST',
        path: '/device/decision',
        operation: 'DeviceDecision',
        handle: (r) => this.deviceDecision(r),
      },
      {
        method: 'GET',
        path: '/federation',
        operation: 'Federation',
        handle: (r) => this.federation.federation(r),
      },
      { method: 'GET', path: '/oauth', operation: 'ConsoleLogout', handle: (r) => this.federation.logout(r) },
      { method: 'GET', path: '/__emulator/stats', operation: 'AdminStats', handle: () => this.stats() },
      {
        method: 'POST',
        path: '/__emulator/knobs',
        operation: 'AdminKnobs',
        handle: (r) => this.adminKnobs(r),
      },
      {
        method: 'POST',
        path: '/__emulator/revoke-sessions',
        operation: 'AdminRevoke',
        handle: () => jsonReply(200, { revoked: this.revokeAllSessions() }),
      },
    ];
  }

  private authorizePage(request: EmulatorRequest): Reply {
    const outcome = this.oidc.authorize(request);
    if (outcome.kind === 'redirect') return outcome.reply;
    if (outcome.kind === 'invalid') return htmlReply(400, resultPage('Request not valid', outcome.message));
    return htmlReply(
      200,
      authorizeApprovalPage(outcome.requestId, outcome.pending.clientName, outcome.pending.scopes),
    );
  }

  private authorizeDecision(request: EmulatorRequest): Reply {
    const form = new URLSearchParams(request.body);
    const reply = this.oidc.decideAuthorizeRequest(
      form.get('request') ?? '',
      form.get('decision') === 'approve',
    );
    return (
      reply ??
      htmlReply(400, resultPage('Request not valid', 'This request was already answered or does not exist.'))
    );
  }

  private devicePage(request: EmulatorRequest): Reply {
    const userCode = request.url.searchParams.get('user_code');
    if (!userCode) return htmlReply(200, deviceCodeEntryPage());
    const found = this.oidc.findUserCode(userCode);
    if (!found || found.expired || found.state !== 'pending') {
      return htmlReply(
        200,
        deviceCodeEntryPage('This code is not valid or has expired. Check it and try again.'),
      );
    }
    return htmlReply(200, deviceApprovalPage(found.userCode));
  }

  private deviceDecision(request: EmulatorRequest): Reply {
    const form = new URLSearchParams(request.body);
    const approve = form.get('decision') === 'approve';
    if (!this.oidc.decideUserCode(form.get('user_code') ?? '', approve)) {
      return htmlReply(
        400,
        resultPage('Request not valid', 'This code is not valid, has expired or was already answered.'),
      );
    }
    return htmlReply(
      200,
      approve && !this.knobValues.denyApprovals
        ? resultPage('Request approved', 'You can close this window and return to your application.')
        : resultPage('Request denied', 'Access was not granted. You can close this window.'),
    );
  }

  private stats(): Reply {
    return jsonReply(200, {
      counters: this.log.counters(),
      throttled: this.log.throttled(),
      pendingUserCodes: this.pendingUserCodes(),
      consoleLogins: this.consoleLogins.length,
      knobs: this.knobValues,
    });
  }

  private adminKnobs(request: EmulatorRequest): Reply {
    try {
      this.setKnobs(JSON.parse(request.body) as Partial<EmulatorKnobs>);
      return jsonReply(200, this.knobValues);
    } catch (error) {
      return textReply(400, error instanceof Error ? error.message : 'bad knobs');
    }
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
