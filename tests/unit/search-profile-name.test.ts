// The window's copy of the profile-name rule renders what the core's profile sync writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseTemplate,
  renderProfileName,
  slug as coreSlug,
} from '../../electron/core/profiles/profile-template';
import { compileTemplate, defaultProfileTemplate, slug } from '../../renderer/src/search/profile-name';

describe('profile names in the window', () => {
  it('slugs like the core', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^\d{12}$/), (value, accountId) => {
        expect(slug(value, accountId)).toBe(coreSlug(value, accountId));
      }),
    );
    // Names that are slugs already, or nearly (the window's fast path).
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_.+@ ()-]{0,12}$/), (value) => {
        expect(slug(value, '123456789012')).toBe(coreSlug(value, '123456789012'));
      }),
    );
    expect(slug('payments-prod-12', 'x')).toBe('payments-prod-12');
    expect(slug('-edge--case-', 'x')).toBe('edge-case');
    expect(slug('  Payments Prod (EU) ', 'x')).toBe('Payments-Prod-EU');
    expect(slug('()', '123456789012')).toBe('123456789012');
  });

  it('renders templates like the core', () => {
    const values = {
      accountName: 'Payments Prod (EU)',
      accountId: '123456789012',
      roleName: 'Power User',
      session: 'corp',
    };
    for (const template of [
      defaultProfileTemplate,
      '{session}.{account_id}.{role_name}',
      'aws:{account_name}-{role_name}',
    ]) {
      const compiled = compileTemplate(template);
      expect(compiled.ok).toBe(true);
      if (compiled.ok)
        expect(compiled.render(values)).toBe(renderProfileName(parseTemplate(template), values));
    }
  });

  it('says what is wrong with a template, as the core refuses it', () => {
    for (const template of [
      '{account_name}',
      '{role_name}',
      '{account_name}/{role}',
      '{account_name} {role_name}',
      '{role_name',
    ]) {
      const compiled = compileTemplate(template);
      expect(compiled.ok, template).toBe(false);
      expect(() => parseTemplate(template)).toThrow();
    }
    const problem = compileTemplate('{account_name}');
    expect(problem.ok ? '' : problem.problem).toMatch(/role_name/);
  });
});
