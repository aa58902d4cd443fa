import { emptyReply, jsonReply, type EmulatorRequest, type Reply } from './http-kit';
import type { IdentityStore } from './identity-store';
import type { EmulatorKnobs } from './knobs';
import type { Org, OrgAccount } from './org-fixture';
import { portalFault } from './portal-errors';

const portalScopes = ['sso:account:access', 'sso-portal:*'];

/**
 * The access-portal API: ListAccounts, ListAccountRoles, GetRoleCredentials and Logout, each
 * authorised by the `x-amz-sso_bearer_token` header (aws-sso-reference.md §2).
 */
export class PortalService {
  private readonly accountsById = new Map<string, OrgAccount>();
  /** "accountId/roleName" pairs the user lost access to (the portal then answers ForbiddenException). */
  private readonly revokedAssignments = new Set<string>();

  constructor(
    private readonly org: Org,
    private readonly store: IdentityStore,
    private readonly knobs: () => EmulatorKnobs,
  ) {
    for (const account of org.accounts) this.accountsById.set(account.accountId, account);
  }

  listAccounts(request: EmulatorRequest): Reply {
    this.authorize(request);
    const page = this.page(request, 'accounts', this.org.accounts.length);
    const accountList = this.org.accounts
      .slice(page.start, page.end)
      .map(({ accountId, accountName, emailAddress }) => ({ accountId, accountName, emailAddress }));
    return jsonReply(200, { accountList, ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
  }

  listAccountRoles(request: EmulatorRequest): Reply {
    this.authorize(request);
    const accountId = request.url.searchParams.get('account_id');
    if (!accountId) throw portalFault('InvalidRequestException', 'account_id is required');
    const account = this.accountsById.get(accountId);
    if (!account) throw portalFault('ResourceNotFoundException', 'Account not found');
    const roles = account.roles.filter(
      (roleName) => !this.revokedAssignments.has(`${accountId}/${roleName}`),
    );
    const page = this.page(request, `roles:${accountId}`, roles.length);
    const roleList = roles.slice(page.start, page.end).map((roleName) => ({ roleName, accountId }));
    return jsonReply(200, { roleList, ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
  }

  getRoleCredentials(request: EmulatorRequest): Reply {
    this.authorize(request);
    const accountId = request.url.searchParams.get('account_id');
    const roleName = request.url.searchParams.get('role_name');
    if (!accountId || !roleName)
      throw portalFault('InvalidRequestException', 'account_id and role_name are required');
    const account = this.accountsById.get(accountId);
    if (!account?.roles.includes(roleName) || this.revokedAssignments.has(`${accountId}/${roleName}`)) {
      throw portalFault('ForbiddenException', 'No access');
    }
    const credentials = this.store.issueCredentials(
      accountId,
      roleName,
      this.knobs().credentialLifetimeSeconds,
    );
    return jsonReply(200, {
      roleCredentials: {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        sessionToken: credentials.sessionToken,
        expiration: credentials.expiresAtMs,
      },
    });
  }

  logout(request: EmulatorRequest): Reply {
    const grant = this.authorize(request, { anyScope: true });
    this.store.revokeGrant(grant.grantId);
    return emptyReply(200);
  }

  /** Takes a role away from the user (or gives it back), as an administrator would. */
  setAssignmentRevoked(accountId: string, roleName: string, revoked: boolean): void {
    const key = `${accountId}/${roleName}`;
    if (revoked) this.revokedAssignments.add(key);
    else this.revokedAssignments.delete(key);
  }

  private authorize(request: EmulatorRequest, options: { anyScope?: boolean } = {}): { grantId: string } {
    const header = request.headers['x-amz-sso_bearer_token'];
    const token = Array.isArray(header) ? header[0] : header;
    const result = this.store.checkAccessToken(token);
    if (result === 'invalid' || result === 'expired') {
      throw portalFault('UnauthorizedException', 'Session token not found or invalid');
    }
    if (
      !options.anyScope &&
      !result.scopes.some((scope) => portalScopes.includes(scope)) &&
      result.scopes.length > 0
    ) {
      throw portalFault('UnauthorizedException', 'Session token not found or invalid');
    }
    return result;
  }

  /** Offset pagination behind an opaque token that names the listing it belongs to. */
  private page(
    request: EmulatorRequest,
    listing: string,
    total: number,
  ): { start: number; end: number; nextToken?: string } {
    const rawSize = request.url.searchParams.get('max_result');
    let size = this.knobs().defaultPageSize;
    if (rawSize !== null) {
      size = Number(rawSize);
      if (!/^\d+$/.test(rawSize) || size < 1 || size > 100) {
        throw portalFault(
          'InvalidRequestException',
          'ResultSize parameter must be within the valid limits of: 1-100',
        );
      }
    }
    let start = 0;
    const rawToken = request.url.searchParams.get('next_token');
    if (rawToken !== null) {
      const decoded = decodePageToken(rawToken);
      if (decoded?.listing !== listing || decoded.offset > total) {
        throw portalFault('InvalidRequestException', 'Invalid next token');
      }
      start = decoded.offset;
    }
    const end = Math.min(total, start + size);
    return end < total ? { start, end, nextToken: encodePageToken(listing, end) } : { start, end };
  }
}

function encodePageToken(listing: string, offset: number): string {
  return Buffer.from(JSON.stringify({ listing, offset })).toString('base64');
}

function decodePageToken(token: string): { listing: string; offset: number } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { listing, offset } = value as Record<string, unknown>;
    return typeof listing === 'string' &&
      typeof offset === 'number' &&
      Number.isInteger(offset) &&
      offset >= 0
      ? { listing, offset }
      : undefined;
  } catch {
    return undefined;
  }
}
