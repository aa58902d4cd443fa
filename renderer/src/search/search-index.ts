/**
 * The search index over every session's inventory: one entry per account, and the roles as flat
 * typed arrays pointing at their account and at their name in a table of distinct role names (an
 * organisation has thousands of roles but a few dozen permission sets, so a keystroke matches each
 * name once). Searchable fields are lower-cased once. Profile names are made on first use, since
 * the window's first render lists roles without them.
 */
import type { Inventory } from '../../../shared/inventory';
import {
  compileTemplate,
  defaultProfileTemplate,
  slug,
  type ProfileNameValues,
  type TokenName,
} from './profile-name';

interface ProfileNameRenderer {
  readonly assemble: (slugs: ProfileNameValues) => string;
  /** The same from lower-cased slugs, with the template's literals lower-cased. */
  readonly assembleLower: (slugs: ProfileNameValues) => string;
  readonly tokens: ReadonlySet<TokenName>;
}

export interface IndexedAccount {
  readonly session: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly email: string;
  /** Why the last discovery could not list this account's roles, if it could not. */
  readonly error: string | undefined;
  readonly nameLower: string;
  readonly emailLower: string;
  /** Its roles are `firstRole` to `firstRole + roleCount - 1`. */
  readonly firstRole: number;
  readonly roleCount: number;
}

/** A text and its lower-cased form, which matching compares against. */
export interface IndexedText {
  readonly text: string;
  readonly lower: string;
}

export interface ProfileNames {
  readonly text: readonly string[];
  readonly lower: readonly string[];
}

/** One key per role of one account of one session. */
export function roleKey(session: string, accountId: string, roleName: string): string {
  return `${session}\u0000${accountId}\u0000${roleName}`;
}

export class SearchIndex {
  private profiles: ProfileNames | undefined;
  private renderer: ProfileNameRenderer | undefined;
  private accountsByKey: Map<string, number[]> | undefined;

  constructor(
    readonly accounts: readonly IndexedAccount[],
    /** Per role, its account: an index into `accounts`. */
    readonly roleAccount: Int32Array,
    /** Per role, its name: an index into `roleNames`. */
    readonly roleNameId: Int32Array,
    /** The distinct role names. */
    readonly roleNames: readonly IndexedText[],
    private readonly template: string,
  ) {}

  get roleCount(): number {
    return this.roleAccount.length;
  }

  roleName(role: number): string {
    return this.roleNames[this.roleNameId[role] ?? -1]?.text ?? '';
  }

  accountOf(role: number): IndexedAccount | undefined {
    return this.accounts[this.roleAccount[role] ?? -1];
  }

  /** The profile name profile sync gives a role (made alone until search needs them all). */
  profileName(role: number): string {
    if (this.profiles) return this.profiles.text[role] ?? '';
    const account = this.accountOf(role);
    if (!account) return '';
    const renderer = this.profileNameRenderer();
    const slugs = accountSlugs(account, renderer.tokens);
    slugs.roleName = roleSlug(slug(this.roleName(role), ''), account);
    return renderer.assemble(slugs);
  }

  /**
   * Every role's profile name, made on the first call. The lower-case forms are assembled from
   * lower-cased slugs rather than by lower-casing ten thousand names.
   */
  profileNames(): ProfileNames {
    if (this.profiles) return this.profiles;
    const renderer = this.profileNameRenderer();
    const roleSlugs = this.roleNames.map((name) => slug(name.text, ''));
    const text: string[] = new Array<string>(this.roleCount);
    const lower: string[] = new Array<string>(this.roleCount);
    for (const account of this.accounts) {
      const slugs = accountSlugs(account, renderer.tokens);
      const lowerSlugs = lowerCased(slugs);
      for (let role = account.firstRole; role < account.firstRole + account.roleCount; role++) {
        slugs.roleName = roleSlug(roleSlugs[this.roleNameId[role] ?? -1] ?? '', account);
        lowerSlugs.roleName = slugs.roleName.toLowerCase();
        text[role] = renderer.assemble(slugs);
        lower[role] = renderer.assembleLower(lowerSlugs);
      }
    }
    this.profiles = { text, lower };
    return this.profiles;
  }

  /** The template, compiled once; an invalid one falls back to the default. */
  private profileNameRenderer(): ProfileNameRenderer {
    if (!this.renderer) {
      const template = compileTemplate(this.template).ok ? this.template : defaultProfileTemplate;
      const compiled = compileTemplate(template);
      // Token names are lower-case, so the lower-cased template has the same tokens.
      const lowered = compileTemplate(template.toLowerCase());
      this.renderer =
        compiled.ok && lowered.ok
          ? { assemble: compiled.assemble, assembleLower: lowered.assemble, tokens: compiled.tokens }
          : { assemble: () => '', assembleLower: () => '', tokens: new Set() };
    }
    return this.renderer;
  }

  /** The role's index, or -1 when no inventory lists it. */
  findRole(session: string, accountId: string, roleName: string): number {
    if (!this.accountsByKey) {
      const byKey = new Map<string, number[]>();
      this.accounts.forEach((account, at) => {
        const key = roleKey(account.session, account.accountId, '');
        const entries = byKey.get(key);
        if (entries) entries.push(at);
        else byKey.set(key, [at]);
      });
      this.accountsByKey = byKey;
    }
    // Usually one entry per account; an account listed twice has its roles spread over both.
    for (const at of this.accountsByKey.get(roleKey(session, accountId, '')) ?? []) {
      const account = this.accounts[at];
      if (!account) continue;
      for (let role = account.firstRole; role < account.firstRole + account.roleCount; role++)
        if (this.roleName(role) === roleName) return role;
    }
    return -1;
  }
}

/**
 * Indexes the inventories in the order given (sessions in their order, accounts as each inventory
 * sorts them). `template` names the profiles; an invalid one falls back to the default.
 */
export function buildSearchIndex(
  inventories: readonly Inventory[],
  template: string = defaultProfileTemplate,
): SearchIndex {
  const roleCapacity = inventories.reduce(
    (sum, inventory) => sum + inventory.accounts.reduce((count, account) => count + account.roles.length, 0),
    0,
  );
  const roleAccount = new Int32Array(roleCapacity);
  const roleNameId = new Int32Array(roleCapacity);
  const roleNames: IndexedText[] = [];
  const nameIds = new Map<string, number>();
  const accounts: IndexedAccount[] = [];
  let roleCount = 0;
  // Accounts indexed so far: one listed again (rare) keeps each role once.
  const indexedAccounts = new Set<string>();
  const indexedBefore = (session: string, accountId: string, nameId: number | undefined): boolean =>
    nameId !== undefined &&
    accounts.some((entry) => {
      if (entry.session !== session || entry.accountId !== accountId) return false;
      for (let role = entry.firstRole; role < entry.firstRole + entry.roleCount; role++)
        if (roleNameId[role] === nameId) return true;
      return false;
    });
  for (const inventory of inventories) {
    for (const account of inventory.accounts) {
      const firstRole = roleCount;
      const accountKey = roleKey(inventory.session, account.accountId, '');
      const listedAgain = indexedAccounts.has(accountKey);
      indexedAccounts.add(accountKey);
      const roles = account.roles;
      for (let at = 0; at < roles.length; at++) {
        const roleName = roles[at] ?? '';
        // A role listed twice in one account is one role.
        if (roles.indexOf(roleName) !== at) continue;
        if (listedAgain && indexedBefore(inventory.session, account.accountId, nameIds.get(roleName)))
          continue;
        let nameId = nameIds.get(roleName);
        if (nameId === undefined) {
          nameId = roleNames.length;
          nameIds.set(roleName, nameId);
          roleNames.push({ text: roleName, lower: roleName.toLowerCase() });
        }
        roleAccount[roleCount] = accounts.length;
        roleNameId[roleCount] = nameId;
        roleCount++;
      }
      accounts.push({
        session: inventory.session,
        accountId: account.accountId,
        accountName: account.accountName,
        email: account.emailAddress,
        error: account.error,
        nameLower: account.accountName.toLowerCase(),
        emailLower: account.emailAddress.toLowerCase(),
        firstRole,
        roleCount: roleCount - firstRole,
      });
    }
  }
  return new SearchIndex(
    accounts,
    roleAccount.subarray(0, roleCount),
    roleNameId.subarray(0, roleCount),
    roleNames,
    template,
  );
}

/**
 * An account's slugged token values, for the tokens the template uses; the role's is filled in
 * per role.
 */
function accountSlugs(account: IndexedAccount, tokens: ReadonlySet<TokenName>): ProfileNameValues {
  const slugged = (token: TokenName, value: string): string =>
    tokens.has(token) ? slug(value, account.accountId) : '';
  return {
    accountName: slugged('account_name', account.accountName),
    accountId: slugged('account_id', account.accountId),
    session: slugged('session', account.session),
    roleName: '',
  };
}

function lowerCased(slugs: ProfileNameValues): ProfileNameValues {
  return {
    accountName: slugs.accountName.toLowerCase(),
    accountId: slugs.accountId.toLowerCase(),
    session: slugs.session.toLowerCase(),
    roleName: slugs.roleName.toLowerCase(),
  };
}

/** A role name's slug, or the account id when nothing of the name is left (the core's rule). */
function roleSlug(slugged: string, account: IndexedAccount): string {
  return slugged === '' ? account.accountId : slugged;
}
