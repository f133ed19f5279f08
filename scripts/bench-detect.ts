/**
 * Speed benchmark: Backstory's detector against compromise on the same corpus,
 * in one process, models preloaded and warmed up, medians of several runs. The
 * timed passes of the two are interleaved, so on a shared machine both see the
 * same load; wall-clock and CPU-time rates are both printed. Also prints the
 * detector's peak V8 heap use (measured before compromise is even loaded).
 *
 *   npm run bench:detect [-- --corpus /work/shared/corpora/conll2003-dev.jsonl --runs 7]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDetectorFromDisk } from '../lib/nlp/load-node';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : def;
};
const CORPUS = opt('corpus', path.resolve(import.meta.dirname, '../../shared/corpora/conll2003-dev.jsonl'));
const RUNS = Number(opt('runs', '9'));
const PEER_RUNS = Number(opt('peer-runs', '3'));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

const texts = fs.readFileSync(CORPUS, 'utf8').split('\n').filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (b: number) => (b / 1048576).toFixed(1);

/** Median seconds per pass: wall clock, and CPU time of this process (robust on a busy shared machine). */
interface Timing {
  wall: number;
  cpu: number;
}

/** Seconds of one pass of `fn` over every text, wall clock and CPU time. */
function pass(fn: (t: string) => void, onDoc?: () => void): Timing {
  const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
  for (const t of texts) {
    fn(t);
    onDoc?.();
  }
  const c = process.cpuUsage(c0);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 };
}

/** Times `runs` passes of `fn` over every text; medians. */
function time(runs: number, fn: (t: string) => void, onDoc?: () => void): Timing {
  gc();
  return medians(Array.from({ length: runs }, () => pass(fn, onDoc)));
}

function medians(ts: Timing[]): Timing {
  return { wall: median(ts.map((t) => t.wall)), cpu: median(ts.map((t) => t.cpu)) };
}

async function main(): Promise<void> {
  console.log(`corpus ${path.basename(CORPUS)}: ${texts.length} docs, ${words} words`);
  gc();
  const before = process.memoryUsage();
  const detector = await loadDetectorFromDisk(path.resolve(import.meta.dirname, '../public/model'));
  gc();
  const loaded = process.memoryUsage();
  console.log(`model loaded: heap +${mb(loaded.heapUsed - before.heapUsed)} MB, typed arrays +${mb(loaded.arrayBuffers - before.arrayBuffers)} MB`);

  let entities = 0;
  time(1, (t) => { entities += detector.spot([t]).spans.length; });
  time(3, (t) => detector.spot([t])); // warm-up: let the JIT optimise the hot paths
  // Peak heap: sampled after every document of one more pass.
  let peakHeap = 0, peakTotal = 0;
  time(1, (t) => detector.spot([t]), () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakTotal = Math.max(peakTotal, m.heapUsed + m.arrayBuffers);
  });

  const { default: nlp } = await import('compromise');
  const peerSpot = (t: string) => {
    const doc = nlp(t);
    doc.people().out('offset');
    doc.places().out('offset');
    doc.organizations().out('offset');
  };
  time(2, peerSpot); // warm-up, as for ours
  // Interleaved rounds: one compromise pass, then a share of ours, so a load spike hits both.
  const oursT: Timing[] = [], peerT: Timing[] = [];
  for (let r = 0; r < PEER_RUNS; r++) {
    gc();
    peerT.push(pass(peerSpot));
    gc();
    for (let k = r; k < RUNS; k += PEER_RUNS) oursT.push(pass((t) => detector.spot([t])));
  }
  const ours = medians(oursT), peer = medians(peerT);

  const rate = (s: number) => Math.round(words / s).toLocaleString('en');
  console.log(`backstory  ${rate(ours.wall)} words/s wall, ${rate(ours.cpu)} words/s CPU (median of ${RUNS} runs, ${entities} spans)`);
  console.log(`compromise ${rate(peer.wall)} words/s wall, ${rate(peer.cpu)} words/s CPU (median of ${PEER_RUNS} runs)`);
  console.log(`ratio      ${(peer.wall / ours.wall).toFixed(1)}x faster by wall clock, ${(peer.cpu / ours.cpu).toFixed(1)}x by CPU time (target >= 50x)`);
  console.log(`load avg   ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs (a busy machine slows both, and wall time most)`);
  console.log(`peak heap  ${mb(peakHeap)} MB V8 heap used while detecting (target < 60 MB); with typed arrays ${mb(peakTotal)} MB`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
