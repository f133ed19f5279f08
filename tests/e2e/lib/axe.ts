/**
 * Running axe-core (the dev dependency) in a page. Extension pages forbid inline and eval'd
 * scripts (their CSP), so axe's source is evaluated through CDP, which the page's CSP does not
 * govern, in the page's main world; then `axe.run` is called there.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CDPSession, Frame, Page } from 'playwright-core';
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

const frameSessions = new WeakMap<Frame, Promise<CDPSession>>();

/** A CDP session for a page, or for a frame (an out-of-process frame has its own target). */
function sessionOf(target: Page | Frame): Promise<CDPSession> {
  if (!('parentFrame' in target)) return cdp(target);
  let session = frameSessions.get(target);
  if (!session) {
    session = target.page().context().newCDPSession(target);
    frameSessions.set(target, session);
  }
  return session;
}

/**
 * Injects axe (once per document) and audits `selector` (the whole document when omitted), with
 * the WCAG 2.x A/AA rules and axe's best practices. Resolves to the violations found. `target` is
 * a page or one of its frames (e.g. the hover card's note frame, an extension page).
 */
export async function runAxe(target: Page | Frame, selector?: string): Promise<AxeViolation[]> {
  const session = await sessionOf(target);
  const loaded = await target.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) {
    const r = (await session.send('Runtime.evaluate', { expression: AXE_SOURCE })) as {
      exceptionDetails?: { text: string };
    };
    if (r.exceptionDetails) throw new Error(`axe-core did not load: ${r.exceptionDetails.text}`);
  }
  return target.evaluate(async (sel) => {
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
