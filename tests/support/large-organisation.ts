import type { Inventory } from '../../shared/inventory';
import type { AppSnapshot } from '../../shared/session-snapshot';

const roleNames = ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess', 'DeveloperAccess', 'Billing'];
const teams = ['payments', 'ledger', 'search', 'data-lake', 'platform'];
const stages = ['prod', 'dev', 'staging'];

/** The id of account number `at` of the organisation. */
export const largeOrganisationAccountId = (at: number): string => String(100000000000 + at);

/**
 * One signed-in session ("corp") with `accounts` accounts of up to five roles each, already
 * listed: the window's data for a large organisation (the benchmark's and the window's test's).
 * Account `at` is named `<team>-<stage>-<at>`.
 */
export function largeOrganisation(
  accounts: number,
  rolesPerAccount = 5,
): { inventory: Inventory; snapshot: AppSnapshot } {
  const fetchedAt = new Date().toISOString();
  const inventory: Inventory = {
    session: 'corp',
    fetchedAt,
    complete: true,
    accounts: Array.from({ length: accounts }, (_, at) => ({
      accountId: largeOrganisationAccountId(at),
      accountName: `${teams[at % teams.length] ?? ''}-${stages[at % stages.length] ?? ''}-${String(at)}`,
      emailAddress: `aws+${String(at)}@example.com`,
      roles: roleNames.slice(0, rolesPerAccount),
    })),
  };
  const snapshot: AppSnapshot = {
    sessions: [
      {
        name: 'corp',
        startUrl: 'https://d-1234567890.awsapps.com/start',
        region: 'us-east-1',
        status: 'active',
        expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
        refreshable: true,
        legacy: false,
      },
    ],
    active: null,
    recent: [],
    favourites: [],
    inventories: [
      {
        session: 'corp',
        fetchedAt,
        accounts,
        roles: accounts * Math.min(rolesPerAccount, roleNames.length),
        complete: true,
        progress: null,
      },
    ],
  };
  return { inventory, snapshot };
}
