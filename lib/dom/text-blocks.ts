/**
 * Turns an article element into text blocks (one per paragraph, heading, list item, caption... in
 * reading order) and maps block offsets back to the page's own text nodes.
 *
 * Offsets are positions in the text, not DOM nodes (as Hypothesis anchors do): the detector sees
 * plain strings; a span (block, start, end) comes back and {@link rangeFor} turns it into a live
 * DOM Range over exactly those characters. Block text is the concatenation of its text nodes'
 * data, unchanged, so the mapping is exact; a <br> adds one "\n" that maps to no node.
 */
import { liveRange, staticRange } from './mark-range';
import { MAX_ARTICLE_CHARS } from '../messaging/protocol';
import { isBlock, isFurniture, isHidden, isSkipped } from './skip';
import { AbortedError, createSlice, type SlicePriority } from './scheduler';

/** Largest block kept (chars): longer text is trimmed, so a 5 MB text node costs 100 KB. */
export const MAX_BLOCK_CHARS = 100_000;

/** One block of article text and where each piece of it lives in the DOM. */
export interface TextBlock {
  text: string;
  /** The block-level element the text belongs to. */
  element: Element;
  /** Text nodes in order. */
  nodes: Text[];
  /** Block offset where each node's text starts (ascending, same length as nodes). */
  starts: number[];
  /**
   * Read (or inside an element entered) before the page had computed its styles, so not checked
   * for `display: none` (see ScanOptions.styled): {@link hiddenBlock} tells once it has.
   */
  unstyled?: boolean;
  /** Found hidden after it was read unstyled: it gets no marks, and its text counts as none. */
  hidden?: boolean;
}

/** Options of the walk. */
export interface ScanOptions {
  /** Skip navigation, share bars, comments, ads found inside the article (default true). */
  skipFurniture?: boolean;
  /** Largest total text (default MAX_ARTICLE_CHARS); later text is not scanned. */
  maxChars?: number;
  /** Text nodes already scanned (dynamic pages): they are not scanned again. */
  seen?: WeakSet<Text>;
  /** Called with each block as soon as it is complete (so spotting can start before the scan ends). */
  onBlock?: (block: TextBlock) => void | Promise<void>;
  /** How eagerly slices take the main thread (see SlicePriority; default 'user-visible'), read at each yield. */
  priority?: SlicePriority | (() => SlicePriority);
  /**
   * False while the page has not computed its styles (before its first frame): block elements are
   * then not checked for `display: none`, as the first such read would compute the whole page's
   * style inside our task (68 ms on the 200,000-word page, traced). Blocks of a scan that read any
   * element so are flagged `unstyled`. Default: always true.
   */
  styled?: () => boolean;
}

type Item = Text | 'break';

/** Yields the text nodes under `root` in reading (flat-tree) order, descending into open shadow roots. */
function* walk(root: Node, skipFurniture: boolean, styled: () => boolean): Generator<Item> {
  const doc = root.ownerDocument ?? (root as Document);
  const reject = (el: Element): boolean =>
    isSkipped(el) || (skipFurniture && isFurniture(el)) || (isBlock(el) && styled() && isHidden(el));
  if (root.nodeType === 3) {
    yield root as Text;
    return;
  }
  if (root.nodeType === 1 && reject(root as Element)) return;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4);
  for (let n = walker.nextNode(); n; ) {
    if (n.nodeType === 3) {
      yield n as Text;
      n = walker.nextNode();
      continue;
    }
    const el = n as Element;
    let skipChildren = false;
    if (reject(el)) skipChildren = true;
    else if (el.tagName === 'BR') yield 'break';
    else if (el.shadowRoot) {
      // Open shadow root: its tree is what renders; light children appear through its slots.
      yield 'break';
      yield* walk(el.shadowRoot, skipFurniture, styled);
      skipChildren = true;
    } else if (el.tagName === 'SLOT' && root.nodeType === 11) {
      const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      if (assigned.length > 0) {
        for (const a of assigned) yield* walk(a, skipFurniture, styled);
        skipChildren = true;
      }
    }
    if (isBlock(el) && !skipChildren) yield 'break';
    n = skipChildren ? nextSkippingChildren(walker) : walker.nextNode();
  }
}

/** Advances a TreeWalker past the current node's subtree. */
function nextSkippingChildren(walker: TreeWalker): Node | null {
  for (let n: Node | null = walker.currentNode; n; n = walker.parentNode()) {
    const sib = walker.nextSibling();
    if (sib) return sib;
    if (walker.currentNode === walker.root) return null;
  }
  return null;
}

/** Nearest block-level ancestor of a node (crossing shadow boundaries to the host). */
function blockElementOf(node: Node): Element {
  let el: Element | null = node.parentElement;
  while (el) {
    if (isBlock(el)) return el;
    const parent: Element | null = el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host ?? null;
    if (!parent) return el;
    el = parent;
  }
  return (node.getRootNode() as Document).documentElement ?? (node.parentNode as Element);
}

/**
 * Scans the article into blocks, in short slices (SLICE_MS) so a huge page never blocks. Resolves to the
 * blocks (possibly cut at maxChars); rejects with AbortedError if `signal` aborts. An `onBlock` that
 * returns a promise holds the scan until it settles.
 */
export async function scanBlocks(root: Element, signal?: AbortSignal, opts: ScanOptions = {}): Promise<TextBlock[]> {
  if (signal?.aborted) throw new AbortedError();
  const maxChars = opts.maxChars ?? MAX_ARTICLE_CHARS;
  const blocks: TextBlock[] = [];
  const slice = createSlice(signal, undefined, opts.priority);
  let total = 0;
  let cur: TextBlock | null = null;
  let n = 0;
  // Once an element was entered unchecked, every later block may lie inside it: all are flagged.
  let unstyled = false;
  const styled = (): boolean => {
    if (!unstyled && !(opts.styled?.() ?? true)) unstyled = true;
    return !unstyled;
  };
  const close = (): void | Promise<void> => {
    const last = cur;
    cur = null;
    if (!last || !/\S/.test(last.text)) return;
    const done = trimBreaks(last);
    blocks.push(done);
    return opts.onBlock?.(done);
  };
  for (const item of walk(root, opts.skipFurniture ?? true, styled)) {
    if ((++n & 31) === 0 && slice.expired()) await slice.next();
    if (item === 'break') {
      if (cur) cur.text += '\n';
      continue;
    }
    if (opts.seen?.has(item)) continue;
    opts.seen?.add(item);
    const element = blockElementOf(item);
    if (cur && cur.element !== element) {
      const held = close();
      if (held) {
        await held;
        if (signal?.aborted) throw new AbortedError();
      }
    }
    const block: TextBlock = (cur ??= {
      text: '',
      element,
      nodes: [],
      starts: [],
      ...(styled() ? {} : { unstyled: true }),
    });
    const room = Math.min(MAX_BLOCK_CHARS - block.text.length, maxChars - total);
    if (room <= 0) {
      if (total >= maxChars) break;
      continue;
    }
    // Slicing a 5 MB string copies only what is kept.
    const piece = item.data.length > room ? item.data.slice(0, room) : item.data;
    block.nodes.push(item);
    block.starts.push(block.text.length);
    block.text += piece;
    total += piece.length;
  }
  await close();
  return blocks;
}

/** Drops trailing "\n" break markers and whitespace so blocks end with text (mapping is unaffected). */
function trimBreaks(b: TextBlock): TextBlock {
  const text = b.text.replace(/\s+$/, '');
  return text.length === b.text.length ? b : { ...b, text };
}

/** The (text node, offset) a block offset falls on; at a node boundary, `end` prefers the earlier node. */
export function locate(block: TextBlock, offset: number, end = false): { node: Text; offset: number } | null {
  const { nodes, starts } = block;
  if (nodes.length === 0 || offset < 0 || offset > block.text.length) return null;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (s < offset || (!end && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  return { node, offset: Math.max(0, Math.min(offset - starts[lo]!, node.length)) };
}

/** A range of `make`'s kind over block characters [start, end), or null when out of bounds. */
function spanRange<R>(
  block: TextBlock,
  start: number,
  end: number,
  make: (doc: Document, a: { node: Text; offset: number }, b: { node: Text; offset: number }) => R,
): R | null {
  if (end <= start) return null;
  const a = locate(block, start, false);
  const b = locate(block, end, true);
  if (!a || !b) return null;
  try {
    return make(a.node.ownerDocument, a, b);
  } catch {
    return null; // the page removed or changed the node since the scan
  }
}

/** A live Range over block characters [start, end) (a passage to flash), or null when out of bounds. */
export function rangeFor(block: TextBlock, start: number, end: number): Range | null {
  return spanRange(block, start, end, liveRange);
}

/**
 * A mark's range over block characters [start, end): static, so the page's DOM changes never pay
 * for it (mark-range.ts); null when out of bounds.
 */
export function markRangeFor(block: TextBlock, start: number, end: number): AbstractRange | null {
  return spanRange(block, start, end, staticRange);
}

/** One text node's share of a span: node characters [start, end). */
export interface NodePiece {
  node: Text;
  start: number;
  end: number;
}

/** The text-node pieces covering block characters [start, end) (used to index marks by node). */
export function piecesFor(block: TextBlock, start: number, end: number): NodePiece[] {
  const pieces: NodePiece[] = [];
  for (let i = 0; i < block.nodes.length; i++) {
    const s = block.starts[i]!;
    const node = block.nodes[i]!;
    const e = s + node.length;
    if (e <= start) continue;
    if (s >= end) break;
    pieces.push({ node, start: Math.max(0, start - s), end: Math.min(node.length, end - s) });
  }
  return pieces;
}
