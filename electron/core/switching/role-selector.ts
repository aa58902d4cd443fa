import type { Inventory } from '../../../shared/inventory';
import { AppError } from '../app/app-error';
import type { ManagedProfile } from '../profiles/managed-block';
import { profileNamesFor } from '../profiles/profile-template';

/** One role of one account in one session: what a selector resolves to. */
export interface RoleChoice {
  session: string;
  accountId: string;
  accountName: string;
  roleName: string;
}

export interface SelectorSources {
  /** The inventories to search, one per session. */
  inventories: readonly Inventory[];
  /** Profiles generated into the AWS config by profiles sync, by name. */
  managed: ReadonlyMap<string, ManagedProfile>;
  /** The naming template, so a profile name resolves even before a sync wrote it. */
  template: string;
}

const candidateLimit = 12;

/**
 * Finds the role a user means. `ACCOUNT/ROLE` (the account by id or by name, ignoring case; the
 * role by name, ignoring case, since IAM role names are unique regardless of case) is tried first,
 * then a generated profile name. Several matches, or none, fail with the candidates listed.
 */
export function resolveSelector(selector: string, sources: SelectorSources): RoleChoice {
  const roles = allRoles(sources.inventories);
  let matches = matchAccountRole(selector, roles);
  if (matches.length === 0) matches = matchProfileName(selector, sources, roles);
  const unique = dedupe(matches);
  if (unique.length === 1 && unique[0]) return unique[0];
  if (unique.length > 1)
    throw new AppError(
      'InvalidInput',
      `"${selector}" matches ${unique.length} roles: ${listed(unique)}. Add --session, or use the account id.`,
    );
  const near = nearMatches(selector, roles);
  throw new AppError(
    'InvalidInput',
    near.length > 0
      ? `No role matches "${selector}". Did you mean: ${listed(near)}?`
      : `No role matches "${selector}". Use ACCOUNT/ROLE (account id or name); list them with: sso-tray accounts`,
  );
}

function allRoles(inventories: readonly Inventory[]): RoleChoice[] {
  return inventories.flatMap((inventory) =>
    inventory.accounts.flatMap((account) =>
      account.roles.map((roleName) => ({
        session: inventory.session,
        accountId: account.accountId,
        accountName: account.accountName,
        roleName,
      })),
    ),
  );
}

function matchAccountRole(selector: string, roles: readonly RoleChoice[]): RoleChoice[] {
  const slash = selector.lastIndexOf('/');
  if (slash <= 0 || slash === selector.length - 1) return [];
  const account = selector.slice(0, slash).toLowerCase();
  const role = selector.slice(slash + 1).toLowerCase();
  const byRole = roles.filter((choice) => choice.roleName.toLowerCase() === role);
  const byId = byRole.filter((choice) => choice.accountId === account);
  return byId.length > 0 ? byId : byRole.filter((choice) => choice.accountName.toLowerCase() === account);
}

function matchProfileName(
  selector: string,
  sources: SelectorSources,
  roles: readonly RoleChoice[],
): RoleChoice[] {
  const managed = sources.managed.get(selector);
  if (managed) {
    const found = roles.find(
      (choice) =>
        choice.session === managed.session &&
        choice.accountId === managed.accountId &&
        choice.roleName === managed.roleName,
    );
    return [
      found ?? { ...managed, accountName: managed.accountId }, // a role the inventory has not seen yet
    ];
  }
  return sources.inventories.flatMap((inventory) =>
    profileNamesFor(inventory, sources.template, new Set())
      .filter((assignment) => assignment.name === selector)
      .map((assignment) => ({
        session: inventory.session,
        accountId: assignment.accountId,
        accountName: assignment.accountName,
        roleName: assignment.roleName,
      })),
  );
}

/**
 * Suggestions for a selector that matched nothing: the roles of the account it names, else the
 * accounts with the role it names, else roles sharing the most words with it.
 */
function nearMatches(selector: string, roles: readonly RoleChoice[]): RoleChoice[] {
  const lower = selector.toLowerCase();
  const slash = lower.lastIndexOf('/');
  if (slash > 0) {
    const account = lower.slice(0, slash);
    const role = lower.slice(slash + 1);
    const ofAccount = roles.filter(
      (choice) => choice.accountId === account || choice.accountName.toLowerCase() === account,
    );
    if (ofAccount.length > 0) return ofAccount;
    const withRole = roles.filter((choice) => choice.roleName.toLowerCase() === role);
    if (withRole.length > 0) return withRole;
  }
  const words = lower.split(/[/\s]+/).filter((word) => word.length >= 2);
  const scored = roles
    .map((choice) => {
      const text = `${choice.accountName} ${choice.accountId} ${choice.roleName}`.toLowerCase();
      return { choice, score: words.filter((word) => text.includes(word)).length };
    })
    .filter(({ score }) => score > 0);
  return scored.sort((a, b) => b.score - a.score).map(({ choice }) => choice);
}

function dedupe(choices: RoleChoice[]): RoleChoice[] {
  const seen = new Map<string, RoleChoice>();
  for (const choice of choices)
    seen.set(`${choice.session}\n${choice.accountId}\n${choice.roleName}`, choice);
  return [...seen.values()];
}

function listed(choices: readonly RoleChoice[]): string {
  const shown = choices
    .slice(0, candidateLimit)
    .map(
      (choice) => `${choice.accountName}/${choice.roleName} (${choice.accountId}, session ${choice.session})`,
    );
  const more = choices.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}
