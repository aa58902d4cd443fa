import type { Settings } from '../app/settings';
import type { RoleCredentialService } from '../credentials/role-credential-service';
import type { RoleRef } from '../credentials/role-credentials';
import type { SessionService } from '../sso/session-service';
import { buildConsoleUrl } from './console-url';

export interface ConsoleRequest {
  /** The console's region; the session's region when absent. */
  region?: string;
  service?: string;
  url?: string;
  /** The access-portal shortcut link instead of the console mode setting. */
  portal?: boolean;
  signOutFirst?: boolean;
  signal?: AbortSignal;
}

export interface ConsoleDeps {
  sessions: SessionService;
  credentials: RoleCredentialService;
  settings: Settings;
  env: Readonly<Record<string, string | undefined>>;
}

/** The URL that opens the AWS console signed in as a role (federation), or its portal shortcut. */
export class ConsoleService {
  constructor(private readonly deps: ConsoleDeps) {}

  urlFor(role: RoleRef, request: ConsoleRequest = {}): Promise<string> {
    const session = this.deps.sessions.session(role.session);
    const { consoleRegion, consoleDestination } = this.deps.settings;
    // The settings' defaults apply only when the request names no destination of its own.
    const asked = request.service !== undefined || request.url !== undefined;
    const fallback = consoleDestination.startsWith('https://')
      ? { url: consoleDestination }
      : { service: consoleDestination };
    const destination = asked
      ? {
          ...(request.service === undefined ? {} : { service: request.service }),
          ...(request.url === undefined ? {} : { url: request.url }),
        }
      : consoleDestination === ''
        ? {}
        : fallback;
    return buildConsoleUrl({
      mode: request.portal ? 'portal' : this.deps.settings.consoleMode,
      startUrl: session.startUrl,
      region: request.region ?? (consoleRegion === '' ? session.region : consoleRegion),
      accountId: role.accountId,
      roleName: role.roleName,
      ...(Object.keys(destination).length > 0 ? { destination } : {}),
      credentials: () => this.deps.credentials.get(role, request.signal ? { signal: request.signal } : {}),
      env: this.deps.env,
      ...(request.signOutFirst ? { signOutFirst: true } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  }
}
