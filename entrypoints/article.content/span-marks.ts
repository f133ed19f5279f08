/**
 * Turns the spans of a spotBlocks reply into marks on the page: a range per span, checked against
 * the text the page holds now, registered in one go.
 */
import type { BlockSpan } from '../../lib/entity';
import type { Mark, Marks } from '../../lib/dom/highlights';
import type { MarkNavigator } from '../../lib/dom/keyboard-nav';
import { createSlice, type SlicePriority } from '../../lib/dom/scheduler';
import { liveText, markRangeFor, piecesFor } from '../../lib/dom/block-ranges';
import type { TextBlock } from '../../lib/dom/text-blocks';
import type { EntityTally } from './entity-tally';

/** Marks per reply above which registering them gets a task of its own. */
const REGISTER_ALONE = 100;

/** Where the marks go and what they are checked against. */
export interface SpanMarksTarget {
  /** Every block read so far; a span's block is `blocks[base + span.block]`. */
  blocks: TextBlock[];
  tally: EntityTally;
  marks: Marks;
  nav: MarkNavigator;
  signal: AbortSignal;
}

/**
 * True when the page's text under a span is still what was read. The page may change it while
 * the worker spots (a framework patching a text node, an auto-linker splitting one): a mark on
 * the changed text would cover the wrong characters and open the wrong card.
 */
function unchanged(block: TextBlock, s: BlockSpan, live: string): boolean {
  // A <br> is a "\n" in the block's text that no node holds; a line break a node holds was read
  // as a space (text-blocks.ts, spaced).
  return live.replace(/[\r\n]/g, ' ') === block.text.slice(s.start, s.end).replaceAll('\n', '');
}

/**
 * Turns spans into ranges in slices (a long article has thousands), then registers them all at
 * once. Registering is what costs: Chromium rebuilds the markers of EVERY registered range in the
 * first frame after any highlight (or DOM) change, so each registration is one O(all marks)
 * frame. Adding once per reply instead of once per slice keeps those frames few. A span whose
 * text changed is not marked, and not counted. Gives up when `stale()` turns true.
 */
export async function markSpans(
  to: SpanMarksTarget,
  spans: BlockSpan[],
  base: number,
  stale: () => boolean,
  priority: SlicePriority,
): Promise<void> {
  const slice = createSlice(to.signal, undefined, priority);
  const batch: Mark[] = [];
  for (const s of spans) {
    const block = to.blocks[base + s.block];
    const e = to.tally.byKey.get(s.entityKey);
    const pieces = block && e ? piecesFor(block, s.start, s.end) : [];
    const text = liveText(pieces);
    // A block forgotten meanwhile (the page changed its paragraph, which is being read again whole)
    // gets its marks from that reading: marking this reply too would mark and count them twice.
    const range = block && !block.gone && e && unchanged(block, s, text) ? markRangeFor(block, s.start, s.end) : null;
    if (range && e) batch.push({ key: e.key, kind: e.kind, range, pieces, text });
    else if (e) to.tally.uncount(e.key);
    if (slice.expired()) {
      await slice.next();
      if (stale()) return;
    }
  }
  // Registering hundreds of marks (and tracking them for the keyboard) takes 10-25 ms; added to
  // the task of the last range slice, it made 35 ms tasks on the 200,000-word page (traced).
  if (batch.length > REGISTER_ALONE) {
    await slice.next();
    if (stale()) return;
  }
  to.marks.add(batch);
  to.nav.track(batch);
}
