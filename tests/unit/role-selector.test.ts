// What `sso-tray use` and the tray understand a user to mean: ACCOUNT/ROLE by id or by name in any
// case, or a generated profile name; and, when that is not one role, the candidates to pick from.
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../shared/inventory';
import { AppError } from '../../electron/core/app/app-error';
import type { ManagedProfile } from '../../electron/core/profiles/managed-block';
import { resolveSelector, type SelectorSources } from '../../electron/core/switching/role-selector';

const corp: Inventory = {
  session: 'corp',
  fetchedAt: '2026-11-30T09:00:00.000Z',
  complete: true,
  accounts: [
    {
      accountId: '111111111111',
      accountName: 'Payments Prod',
      emailAddress: 'p@x',
      roles: ['AdministratorAccess', 'ReadOnly'],
    },
    {
      accountId: '222222222222',
      accountName: 'sandbox',
      emailAddress: 's@x',
      roles: ['AdministratorAccess'],
    },
    { accountId: '333333333333', accountName: 'sandbox', emailAddress: 't@x', roles: ['Developer'] },
  ],
};
const lab: Inventory = {
  session: 'lab',
  fetchedAt: '2026-11-30T09:00:00.000Z',
  complete: true,
  accounts: [
    { accountId: '444444444444', accountName: 'Payments Prod', emailAddress: 'l@x', roles: ['ReadOnly'] },
  ],
};

function sources(managed: [string, ManagedProfile][] = [], inventories = [corp, lab]): SelectorSources {
  return { inventories, managed: new Map(managed), template: '{account_name}/{role_name}' };
}

function failure(selector: string, from = sources()): AppError {
  try {
    resolveSelector(selector, from);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`"${selector}" resolved`);
}

describe('resolveSelector', () => {
  it('takes an account id or an account name in any case, and the role in any case', () => {
    const expected = {
      session: 'corp',
      accountId: '111111111111',
      accountName: 'Payments Prod',
      roleName: 'AdministratorAccess',
    };
    expect(resolveSelector('111111111111/AdministratorAccess', sources())).toEqual(expected);
    expect(resolveSelector('payments prod/administratoraccess', sources())).toEqual(expected);
  });

  it('prefers an account id over a name that happens to look like one', () => {
    const odd: Inventory = {
      ...corp,
      accounts: [
        {
          accountId: '555555555555',
          accountName: '111111111111',
          emailAddress: '',
          roles: ['AdministratorAccess'],
        },
        ...corp.accounts,
      ],
    };
    expect(resolveSelector('111111111111/AdministratorAccess', sources([], [odd])).accountId).toBe(
      '111111111111',
    );
  });

  it('resolves a generated profile name, from the template or from the managed block', () => {
    expect(resolveSelector('Payments-Prod/ReadOnly', sources([], [corp]))).toMatchObject({
      accountId: '111111111111',
      roleName: 'ReadOnly',
    });
    expect(
      resolveSelector(
        'ops-admin',
        sources([
          ['ops-admin', { session: 'corp', accountId: '222222222222', roleName: 'AdministratorAccess' }],
        ]),
      ),
    ).toEqual({
      session: 'corp',
      accountId: '222222222222',
      accountName: 'sandbox',
      roleName: 'AdministratorAccess',
    });
  });

  it('lists the candidates when a name fits several roles, across accounts and sessions', () => {
    expect(failure('Payments Prod/ReadOnly').message).toBe(
      '"Payments Prod/ReadOnly" matches 2 roles: Payments Prod/ReadOnly (111111111111, session corp); Payments Prod/ReadOnly (444444444444, session lab). Add --session, or use the account id.',
    );
    expect(resolveSelector('Payments Prod/ReadOnly', sources([], [lab])).session).toBe('lab');
  });

  it('suggests the roles of the account named when the role is wrong', () => {
    expect(failure('sandbox/Admin').message).toBe(
      'No role matches "sandbox/Admin". Did you mean: sandbox/AdministratorAccess (222222222222, session corp); sandbox/Developer (333333333333, session corp)?',
    );
  });

  it('suggests the accounts with the role named when the account is wrong', () => {
    expect(failure('prod/Developer').message).toBe(
      'No role matches "prod/Developer". Did you mean: sandbox/Developer (333333333333, session corp)?',
    );
  });

  it('says how to list roles when nothing is close', () => {
    const error = failure('zzz/qqq');
    expect(error.code).toBe('InvalidInput');
    expect(error.message).toBe(
      'No role matches "zzz/qqq". Use ACCOUNT/ROLE (account id or name); list them with: sso-tray accounts',
    );
  });
});
