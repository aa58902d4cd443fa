import { SeededRandom } from './seeded-random';

/** One AWS account the signed-in user can reach, with the permission sets (roles) assigned to them. */
export interface OrgAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roles: string[];
}

/** The organisation an emulator serves: one IAM Identity Center instance and one user's assignments. */
export interface Org {
  startUrl: string;
  region: string;
  accounts: OrgAccount[];
}

export interface OrgFixtureOptions {
  accounts: number;
  rolesPerAccount: number;
  seed?: number;
  startUrl?: string;
  region?: string;
}

/** The start URL the emulator uses by default: AWS-owned in form, so the AWS CLI never tries to resolve it. */
export const defaultStartUrl = 'https://d-1234567890.awsapps.com/start';
export const defaultRegion = 'us-east-1';

const teams = [
  'payments',
  'ledger',
  'checkout',
  'identity',
  'search',
  'catalog',
  'shipping',
  'billing',
  'data-lake',
  'analytics',
  'ml-platform',
  'mobile',
  'web',
  'edge',
  'network',
  'security',
  'observability',
  'build',
  'platform',
  'support',
  'marketing',
  'hr-systems',
  'finance',
  'growth',
];
const stages = ['prod', 'staging', 'dev', 'sandbox', 'test', 'shared', 'dr'];
const permissionSets = [
  'AdministratorAccess',
  'PowerUserAccess',
  'ReadOnlyAccess',
  'ViewOnlyAccess',
  'DeveloperAccess',
  'SecurityAudit',
  'Billing',
  'DataScientist',
  'DatabaseAdministrator',
  'NetworkAdministrator',
  'SupportUser',
  'SystemAdministrator',
];

/**
 * A deterministic organisation: the same options always give the same accounts, ids, names, emails
 * and roles, so tests and benchmarks can name what they expect.
 */
export function generateOrg(options: OrgFixtureOptions): Org {
  const random = new SeededRandom(options.seed ?? 1);
  const usedIds = new Set<string>();
  const usedNames = new Map<string, number>();
  const accounts: OrgAccount[] = [];
  for (let index = 0; index < options.accounts; index++) {
    let accountId: string;
    do {
      accountId = String(100000000000 + random.int(900000000000));
    } while (usedIds.has(accountId));
    usedIds.add(accountId);

    const base = `${random.pick(teams)}-${random.pick(stages)}`;
    const seen = usedNames.get(base) ?? 0;
    usedNames.set(base, seen + 1);
    const accountName = seen === 0 ? base : `${base}-${seen + 1}`;

    accounts.push({
      accountId,
      accountName,
      emailAddress: `aws+${accountName}@example.com`,
      roles: pickRoles(random, options.rolesPerAccount),
    });
  }
  return {
    startUrl: options.startUrl ?? defaultStartUrl,
    region: options.region ?? defaultRegion,
    accounts,
  };
}

function pickRoles(random: SeededRandom, count: number): string[] {
  const pool = [...permissionSets];
  const roles: string[] = [];
  while (roles.length < count && pool.length > 0) {
    roles.push(...pool.splice(random.int(pool.length), 1));
  }
  for (let extra = 1; roles.length < count; extra++) roles.push(`CustomRole${extra}`);
  return roles;
}
