import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  contentSecurityPolicyDirectives,
} from '../../electron/main/security/content-security-policy';

const sourceHtml = fileURLToPath(new URL('../../renderer/index.html', import.meta.url));
const builtHtml = fileURLToPath(new URL('../../dist/renderer/index.html', import.meta.url));

/** The content of every CSP <meta> tag of a page. */
function metaPolicies(html: string): string[] {
  return [...html.matchAll(/<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi)].map(
    (tag) => /content="([^"]*)"/.exec(tag[0])?.[1] ?? '',
  );
}

describe('the Content-Security-Policy', () => {
  it('is strict: nothing by default, no inline or eval script, no network, no base or form targets', () => {
    const directives = new Map(
      contentSecurityPolicyDirectives.map((directive) => {
        const [name = '', ...values] = directive.split(' ');
        return [name, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-|\*|https?:|blob:/);
  });

  it('is the one renderer/index.html carries, once', () => {
    expect(metaPolicies(readFileSync(sourceHtml, 'utf8'))).toEqual([contentSecurityPolicy]);
  });

  it.runIf(existsSync(builtHtml))('survives the Vite build into dist/renderer/index.html', () => {
    const html = readFileSync(builtHtml, 'utf8');
    expect(metaPolicies(html)).toEqual([contentSecurityPolicy]);
    // Vite must not have inlined a script or style the policy would block.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style[\s>]/i);
  });
});
