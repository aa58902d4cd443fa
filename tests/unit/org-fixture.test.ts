import { describe, expect, it } from 'vitest';
import { generateOrg } from '../emulator/org-fixture';

describe('generateOrg', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateOrg({ accounts: 50, rolesPerAccount: 3, seed: 7 });
    expect(generateOrg({ accounts: 50, rolesPerAccount: 3, seed: 7 })).toEqual(a);
    expect(generateOrg({ accounts: 50, rolesPerAccount: 3, seed: 8 })).not.toEqual(a);
  });

  it('gives unique 12-digit ids, unique names, matching emails and distinct roles', () => {
    const org = generateOrg({ accounts: 500, rolesPerAccount: 14, seed: 3 });
    expect(org.accounts).toHaveLength(500);
    expect(new Set(org.accounts.map((a) => a.accountId)).size).toBe(500);
    expect(new Set(org.accounts.map((a) => a.accountName)).size).toBe(500);
    for (const account of org.accounts) {
      expect(account.accountId).toMatch(/^[1-9]\d{11}$/);
      expect(account.emailAddress).toBe(`aws+${account.accountName}@example.com`);
      expect(account.roles).toHaveLength(14);
      expect(new Set(account.roles).size).toBe(14);
    }
  });

  it('uses an AWS-owned start URL by default so the AWS CLI never resolves it', () => {
    expect(generateOrg({ accounts: 1, rolesPerAccount: 1 }).startUrl).toMatch(
      /^https:\/\/d-\d{10}\.awsapps\.com\/start$/,
    );
  });
});
