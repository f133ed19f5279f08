/**
 * Speed benchmark: Backstory's detector against compromise on the same corpus.
 * Both read the same texts, in one process (as the issue asks), alternating in
 * rounds so on a shared machine both see the same load. `--isolated` runs each
 * tool in its own child process instead (same Node flags), so neither pays for
 * the other's heap and garbage: compromise's garbage slows Backstory by ~18% in
 * one process, so both figures are worth knowing.
 * Models are loaded, then each tool is warmed up for the same minimum time (so
 * the JIT has optimised both, however long one pass takes), then timed; medians
 * of several passes; wall-clock and CPU-time rates are both printed, with the
 * detector's peak V8 heap (sampled after every document).
 *
 *   npm run bench:detect [-- --corpus /work/shared/corpora/conll2003-dev.jsonl --runs 30 --peer-runs 6 --rounds 3 --isolated]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDetectorFromDisk } from '../lib/nlp/load-node';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : def;
};
const CORPUS = opt('corpus', path.resolve(import.meta.dirname, '../../shared/corpora/conll2003-dev.jsonl'));
const RUNS = Number(opt('runs', '30'));
const PEER_RUNS = Number(opt('peer-runs', '6'));
const ROUNDS = Number(opt('rounds', '3'));
const CHILD = opt('child', '');
/** Minimum warm-up per child, in seconds of CPU time, and in passes. */
const WARM_SECONDS = Number(opt('warm', '3'));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const texts = fs
  .readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (b: number) => (b / 1048576).toFixed(1);

/** Seconds of one pass over every text: wall clock, and CPU time of this process (robust on a busy machine). */
interface Timing {
  wall: number;
  cpu: number;
}

function pass(fn: (t: string) => void, onDoc?: () => void): Timing {
  const t0 = process.hrtime.bigint(),
    c0 = process.cpuUsage();
  for (const t of texts) {
    fn(t);
    onDoc?.();
  }
  const c = process.cpuUsage(c0);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 };
}

/** Runs passes until at least `minPasses` and WARM_SECONDS of CPU time are spent: the same warm-up for both tools. */
function warmUp(fn: (t: string) => void, minPasses: number): void {
  let spent = 0;
  for (let r = 0; r < minPasses || spent < WARM_SECONDS; r++) spent += pass(fn).cpu;
}

type Tool = { fn: (t: string) => void; out: Record<string, unknown> };

/** Loads one tool and warms it up; for ours, also counts spans and samples the peak heap. */
async function prepare(which: string): Promise<Tool> {
  const out: Record<string, unknown> = {};
  let fn: (t: string) => void;
  if (which === 'ours') {
    gc();
    const before = process.memoryUsage();
    const detector = await loadDetectorFromDisk(path.resolve(import.meta.dirname, '../public/model'));
    gc();
    const loaded = process.memoryUsage();
    out.load = `heap +${mb(loaded.heapUsed - before.heapUsed)} MB, typed arrays +${mb(loaded.arrayBuffers - before.arrayBuffers)} MB`;
    let spans = 0;
    pass((t) => {
      spans += detector.spot([t]).spans.length;
    });
    out.spans = spans;
    fn = (t) => detector.spot([t]);
    let peakHeap = 0,
      peakTotal = 0;
    pass(fn, () => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakTotal = Math.max(peakTotal, m.heapUsed + m.arrayBuffers);
    });
    out.peakHeap = peakHeap;
    out.peakTotal = peakTotal;
    warmUp(fn, 3); // let the JIT optimise the hot paths
  } else {
    const { default: nlp } = await import('compromise');
    fn = (t) => {
      const doc = nlp(t);
      doc.people().out('offset');
      doc.places().out('offset');
      doc.organizations().out('offset');
    };
    warmUp(fn, 2); // the same warm-up as ours (at least WARM_SECONDS)
  }
  return { fn, out };
}

/** Child: loads one tool, warms it up, times `runs` passes and prints them as one JSON line. */
async function child(which: string, runs: number): Promise<void> {
  const { fn, out } = await prepare(which);
  // No forced GC between the warm-up and the timed passes: a full GC shrinks V8's young generation,
  // which would make the next passes pay for re-growing it (measured: the first passes after one ran 1.5-2x slower).
  out.timings = Array.from({ length: runs }, () => pass(fn));
  console.log(JSON.stringify(out));
}

/** Both tools in this process: rounds alternate between them. Returns [ours, peer, ours' report]. */
async function inProcess(): Promise<[Timing[], Timing[], Record<string, unknown>]> {
  // Ours first: its peak heap is sampled before compromise's lexicon is in the same heap.
  const ourTool = await prepare('ours');
  const peerTool = await prepare('peer');
  const ours: Timing[] = [],
    peer: Timing[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = Math.ceil((PEER_RUNS - peer.length) / (ROUNDS - r)); i > 0; i--) peer.push(pass(peerTool.fn));
    for (let i = Math.ceil((RUNS - ours.length) / (ROUNDS - r)); i > 0; i--) ours.push(pass(ourTool.fn));
  }
  return [ours, peer, ourTool.out];
}

/** Runs one child and returns its JSON report. */
function runChild(which: string, runs: number): Record<string, unknown> & { timings: Timing[] } {
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--child', which, '--runs', String(runs), '--corpus', CORPUS],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`bench child ${which} failed: ${r.stderr}`);
  return JSON.parse(line) as Record<string, unknown> & { timings: Timing[] };
}

async function main(): Promise<void> {
  if (CHILD) return child(CHILD, RUNS);
  const isolated = args.includes('--isolated');
  console.log(
    `corpus ${path.basename(CORPUS)}: ${texts.length} docs, ${words} words; ${isolated ? 'each tool in its own process' : 'both tools in one process'}`,
  );
  let ours: Timing[] = [],
    peer: Timing[] = [];
  let info: Record<string, unknown> = {};
  if (isolated) {
    // Alternating rounds: each round one compromise child and one Backstory child, each timing its share of passes.
    for (let r = 0; r < ROUNDS; r++) {
      peer.push(...runChild('peer', Math.ceil((PEER_RUNS - peer.length) / (ROUNDS - r))).timings);
      info = runChild('ours', Math.ceil((RUNS - ours.length) / (ROUNDS - r)));
      ours.push(...(info.timings as Timing[]));
    }
  } else [ours, peer, info] = await inProcess();
  const med = (ts: Timing[]) => ({ wall: median(ts.map((t) => t.wall)), cpu: median(ts.map((t) => t.cpu)) });
  const o = med(ours),
    p = med(peer);
  const rate = (s: number) => Math.round(words / s).toLocaleString('en');
  console.log(`model loaded: ${String(info.load)}`);
  console.log(
    `backstory  ${rate(o.wall)} words/s wall, ${rate(o.cpu)} words/s CPU (median of ${ours.length} passes, ${String(info.spans)} spans)`,
  );
  console.log(`compromise ${rate(p.wall)} words/s wall, ${rate(p.cpu)} words/s CPU (median of ${peer.length} passes)`);
  console.log(
    `ratio      ${(p.wall / o.wall).toFixed(1)}x faster by wall clock, ${(p.cpu / o.cpu).toFixed(1)}x by CPU time (target >= 50x)`,
  );
  console.log(
    `load avg   ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${os.cpus().length} CPUs (a busy machine slows both, and wall time most)`,
  );
  console.log(
    `peak heap  ${mb(Number(info.peakHeap))} MB V8 heap used while detecting (target < 60 MB); with typed arrays ${mb(Number(info.peakTotal))} MB`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
