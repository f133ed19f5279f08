/**
 * `npm run bench:notes`: fills a database with 10,000 notes, 2,000 cards and 50,000 mentions,
 * then times what the notebook does: the first page of the list, search per keystroke while a
 * few words are typed letter by letter (median and 95th percentile), export and import.
 * Runs twice over: in Node on fake-indexeddb (a pure-JS IndexedDB in memory, which the issue
 * sets the targets on) and in headless Chromium on its real on-disk IndexedDB, the one the
 * extension uses, which pays per record and per index entry written; prints the medians of a few
 * runs side by side, each column with its verdict. Exits 1 when a fake-indexeddb figure misses its
 * target (the Chromium verdict when run with --no-fake).
 *
 *   npm run bench:notes -- [--runs 3] [--fake-runs N] [--no-chromium] [--no-fake]
 */
import 'fake-indexeddb/auto';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runInChromium } from './bench-notes/chromium';
import { CARDS, MENTIONS, NOTES, TARGETS } from './bench-notes/data';
import { type Figures, medianFigures, runOnce } from './bench-notes/measure';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'fake-runs': { type: 'string' },
    'no-chromium': { type: 'boolean', default: false },
    'no-fake': { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(args.runs) || 3);
const fakeRuns = Math.max(1, Number(args['fake-runs'] ?? runs) || runs);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const withChromium = !args['no-chromium'] && existsSync(chromiumPath);

/** CPU time (user + system) in Node: on a busy machine, wall time also counts waiting. */
const nodeCpu = async () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Row {
  label: string;
  pick: (f: Figures) => number;
  /** Meets the target? Absent for figures without one. */
  ok?: (v: number) => boolean;
  goal?: string;
  unit?: string;
}

const ROWS: Row[] = [
  {
    label: 'time to first notebook page',
    pick: (f) => f.firstPage,
    ok: (v) => v < TARGETS.firstPage,
    goal: `< ${TARGETS.firstPage} ms`,
  },
  { label: 'then reading every note (once)', pick: (f) => f.fullLoad },
  { label: 'search index build (once)', pick: (f) => f.indexBuild },
  { label: 'search per keystroke, median', pick: (f) => f.searchP50 },
  {
    label: 'search per keystroke, p95',
    pick: (f) => f.searchP95,
    ok: (v) => v < TARGETS.searchP95,
    goal: `< ${TARGETS.searchP95} ms`,
  },
  { label: 'export JSON', pick: (f) => f.exportMs, ok: (v) => v < TARGETS.exportMs, goal: `< ${TARGETS.exportMs} ms` },
  {
    label: 'import into an empty notebook',
    pick: (f) => f.importMs,
    ok: (v) => v < TARGETS.importMs,
    goal: `< ${TARGETS.importMs} ms`,
  },
  { label: '  of which parse + validate', pick: (f) => f.importParse },
  { label: 'fill: store 50,000 mentions (by page)', pick: (f) => f.fillMentions },
  { label: 'v5 way: bulkAdd 50,000 mention rows', pick: (f) => f.fillRowsV5 },
  { label: 'upgrade v5 to v6 (50,000 rows)', pick: (f) => f.upgradeMs },
  { label: 'CPU time of export (all processes)', pick: (f) => f.exportCpu },
  { label: 'CPU time of import (all processes)', pick: (f) => f.importCpu },
];

const cell = (f: Figures | undefined, row: Row) => {
  if (!f) return '—'.padStart(16);
  const v = row.pick(f);
  if (v < 0) return '—'.padStart(16);
  const mark = row.ok ? (row.ok(v) ? ' ok  ' : ' MISS') : '     ';
  return `${v.toFixed(1)} ms${mark}`.padStart(16);
};

/** Prints the table; returns whether the deciding column (fake-indexeddb when run) meets every target. */
function report(fake: Figures | undefined, real: Figures | undefined): boolean {
  const any = real ?? fake;
  console.log(
    `notebook: ${NOTES.toLocaleString('en')} notes, ${CARDS.toLocaleString('en')} cards, ${MENTIONS.toLocaleString('en')} mentions; export ${any?.exportMB.toFixed(1)} MB; keystrokes with results ${any?.keysWithHits}/59`,
  );
  console.log(
    `machine load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores (wall times include waiting)`,
  );
  console.log(`medians of ${fakeRuns} fake-indexeddb run(s) and ${runs} Chromium run(s)\n`);
  console.log(`  ${''.padEnd(40)}${'fake-indexeddb'.padStart(16)}${'Chromium IDB'.padStart(16)}   target`);
  for (const row of ROWS)
    console.log(`  ${row.label.padEnd(40)}${cell(fake, row)}${cell(real, row)}   ${row.goal ?? ''}`);
  // The issue sets the targets on this benchmark with fake-indexeddb ("fake-indexeddb is fine for
  // the benchmark"): that column decides the exit code. Chromium's real IndexedDB is printed beside
  // it with its own verdict, because that is what a reader waits for.
  const decider = fake ?? real;
  const missedIn = (f: Figures) => ROWS.filter((r) => r.ok && !r.ok(r.pick(f))).map((r) => r.label);
  const missed = decider ? missedIn(decider) : [];
  const verdict = (xs: string[]) => (xs.length ? `MISSES ${xs.join(', ')}` : 'every target met');
  console.log(`
${fake ? 'fake-indexeddb (the benchmark the issue sets)' : 'Chromium'}: ${verdict(missed)}`);
  if (real && fake)
    console.log(`Chromium IndexedDB (what the extension runs on, reported): ${verdict(missedIn(real))}`);
  return missed.length === 0;
}

async function main() {
  let fake: Figures | undefined;
  let real: Figures | undefined;
  if (!args['no-fake']) {
    const all: Figures[] = [];
    for (let i = 0; i < fakeRuns; i++) all.push(await runOnce(`node-${i}`, nodeCpu));
    fake = medianFigures(all);
  }
  if (withChromium) {
    const web = await runInChromium(runs);
    console.log(`Chromium ${web.version} (${chromiumPath}), headless, on-disk profile`);
    real = medianFigures(web.runs);
  } else if (!args['no-chromium']) {
    console.log(`${chromiumPath} not found: fake-indexeddb figures only`);
  }
  if (!report(fake, real)) process.exitCode = 1;
}

await main();
