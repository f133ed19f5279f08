/**
 * `npm run bench:hover`: how long after the hover delay a cached card appears (issue 6: "within
 * 100 ms after the hover delay"). In headless Chromium with the built extension, on the demo article
 * and some shared pages, it rests the pointer on marked names that have a starter card (cached in
 * IndexedDB from install, so no look-up is involved), twice per name after a warm-up hover, and
 * prints per page the median, 95th percentile and worst of: time from the last pointer move to the
 * card being hit-testable at its spot, minus the hover delay. Exits 1 when the median of any page
 * is over 100 ms.
 *
 * The page world measures it: a capture listener stamps the pointer's last move, and a
 * requestAnimationFrame loop asks `document.elementFromPoint` at a point inside where the card
 * opened on the warm-up. The card is in a closed shadow root, so the page only ever sees the host
 * element; that is all this needs. Frame-based polling adds up to one frame (~16 ms) of error.
 * Then, per page, one more hover of a name hovered before, right after the extension's worker was
 * stopped (Chromium stops it after 30 s without events: a reader resting on a name after reading a
 * while wakes it); then one hover of a name with a card not hovered before, the worker stopped again
 * (its card was kept when the page was marked: getPageCards). The probe's point for that card is the
 * last card's, moved as far as the new name is from the last one (a card opened elsewhere, e.g.
 * against the window's edge, leaves it "not measured"). Both are printed beside the others, not
 * part of the target.
 * BENCH_HOVER_NAMES (default 6) limits names per page; BENCH_HOVER_PAGES=a,b picks shared pages.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axTree, findAll } from '../tests/e2e/lib/ax';
import { EXTENSION_DIR, launch } from '../tests/e2e/lib/browser';
import { moveAway, readMarks, waitForMarks } from '../tests/e2e/lib/marks';
import { waitFor } from '../tests/e2e/lib/wait';
import { DEFAULT_SETTINGS } from '../lib/settings/schema';
import { startStaticServer } from './lib/static-server';
import { stopExtensionWorker } from '../tests/fixtures/bench/measure';

const HOVER_DELAY_MS = DEFAULT_SETTINGS.hoverDelayMs; // a fresh profile has the default
const TARGET_MS = 100;
const NAMES = Number(process.env.BENCH_HOVER_NAMES ?? 6);
const PAGES = [
  '/demo/nato-russia.html',
  ...(process.env.BENCH_HOVER_PAGES ?? 'bbc-1,guardian-1,cnn')
    .split(',')
    .filter(Boolean)
    .map((p) => `/pages/${p}/source.html`),
];

/** Lower-cased names and aliases of the starter cards shipped in the build. */
function starterKeys(): Set<string> {
  const cards = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'starter-cards.json'), 'utf8')) as {
    keys?: string[];
  }[];
  return new Set(cards.flatMap((c) => c.keys ?? []));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? NaN;

/** Where the first range marked `name` is on screen (scrolled into view), or null. */
async function pointOnMark(page: Page, name: string) {
  return page.evaluate((name) => {
    for (const [, set] of CSS.highlights) {
      for (const r of set) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString().replace(/\s+/g, ' ').trim() !== name) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, name);
}

/**
 * A point inside the open card, as low in it as a coarse grid of hit tests for the extension's host
 * element finds: a card still "Loading…" is short and does not reach it, so the probe waits for the
 * card's content, not only its frame. On a card that opens below its name that point is often in the
 * notes frame, which asks the worker for the notes itself: after a worker stop, that wait counts too.
 */
async function pointOnCard(page: Page) {
  return page.evaluate(() => {
    for (let y = innerHeight - 10; y > 0; y -= 24) {
      for (let x = 10; x < innerWidth; x += 24) {
        const el = document.elementFromPoint(x, y);
        if (el?.tagName.toLowerCase() === 'backstory-host') return { x, y };
      }
    }
    return null;
  });
}

/** Arms the page-world probe: resolves with ms from the last pointer move to the card at `at`. */
async function armProbe(page: Page, at: { x: number; y: number }) {
  await page.evaluate(({ x, y }) => {
    const w = window as unknown as { __hover?: Promise<number> };
    let last = performance.now();
    const onMove = () => {
      last = performance.now();
    };
    addEventListener('pointermove', onMove, true);
    const start = performance.now();
    w.__hover = new Promise<number>((done, fail) => {
      const tick = () => {
        if (document.elementFromPoint(x, y)?.tagName.toLowerCase() === 'backstory-host') {
          removeEventListener('pointermove', onMove, true);
          done(performance.now() - last);
        } else if (performance.now() - start > 10_000) fail(new Error(`no card at ${x},${y} after 10 s`));
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }, at);
}

/** Rests the pointer on `at`; resolves with ms after the hover delay until the card reaches `spot`. */
async function hover(page: Page, at: { x: number; y: number }, spot: { x: number; y: number }): Promise<number> {
  await armProbe(page, spot);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  return (await page.evaluate(() => (window as unknown as { __hover: Promise<number> }).__hover)) - HOVER_DELAY_MS;
}

/** How many dialogs the page shows by itself (cookie banners are dialogs too), so a card is one more. */
const dialogs = async (page: Page) => findAll(await axTree(page), { role: 'dialog' }).length;

/** Moves the pointer away and waits until the card is closed (`base` dialogs left). */
async function closeCard(page: Page, base: number): Promise<void> {
  await moveAway(page);
  // Some pages have a mark or a sticky box under the corner moveAway uses: Escape closes any card.
  await page.keyboard.press('Escape');
  await waitFor('the card to close', async () => (await dialogs(page)) <= base, { timeout: 10_000 });
}

/** Latencies (ms after the hover delay) for cached cards on one page, and after the worker stopped. */
async function measurePage(
  page: Page,
  keys: Set<string>,
): Promise<{ warm: number[]; woken: number | null; fresh: number | null }> {
  await waitForMarks(page, 3, { timeout: 30_000 });
  const carded = [...new Set((await readMarks(page)).map((m) => m.text))].filter((t) => keys.has(t.toLowerCase()));
  const names = carded.slice(0, NAMES);
  const out: number[] = [];
  // The last name's spots: later names scroll the page, so an earlier name's would be stale.
  let last: { at: { x: number; y: number }; spot: { x: number; y: number } } | null = null;
  const base = await dialogs(page);
  for (const name of names) {
    const at = await pointOnMark(page, name);
    if (!at) continue;
    // Warm-up: the card's data is now in the content script's and the worker's caches.
    await closeCard(page, base);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await waitFor('the card to open', async () => (await dialogs(page)) > base, { timeout: 10_000 });
    const spot = await pointOnCard(page);
    if (!spot) continue;
    last = { at, spot };
    for (let i = 0; i < 2; i++) {
      await closeCard(page, base);
      out.push(await hover(page, at, spot));
    }
  }
  /** Closes the card and stops the worker, as Chromium does after 30 s without events. */
  const stopWorker = async () => {
    await closeCard(page, base);
    await stopExtensionWorker(page.context());
    await page.bringToFront();
  };
  // A reader who rests on a name after 30 s of reading meets a stopped worker: the hover wakes it.
  let woken: number | null = null;
  if (last) {
    await stopWorker();
    woken = await hover(page, last.at, last.spot);
  }
  // The same, on a name not hovered before: only the cards kept from marking the page can help.
  let fresh: number | null = null;
  const other = carded[NAMES];
  if (last && other) {
    await stopWorker();
    const at = await pointOnMark(page, other);
    const spot = at && { x: at.x + last.spot.x - last.at.x, y: at.y + last.spot.y - last.at.y };
    if (at && spot) fresh = await hover(page, at, spot).catch(() => null);
  }
  return { warm: out, woken, fresh };
}

const server = await startStaticServer();
const browser = await launch();
const keys = starterKeys();
let missed = false;
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  console.log(`Load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores.`);
  console.log('Cached card shown after the hover delay (ms): median / p95 / worst, target median <= 100');
  for (const p of PAGES) {
    await page.goto(server.url + p, { waitUntil: 'domcontentloaded' });
    const {
      warm: ms,
      woken,
      fresh,
    } = await measurePage(page, keys).catch((e: Error) => {
      console.log(`${p}: not measured (${e.message.split('\n')[0]})`);
      return { warm: [], woken: null, fresh: null };
    });
    if (ms.length === 0) continue;
    const line = `${median(ms).toFixed(0)} / ${p95(ms).toFixed(0)} / ${Math.max(...ms).toFixed(0)}`;
    const figure = (x: number | null) => (x === null ? 'not measured' : `${x.toFixed(0)} ms`);
    console.log(
      `${p.padEnd(32)} ${line}  (${ms.length} hovers); worker stopped first: a name hovered before ${figure(woken)}, one not hovered before ${figure(fresh)}`,
    );
    if (median(ms) > TARGET_MS) missed = true;
  }
} finally {
  await browser.close();
  await server.close();
}
if (missed) {
  console.log('Target missed on at least one page.');
  process.exitCode = 1;
}
