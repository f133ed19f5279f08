/**
 * Running axe-core (the dev dependency) in a page. Extension pages forbid inline and eval'd
 * scripts (their CSP), so axe's source is evaluated through CDP, which the page's CSP does not
 * govern, in the page's main world; then `axe.run` is called there.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { cdp } from './ax';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe violation, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Injects axe (once per document) and audits `selector` (the whole document when omitted), with
 * the WCAG 2.x A/AA rules and axe's best practices. Resolves to the violations found.
 */
export async function runAxe(page: Page, selector?: string): Promise<AxeViolation[]> {
  const session = await cdp(page);
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) {
    const r = (await session.send('Runtime.evaluate', { expression: AXE_SOURCE })) as {
      exceptionDetails?: { text: string };
    };
    if (r.exceptionDetails) throw new Error(`axe-core did not load: ${r.exceptionDetails.text}`);
  }
  return page.evaluate(async (sel) => {
    type Result = {
      violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
    };
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<Result> } }).axe;
    const context = sel ? { include: [[sel]] } : document;
    const res = await axe.run(context, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, selector);
}

/** "id (impact): help — targets" per violation, for assertion messages. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 4).join(', ')}`).join('\n  ');
}
