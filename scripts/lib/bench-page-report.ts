/**
 * The page-speed benchmark's report (scripts/bench-page.ts): what each figure means, the per-page
 * table of medians, and the targets, each printed as MET or MISSED.
 */
import type { RunFigures } from '../../tests/fixtures/bench/measure';

/** Largest content script bundle allowed (bytes), each of the scripts put in pages. */
export const BUNDLE_LIMIT = 100 * 1024;
/** Name of the generated 200,000-word page. */
export const BIG = 'generated-200k';

/** What each figure means (printed above the table). */
export const TIMING_NOTE = `Timing (medians over runs, each side's after BENCH_WARM_UP untimed loads of the page):
  Backstory ms: DOMContentLoaded -> every name marked: the later of the content script's last marks (its
    own clock, read through the extension as the popup does) and the last change of its CSS highlights
    (first: -> the first painted range). Negative: every name was marked that long BEFORE DOMContentLoaded
    (an article the parser is done with is marked while the page still parses); ratio then "before DCL". Above 400 marks only those near the viewport are painted (see
    lib/dom/mark-window.ts); the rest are marked and paint as the reader scrolls to them. Includes finding
    the article, reading its text, the messages to the background, name detection there (mark.js is
    handed the names instead) and registering highlights. mark.js gets every name and form Backstory found.
  woken ms: Backstory ms of one more run after the extension's worker was stopped, as Chromium stops it after
    30 s without events: the worker wakes, loads its detector and warms up while the page parses (not a median;
    the timed runs meet a worker that is awake with its detector loaded).
  mark.js ms: DOMContentLoaded -> names marked, mark.js run (separateWordSearch off) on the same article root
    from a DOMContentLoaded listener installed before the page's scripts: it starts at once, in the same task.
    Like Backstory's, the time is when the first animation frame after the marks ran (the first that can show
    them; Backstory's highlights are seen by a requestAnimationFrame poll, though its own clock decides when
    that is later, as when marks land outside the viewport above 400 marks); in brackets, when its call
    returned (marks in the DOM, not yet shown).
  DCL at B/M/page: navigation start -> DOMContentLoaded with Backstory, with mark.js, and the page alone
    (work done while the page parses delays it). marked at B/M: navigation start -> every name marked, the
    time the reader sees, whatever DOMContentLoaded did.
  longest task B/M/page: longest 'longtask' entry from navigation start to names marked (or DOMContentLoaded,
    if later; page tasks included) with Backstory (B) and with mark.js (M); page = a load of the page alone,
    until DCL + Backstory's median. B includes the browser's rendering work the
    extension causes (Chromium rebuilds every highlight marker in the frame after any highlight/DOM change).
  ext tasks >50 ms: every 'longtask' entry, from navigation start on, of separate traced loads (BENCH_TRACE_RUNS
    per page) whose trace task runs the extension's script and is not the page's parsing or frame rendering;
    wall ms, and in brackets the CPU ms the main thread spent in it (the trace's thread time): the rest of the
    wall time the thread waited for a core (other processes and threads, on a machine with few cores).
  mutations: MutationObserver records after DOMContentLoaded beyond what the page makes alone at any time in
    its loads without Backstory (+host node).`;

/** A long task as "wall (cpu CPU)" ms, e.g. "58 (cpu 20)". */
const wallAndCpu = ({ ms, cpuMs }: Row['ours'][number]): string =>
  cpuMs === null ? ms.toFixed(0) : `${ms.toFixed(0)} (cpu ${cpuMs.toFixed(0)})`;

/** Median of `xs`. */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** One page's runs. */
export interface Row {
  page: string;
  words: number;
  names: number;
  backstory: RunFigures[];
  markjs: RunFigures[];
  /** Per mark.js run (no extension): the page's own longest task until DCL + Backstory's median ms. */
  pageAlone: number[];
  /** Per mark.js run: navigation start to DOMContentLoaded of a load of the page alone (ms). */
  pageAloneDcl: number[];
  /** The long tasks the traced loads attributed to the extension: wall and CPU ms (task-trace.ts). */
  ours: { ms: number; cpuMs: number | null }[];
  /** Backstory ms of one more run with the worker stopped just before (null: nothing marked). */
  woken: number | null;
}

/** Median of one figure over runs (null when any Backstory run marked nothing). */
export function med(runs: RunFigures[], key: keyof RunFigures): number | null {
  const values = runs.map((r) => r[key]);
  return values.some((v) => v === null) || values.length === 0 ? null : median(values as number[]);
}

/** Median of navigation start -> names marked (null when a run marked nothing). */
function markedAt(runs: RunFigures[]): number | null {
  if (runs.length === 0 || runs.some((r) => r.ms === null)) return null;
  return median(runs.map((r) => r.dclAt + (r.ms as number)));
}

/** Prints the per-page table. */
export function printTable(rows: Row[]): void {
  const head = ['page', 'words', 'names', 'Backstory ms (first)', 'woken ms', 'mark.js ms (in DOM)', 'ratio'];
  head.push('DCL at B/M/page ms');
  head.push('marked at B/M ms', 'longest task B/M/page ms');
  head.push('ext tasks >50 ms');
  head.push('mutations B/M', 'heap B/M MB', 'marks B/M');
  const fmt = (v: number | null, digits = 0) => (v === null ? 'n/a' : v.toFixed(digits));
  const lines = rows.map((r) => {
    const b = (k: keyof RunFigures, d = 0) => fmt(med(r.backstory, k), d);
    const m = (k: keyof RunFigures, d = 0) => fmt(med(r.markjs, k), d);
    const bm = med(r.backstory, 'ms');
    const mm = med(r.markjs, 'ms');
    const ratio = bm !== null && bm <= 0 ? 'before DCL' : bm && mm !== null ? `${(mm / bm).toFixed(2)}x` : 'n/a';
    const host = med(r.backstory, 'hostMutations');
    const alone = r.pageAloneDcl.length ? median(r.pageAloneDcl).toFixed(0) : 'n/a';
    return [
      r.page,
      String(r.words),
      String(r.names),
      `${b('ms')} (${b('firstMs')})`,
      fmt(r.woken),
      `${m('ms')} (${m('firstMs')})`,
      ratio,
    ]
      .concat(`${b('dclAt')} / ${m('dclAt')} / ${alone}`)
      .concat(`${fmt(markedAt(r.backstory))} / ${fmt(markedAt(r.markjs))}`)
      .concat(
        `${b('longestTask')} / ${m('longestTask')} / ${r.pageAlone.length ? median(r.pageAlone).toFixed(0) : 'n/a'}`,
      )
      .concat(r.ours.length ? r.ours.map(wallAndCpu).join(',') : 'none')
      .concat(`${b('mutations')}+${fmt(host)}host / ${m('mutations')}`)
      .concat(`${b('heapMB', 1)} / ${m('heapMB', 1)}`, `${b('marks')} / ${m('marks')}`);
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(row(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const l of lines) console.log(row(l));
}

/** Prints each target and whether it holds; returns true when all do. */
export function reportTargets(rows: Row[], bundles: Record<string, number>): boolean {
  const results: [string, boolean][] = [];
  // The long tasks the traces attribute to the extension (its script runs in them): none may exist.
  const ours = rows.filter((r) => r.ours.length > 0).map((r) => r.page);
  results.push([
    `no long task (>50 ms) of the extension's, traced (pages with one: ${ours.join(', ') || 'none'})`,
    !ours.length,
  ]);
  // Rendering the extension causes runs in the page's frames, where no trace names its cause: the
  // longest task with the extension must not exceed the page's own longest without it (or 50 ms).
  const taskBound = (r: Row) => Math.max(50, r.pageAlone.length ? median(r.pageAlone) : 0);
  const longTasks = rows.filter((r) => (med(r.backstory, 'longestTask') ?? 0) > taskBound(r)).map((r) => r.page);
  results.push([
    `no longest task over 50 ms beyond the page's own (pages with one: ${longTasks.join(', ') || 'none'})`,
    !longTasks.length,
  ]);
  const big = rows.find((r) => r.page === BIG);
  // Marked before DOMContentLoaded (a median of 0 ms or less) is faster than any start at it.
  const ratio = (r: Row) => {
    const b = med(r.backstory, 'ms');
    const m = med(r.markjs, 'ms');
    if (b === null || m === null) return 0;
    return b <= 0 ? Number.POSITIVE_INFINITY : m / b;
  };
  if (big)
    results.push([`Backstory >= 20x faster than mark.js on ${BIG} (${ratio(big).toFixed(2)}x)`, ratio(big) >= 20]);
  const slower = rows.filter((r) => ratio(r) < 1).map((r) => r.page);
  results.push([`Backstory never slower than mark.js (slower on: ${slower.join(', ') || 'none'})`, !slower.length]);
  const mutating = rows.filter((r) => (med(r.backstory, 'mutations') ?? 1) > 0).map((r) => r.page);
  results.push([
    `zero DOM mutations besides the host (pages with some: ${mutating.join(', ') || 'none'})`,
    !mutating.length,
  ]);
  for (const [file, bytes] of Object.entries(bundles))
    results.push([`content script ${file} ${bytes} bytes < ${BUNDLE_LIMIT} bytes (100 KB)`, bytes < BUNDLE_LIMIT]);
  for (const [text, ok] of results) console.log(`${ok ? 'MET    ' : 'MISSED '} ${text}`);
  // Printed after the targets, not a target of its own: how much of those tasks was the extension's work.
  const tasks = rows.flatMap((r) => r.ours);
  const cpu = tasks.flatMap((t) => (t.cpuMs === null ? [] : [t.cpuMs]));
  // Only when the trace gave every one of them a thread time: a wall time is not a CPU time.
  if (cpu.length > 0 && cpu.length === tasks.length)
    console.log(
      `(the extension's long tasks used at most ${Math.max(...cpu).toFixed(0)} ms of CPU; the rest of their wall time the main thread was not running)`,
    );
  return results.every(([, ok]) => ok);
}
