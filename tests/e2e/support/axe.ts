import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What to check: CSS selectors to include and exclude (default: the whole page). */
export interface AxeContext {
  include?: string | string[];
  exclude?: string | string[];
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const failingImpacts = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the page for WCAG 2.0 A and AA and WCAG 2.1 AA, and fails listing every
 * serious or critical violation (rule, impact, help link, and the offending elements).
 */
export async function expectNoSeriousViolations(page: Page, context: AxeContext = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']);
  for (const selector of [context.include ?? []].flat()) builder = builder.include(selector);
  for (const selector of [context.exclude ?? []].flat()) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations.filter((violation) => failingImpacts.has(violation.impact ?? ''));
  expect(serious.length, `axe found serious accessibility violations:\n${describeViolations(serious)}`).toBe(
    0,
  );
}

/** One readable block per violation. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => {
          const target = node.target
            .map((part) => (Array.isArray(part) ? part.join(' >>> ') : part))
            .join(' ');
          const summary = (node.failureSummary ?? '')
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean)
            .map((line) => `\n      ${line}`)
            .join('');
          return `    - ${target}\n      ${node.html}${summary}`;
        })
        .join('\n');
      return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n');
}
