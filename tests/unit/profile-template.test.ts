// Generated profile names: a template with tokens, slugged values, and collisions settled the same
// way whatever order the inventory lists accounts and roles in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../electron/core/app/app-error';
import { profileNameProblem } from '../../electron/core/profiles/profile-name';
import {
  defaultProfileTemplate,
  parseTemplate,
  profileNamesFor,
  renderProfileName,
  slug,
  type ProfileNameAssignment,
} from '../../electron/core/profiles/profile-template';
import type { Inventory, InventoryAccount } from '../../shared/inventory';
import { inventoryArb, templateArb } from '../support/profile-test-configs';

const account = (accountId: string, accountName: string, roles: string[]): InventoryAccount => ({
  accountId,
  accountName,
  emailAddress: `${accountId}@example.com`,
  roles,
});
const inventory = (...accounts: InventoryAccount[]): Inventory => ({
  session: 'corp',
  fetchedAt: '2030-01-01T00:00:00.000Z',
  accounts,
  complete: true,
});
const names = (assignments: ProfileNameAssignment[]): [string, string, string][] =>
  assignments.map((a) => [a.name, a.accountId, a.roleName]);

function templateError(template: string): string {
  try {
    parseTemplate(template);
  } catch (error) {
    if (isAppError(error) && error.code === 'InvalidInput') return error.message;
    throw error;
  }
  throw new Error(`${template} was accepted`);
}

describe('parseTemplate', () => {
  it('splits a template into literals and tokens', () => {
    expect(parseTemplate(defaultProfileTemplate).parts).toEqual([
      { kind: 'token', token: 'account_name' },
      { kind: 'literal', text: '/' },
      { kind: 'token', token: 'role_name' },
    ]);
    expect(parseTemplate('sso:{session}.{account_id}-{role_name}@x').parts).toEqual([
      { kind: 'literal', text: 'sso:' },
      { kind: 'token', token: 'session' },
      { kind: 'literal', text: '.' },
      { kind: 'token', token: 'account_id' },
      { kind: 'literal', text: '-' },
      { kind: 'token', token: 'role_name' },
      { kind: 'literal', text: '@x' },
    ]);
  });

  it.each([
    ['{account_name}/{role}', /unknown token \{role\}/],
    ['{account_name}/{Role_Name}', /unknown token/],
    ['{account_name}/{role_name', /without a closing/],
    ['{account_name} {role_name}', /" "/],
    ['{account_name}#{role_name}', /"#"/],
    ['{account_name}/{role_name}}', /"}"/],
    ['{account_name}', /no \{role_name\}/],
    ['{session}/{role_name}', /neither \{account_name\} nor \{account_id\}/],
    ['', /no \{role_name\}/],
  ])('refuses %j with InvalidInput saying why', (template, message) => {
    const problem = templateError(template);
    expect(problem).toMatch(message);
    expect(problem).not.toMatch(/\n/);
  });
});

describe('slug', () => {
  it.each([
    ['Prod', 'Prod'],
    ['Dev Team', 'Dev-Team'],
    ['  Dev   Team  ', 'Dev-Team'],
    ['a/b:c%d', 'a-b-c-d'],
    ['a--b', 'a-b'],
    ['-x-', 'x'],
    ['MiXeD.case_1+2@3', 'MiXeD.case_1+2@3'],
    ['Café Ünïcödé', 'Caf-n-c-d'],
    ['😀 smile', 'smile'],
    ['日本', 'FALLBACK'],
    ['', 'FALLBACK'],
    ['---', 'FALLBACK'],
  ])('%j becomes %j', (value, expected) => {
    expect(slug(value, 'FALLBACK')).toBe(expected);
  });

  it('always gives a non-empty run of safe characters without leading, trailing or doubled -', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        const result = slug(value, '111111111111');
        expect(result).toMatch(/^[A-Za-z0-9_.+@]+(-[A-Za-z0-9_.+@]+)*$/);
      }),
    );
  });
});

describe('renderProfileName', () => {
  it('fills every token with its slug, falling back to the account id', () => {
    const template = parseTemplate('{session}:{account_name}/{role_name}.{account_id}');
    expect(
      renderProfileName(template, {
        session: 'my sso',
        accountName: '日本',
        accountId: '111111111111',
        roleName: 'Power User',
      }),
    ).toBe('my-sso:111111111111/Power-User.111111111111');
  });
});

describe('profileNamesFor', () => {
  it('names each role by the default template, sorted by name', () => {
    const result = profileNamesFor(
      inventory(
        account('222222222222', 'Sandbox', ['ReadOnly']),
        account('111111111111', 'Prod', ['Admin', 'ReadOnly']),
      ),
      defaultProfileTemplate,
      new Set(),
    );
    expect(result).toEqual([
      { name: 'Prod/Admin', accountId: '111111111111', accountName: 'Prod', roleName: 'Admin', taken: false },
      {
        name: 'Prod/ReadOnly',
        accountId: '111111111111',
        accountName: 'Prod',
        roleName: 'ReadOnly',
        taken: false,
      },
      {
        name: 'Sandbox/ReadOnly',
        accountId: '222222222222',
        accountName: 'Sandbox',
        roleName: 'ReadOnly',
        taken: false,
      },
    ]);
  });

  it('appends -<accountId> to every member of a group that renders the same name', () => {
    const result = profileNamesFor(
      inventory(
        account('333333333333', 'Dev-Team', ['Admin']),
        account('111111111111', 'Dev Team', ['Admin', 'ReadOnly']),
        account('222222222222', 'Other', ['Admin']),
      ),
      defaultProfileTemplate,
      new Set(),
    );
    expect(names(result)).toEqual([
      ['Dev-Team/Admin-111111111111', '111111111111', 'Admin'],
      ['Dev-Team/Admin-333333333333', '333333333333', 'Admin'],
      ['Dev-Team/ReadOnly', '111111111111', 'ReadOnly'],
      ['Other/Admin', '222222222222', 'Admin'],
    ]);
  });

  it('numbers names that still collide, in account id then role order, skipping used and taken names', () => {
    // Both roles of 111 slug to `Power-User`; `Power-User-111…-2` is taken by the user.
    const result = profileNamesFor(
      inventory(
        account('111111111111', 'Prod', ['Power User', 'Power-User', 'Power/User']),
        account('222222222222', 'Prod', ['Power-User']),
      ),
      defaultProfileTemplate,
      new Set(['Prod/Power-User-111111111111-2']),
    );
    expect(names(result)).toEqual([
      ['Prod/Power-User-111111111111', '111111111111', 'Power User'],
      ['Prod/Power-User-111111111111-3', '111111111111', 'Power-User'],
      ['Prod/Power-User-111111111111-4', '111111111111', 'Power/User'],
      ['Prod/Power-User-222222222222', '222222222222', 'Power-User'],
    ]);
    expect(result.every((a) => !a.taken)).toBe(true);
  });

  it('marks a name someone else has as taken instead of renaming it', () => {
    const result = profileNamesFor(
      inventory(account('111111111111', 'Prod', ['Admin', 'ReadOnly'])),
      defaultProfileTemplate,
      new Set(['Prod/Admin', 'unrelated']),
    );
    expect(result.map((a) => [a.name, a.taken])).toEqual([
      ['Prod/Admin', true],
      ['Prod/ReadOnly', false],
    ]);
  });

  it('uses the account id for a name that slugs to nothing, and each pair once', () => {
    const result = profileNamesFor(
      inventory(
        account('111111111111', '日本', ['Admin', 'Admin']),
        account('111111111111', '日本', ['Admin']),
      ),
      defaultProfileTemplate,
      new Set(),
    );
    expect(names(result)).toEqual([['111111111111/Admin', '111111111111', 'Admin']]);
  });

  /** An inventory, and the same one with its accounts and each account's roles in another order. */
  const shuffledArb = inventoryArb('corp').chain((inv) =>
    fc.tuple(
      fc.constant(inv),
      fc
        .shuffledSubarray(inv.accounts, { minLength: inv.accounts.length, maxLength: inv.accounts.length })
        .chain((accounts) =>
          fc.tuple(
            ...accounts.map((a) =>
              fc
                .shuffledSubarray(a.roles, { minLength: a.roles.length, maxLength: a.roles.length })
                .map((roles) => ({ ...a, roles })),
            ),
          ),
        )
        .map((accounts): Inventory => ({ ...inv, accounts })),
    ),
  );

  it('gives unique safe names, one per pair, the same whatever the input order', () => {
    fc.assert(
      fc.property(
        shuffledArb,
        templateArb,
        fc.uniqueArray(fc.constantFrom('Prod/Admin', 'Prod/Admin-111111111111', '111111111111/Admin', 'x'), {
          maxLength: 3,
        }),
        ([inv, shuffled], template, takenList) => {
          const taken = new Set<string>(takenList);
          const result = profileNamesFor(inv, template, taken);
          const pairs = new Set(inv.accounts.flatMap((a) => a.roles.map((r) => `${a.accountId} ${r}`)));
          expect(result).toHaveLength(pairs.size);
          expect(new Set(result.map((a) => `${a.accountId} ${a.roleName}`))).toEqual(pairs);
          expect(new Set(result.map((a) => a.name)).size).toBe(result.length);
          for (const a of result) {
            expect(profileNameProblem(a.name)).toBeUndefined();
            expect(a.taken).toBe(taken.has(a.name));
          }
          expect(profileNamesFor(shuffled, template, taken)).toEqual(result);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the rendered name of a pair that shares it with nobody, and suffixes shared ones', () => {
    fc.assert(
      fc.property(inventoryArb('corp'), templateArb, (inv, template) => {
        const parsed = parseTemplate(template);
        const rendered = inv.accounts.flatMap((a) =>
          a.roles.map((roleName) => ({
            accountId: a.accountId,
            roleName,
            name: renderProfileName(parsed, { ...a, roleName, session: inv.session }),
          })),
        );
        const shared = (name: string): boolean => rendered.filter((x) => x.name === name).length > 1;
        const result = profileNamesFor(inv, template, new Set());
        for (const r of rendered) {
          const got = result.find((x) => x.accountId === r.accountId && x.roleName === r.roleName)?.name;
          if (shared(r.name)) expect(got?.startsWith(`${r.name}-${r.accountId}`)).toBe(true);
          // Unless rule 2 made the very same name for another pair, rule 1's name stands.
          else if (!rendered.some((x) => shared(x.name) && `${x.name}-${x.accountId}` === r.name))
            expect(got).toBe(r.name);
        }
      }),
      { numRuns: 300 },
    );
  });
});
