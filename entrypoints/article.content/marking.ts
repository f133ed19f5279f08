/**
 * The marking pipeline of one page: scan a part of the page into text blocks, ask the background
 * to spot names in them, and mark what comes back. Spotting starts while the scan is still going
 * (a request leaves as soon as SPOT_BATCH_CHARS of text are ready, or when the scan ends), so on a
 * huge page the background detects, the page scans and the marks land at the same time.
 */
import { type SlicePriority, yieldIfSpent, yieldToPage } from '../../lib/dom/scheduler';
import { scanBlocks, type TextBlock } from '../../lib/dom/text-blocks';
import { withoutHidden } from '../../lib/dom/unstyled-blocks';
import { EntityTally } from './entity-tally';
import { markSpans } from './span-marks';
import type { Marking, MarkingDeps, ScanAndMarkOptions } from './marking-types';

export type { Marking } from './marking-types';

/**
 * Text per spotBlocks request (chars). Large enough that any ordinary article (a 10,000-word
 * feature is ~60,000 chars) goes in ONE request, so the detector sees it whole (short forms such
 * as "Merkel" are resolved against full names met earlier); small enough that serialising one
 * request stays a short task in the page (a 400,000-char message took 400–600 ms to send on the
 * loaded test machine), and few enough requests that the background's per-request work (card
 * matching, mentions, prefetch) does not dominate on a book-length page.
 */
export const SPOT_BATCH_CHARS = 120_000;

/** A batch up to this long (chars) may be sent in the task that read it (see spot). */
const SEND_AT_ONCE_CHARS = 20_000;

/** Creates the pipeline. */
export function createMarking(deps: MarkingDeps): Marking {
  const { send, signal, marks, nav } = deps;
  const blocks: TextBlock[] = [];
  const tally = new EntityTally();
  let seen = new WeakSet<Text>();
  /** Each block's last text node and its length when read (see intact()). */
  let tails: { node: Text; length: number }[] = [];
  /** Bumped when the article is replaced, so passes still awaiting the old one give up. */
  let generation = 0;
  /** Passes under way. */
  let passes = 0;

  const target = { blocks, tally, marks, nav, signal };

  /** One spotBlocks request for `batch` (already appended to `blocks` at `base`), then its marks. */
  async function spot(
    batch: TextBlock[],
    base: number,
    stale: () => boolean,
    priority: SlicePriority,
    firstFrame?: Promise<void>,
    onHidden?: (el: Element) => void,
  ) {
    // Sending serialises the whole batch (up to SPOT_BATCH_CHARS) in the calling task: in a task of
    // its own it no longer stretches the scan slice that filled the batch past its budget. An
    // ordinary article's batch (a few thousand characters) costs little: it leaves at once unless
    // this task has already used its budget.
    const chars = batch.reduce((n, b) => n + b.text.length, 0);
    await (chars > SEND_AT_ONCE_CHARS ? yieldToPage : yieldIfSpent)(signal, priority);
    if (stale()) return;
    const published = deps.published?.();
    const r = await send('spotBlocks', {
      blocks: batch.map((b) => b.text),
      page: deps.page(),
      ...(published ? { published } : {}),
    });
    if (!r.ok) return deps.quiet(r.error);
    let reply = r.value;
    if (batch.some((b) => b.unstyled)) {
      // After the frame, reading display is cheap (styles are computed), and marks could not show sooner.
      await firstFrame;
      reply = withoutHidden(batch, reply);
    }
    if (stale()) return;
    // A hidden block's text counts as unread: a rescan of it once the page shows it reads it again.
    for (const b of batch) {
      if (!b.hidden) continue;
      for (const n of b.nodes) seen.delete(n);
      onHidden?.(b.element);
    }
    tally.merge(reply.entities);
    await markSpans(target, reply.spans, base, stale, priority);
  }

  async function scanAndMark(scopes: Element[], opts: ScanAndMarkOptions = {}): Promise<void> {
    passes++;
    try {
      await pass(scopes, opts);
    } finally {
      passes--;
    }
  }

  async function pass(scopes: Element[], opts: ScanAndMarkOptions): Promise<void> {
    // The asked priority holds until the first batch is sent (the reader's first marks); the rest of
    // a long article then queues behind the page's own work ('user-blocking' for seconds on a
    // 200,000-word page would hold up its hydration and input).
    const priority = (): SlicePriority => (requests.length === 0 ? (opts.priority ?? 'user-visible') : 'user-visible');
    // Until the first frame (when the caller gave one), blocks are read unchecked, one batch at most.
    let framed = !opts.firstFrame;
    void opts.firstFrame?.then(() => {
      framed = true;
    });
    // A single-page navigation (reset) during an await makes this pass stale: drop it.
    const gen = generation;
    const stale = () => signal.aborted || gen !== generation;
    const requests: Promise<void>[] = [];
    let pending: TextBlock[] = [];
    let pendingChars = 0;
    const flush = (): void => {
      if (pending.length === 0 || stale()) return;
      const base = blocks.length;
      blocks.push(...pending);
      for (const b of pending) {
        const tail = b.nodes[b.nodes.length - 1];
        if (tail) tails.push({ node: tail, length: tail.data.length });
      }
      requests.push(spot(pending, base, stale, priority(), opts.firstFrame, opts.onHidden).catch(deps.quiet));
      pending = [];
      pendingChars = 0;
    };
    const onBlock = (b: TextBlock): Promise<void> | undefined => {
      pending.push(b);
      pendingChars += b.text.length;
      if (pendingChars < SPOT_BATCH_CHARS) return;
      flush();
      return framed ? undefined : opts.firstFrame;
    };
    const styled = () => framed;
    for (const scope of scopes)
      await scanBlocks(scope, signal, {
        seen,
        onBlock,
        skipFurniture: opts.skipFurniture,
        priority,
        styled,
        onShadowRoot: opts.onShadowRoot,
        onUndefined: opts.onUndefined,
        onHidden: opts.onHidden,
      });
    flush();
    await Promise.all(requests);
  }

  return {
    blocks,
    entities: tally.byKey,
    scanAndMark,
    busy: () => passes > 0,
    intact: () => tails.every((t) => t.node.isConnected && t.node.data.length === t.length),
    dropGone(gone) {
      for (const m of gone) tally.uncount(m.key);
      // What the page took away no longer counts against the text being intact (a later tidy of
      // the address keeps the article: page-watch.ts).
      tails = tails.filter((t) => t.node.isConnected);
      for (const b of blocks) if (!b.gone && b.nodes.length && b.nodes.every((n) => !n.isConnected)) b.gone = true;
    },
    unsee(nodes) {
      for (const n of nodes) seen.delete(n);
      return nodes;
    },
    forgetBlocks(elements) {
      if (elements.size === 0) return;
      const dropped = new Set<Text>();
      for (const b of blocks) {
        if (b.gone || !elements.has(b.element)) continue;
        b.gone = true;
        for (const n of b.nodes) {
          seen.delete(n);
          dropped.add(n);
        }
      }
      tails = tails.filter((t) => !dropped.has(t.node));
    },
    reset() {
      tails = [];
      generation++;
      blocks.length = 0;
      tally.byKey.clear();
      seen = new WeakSet<Text>();
    },
  };
}
