/**
 * The measuring half of the article finder: one read-only walk of the page that tallies, per
 * block element, its text and link text, then rolls the tallies up to every ancestor. Both are
 * generators that `yield` every few dozen nodes so the caller can cut the work into slices.
 */
import { isBlock, isFurniture, isSkipped } from './skip';

/** Text of one block element (paragraph, heading, list item...). */
export interface BlockStat {
  chars: number;
  linkChars: number;
  furniture: boolean;
  heading: boolean;
}

/** What an element holds, summed over the blocks under it. */
export interface Tally {
  /** Paragraph-like text, links excluded. */
  prose: number;
  /** Everything else (link lists, furniture, short fragments). */
  junk: number;
  /** Number of blocks holding prose. */
  blocks: number;
  /** Text outside furniture (what a scan of the element would read). */
  visible: number;
  /** Linked text outside furniture. */
  links: number;
  /** Text of headings (h1–h6) outside furniture. */
  heading: number;
}

/** Nodes visited between two yields. */
const STEP = 64;
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Characters of visible text in a text node, without copying big ones. */
function textLength(data: string): number {
  if (data.length > 2000) return data.length;
  return data.trim().length;
}

/** True when prose in a block of this size and link share reads as article text. */
function isProse(stat: BlockStat, tag: string): boolean {
  if (stat.furniture) return false;
  const linkShare = stat.linkChars / Math.max(1, stat.chars);
  if (linkShare > 0.35) return false;
  // Short paragraphs still count inside <p>; a bare div needs more to look like prose.
  return tag === 'P' ? stat.chars >= 25 : stat.chars >= 80;
}

/** One element still to visit, with what it inherits from its ancestors. */
interface Frame {
  el: Element;
  furniture: boolean;
  link: boolean;
  block: Element;
  blockFurniture: boolean;
}

/**
 * Walks `body` (depth first, with an explicit stack: no per-node maps, and text order does not
 * matter for per-block sums) and returns each block's text statistics.
 */
export function* collectBlocks(body: Element): Generator<void, Map<Element, BlockStat>> {
  const stats = new Map<Element, BlockStat>();
  const stack: Frame[] = [{ el: body, furniture: false, link: false, block: body, blockFurniture: false }];
  let visited = 0;
  while (stack.length > 0) {
    const f = stack.pop()!;
    for (let c = f.el.firstChild; c; c = c.nextSibling) {
      visited++;
      if (c.nodeType === 3) {
        const len = textLength((c as Text).data);
        if (len === 0) continue;
        let stat = stats.get(f.block);
        if (!stat) {
          stat = { chars: 0, linkChars: 0, furniture: f.blockFurniture, heading: HEADINGS.has(f.block.tagName) };
          stats.set(f.block, stat);
        }
        stat.chars += len;
        if (f.link) stat.linkChars += len;
      } else if (c.nodeType === 1) {
        const el = c as Element;
        if (isSkipped(el)) continue;
        const furniture = f.furniture || isFurniture(el);
        const block = isBlock(el);
        stack.push({
          el,
          furniture,
          link: f.link || el.tagName === 'A',
          block: block ? el : f.block,
          blockFurniture: block ? furniture : f.blockFurniture,
        });
      }
    }
    if (visited >= STEP) {
      visited = 0;
      yield;
    }
  }
  return stats;
}

/** Rolls every block's statistics up to each of its ancestors (up to `body`). */
export function* tallyAncestors(body: Element, stats: Map<Element, BlockStat>): Generator<void, Map<Element, Tally>> {
  const tallies = new Map<Element, Tally>();
  let n = 0;
  for (const [block, stat] of stats) {
    const prose = isProse(stat, block.tagName) ? stat.chars - stat.linkChars : 0;
    const junk = stat.chars - prose;
    const visible = stat.furniture ? 0 : stat.chars;
    const links = stat.furniture ? 0 : stat.linkChars;
    const heading = stat.heading && !stat.furniture ? stat.chars : 0;
    for (let el: Element | null = block; el; el = el.parentElement) {
      let t = tallies.get(el);
      if (!t) tallies.set(el, (t = { prose: 0, junk: 0, blocks: 0, visible: 0, links: 0, heading: 0 }));
      t.prose += prose;
      t.junk += junk;
      t.visible += visible;
      t.links += links;
      t.heading += heading;
      if (prose > 0) t.blocks++;
      if (el === body) break;
    }
    if ((++n & 31) === 0) yield;
  }
  return tallies;
}
