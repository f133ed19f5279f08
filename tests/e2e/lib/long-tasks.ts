/**
 * Long tasks on the page's main thread (PerformanceObserver 'longtask', installed before any page
 * script), and how a run with the extension compares with a run without it. The browser cannot
 * say which script a long task belonged to (content scripts share the page's thread), so the
 * extension's share is estimated by comparing the two runs, longest with longest.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface LongTask {
  /** performance.now() at the task's start (ms). */
  start: number;
  duration: number;
}

/** Installs the long-task recorder (and a "first marked at" probe) in every page of `context`. */
export async function installLongTaskRecorder(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    const seen = { markedAt: -1 };
    Object.defineProperty(window, '__backstoryLongTasks', { value: tasks });
    Object.defineProperty(window, '__backstoryMarkedAt', { value: seen });
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No longtask support: the test reports zero tasks.
    }
    // When names first show as marked: a cheap poll of the highlight registry (30 s at most).
    const started = performance.now();
    const probe = setInterval(() => {
      const marked = typeof CSS !== 'undefined' && 'highlights' in CSS && CSS.highlights.size > 0;
      if (marked) seen.markedAt = performance.now();
      if (marked || performance.now() - started > 30_000) clearInterval(probe);
    }, 25);
  });
}

/** What the recorder saw on `page`: long tasks, DOMContentLoaded time and first-marked time. */
export async function readLongTasks(
  page: Page,
): Promise<{ tasks: LongTask[]; domContentLoaded: number; markedAt: number | null }> {
  return page.evaluate(() => {
    const w = window as unknown as {
      __backstoryLongTasks?: { start: number; duration: number }[];
      __backstoryMarkedAt?: { markedAt: number };
    };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const at = w.__backstoryMarkedAt?.markedAt ?? -1;
    return {
      tasks: (w.__backstoryLongTasks ?? []).slice(),
      domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
      markedAt: at >= 0 ? at : null,
    };
  });
}

/**
 * How much longer each of the extension run's long tasks is than the baseline's task of the same
 * rank (longest with longest); a task with no counterpart counts in full. Largest first.
 */
export function excessOverBaseline(withExtension: LongTask[], baseline: LongTask[]): number[] {
  const a = withExtension.map((t) => t.duration).sort((x, y) => y - x);
  const b = baseline.map((t) => t.duration).sort((x, y) => y - x);
  return a.map((d, i) => Math.max(0, d - (b[i] ?? 0))).sort((x, y) => y - x);
}

/** "3 tasks, longest 120 ms, 250 ms in all". */
export function describeTasks(tasks: LongTask[]): string {
  if (tasks.length === 0) return 'no long task';
  const longest = Math.max(...tasks.map((t) => t.duration));
  const total = tasks.reduce((s, t) => s + t.duration, 0);
  return `${tasks.length} long task(s), longest ${Math.round(longest)} ms, ${Math.round(total)} ms in all`;
}
