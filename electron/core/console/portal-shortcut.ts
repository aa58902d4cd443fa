import { startUrlProblem } from '../../../shared/session-input';
import { AppError } from '../app/app-error';

/** Which role the access portal should sign in to, and optionally where in the console to land. */
export interface ShortcutTarget {
  accountId: string;
  roleName: string;
  /** A console URL (from `consoleDestination`); without one the permission set's relay state applies. */
  destination?: string;
}

/**
 * The access portal's shortcut link (§5, AWS "create shortcut link"):
 * `<start URL>/#/console?account_id=…&role_name=…&destination=…`. It needs no credentials of ours:
 * the portal signs the browser in with its own portal session, so it also works where federation
 * is not wanted. Start URLs come as `…/start`, `…/start/`, `…/start#/` or `…/start/#/`; the
 * fragment and trailing slashes are dropped so each gives the same link.
 */
export function portalShortcutUrl(startUrl: string, target: ShortcutTarget): string {
  const problem = startUrlProblem(startUrl);
  if (problem !== undefined)
    throw new AppError('InvalidInput', `Cannot build the access-portal link: ${problem}.`);
  if (!/^\d{12}$/.test(target.accountId))
    throw new AppError(
      'InvalidInput',
      `"${target.accountId}" is not an AWS account ID; give the 12 digits, for example 123456789012.`,
    );
  if (target.roleName.trim() === '')
    throw new AppError(
      'InvalidInput',
      'The access-portal link needs a role name; give the permission set name.',
    );
  const url = new URL(startUrl.trim());
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}/${url.search}`;
  // The portal reads these from the fragment's own query; encodeURIComponent keeps `&`, `#` and
  // spaces of a destination inside its one parameter.
  const destination =
    target.destination === undefined ? '' : `&destination=${encodeURIComponent(target.destination)}`;
  return (
    `${base}#/console?account_id=${target.accountId}` +
    `&role_name=${encodeURIComponent(target.roleName)}${destination}`
  );
}
