/**
 * Turns an article element into text blocks (one per paragraph, heading, list item, caption... in
 * reading order), keeping each block's text nodes and where each starts (block-ranges.ts maps
 * offsets back to them).
 *
 * Offsets are positions in the text, not DOM nodes (as Hypothesis anchors do): the detector sees
 * plain strings. Block text is the concatenation of its text nodes' data, a source line break
 * read as the space it renders as (one character for one), so the mapping is exact; a <br> adds
 * one "\n" that maps to no node.
 */
import { MAX_ARTICLE_CHARS } from '../messaging/protocol';
import { AbortedError, createSlice, type SlicePriority } from './scheduler';
import { blockElementOf } from './block-element';
import { walk } from './text-walk';

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
  /** Its text left the page (re-rendered, cut): its text counts as none (Marking.dropGone). */
  gone?: boolean;
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
  /**
   * Called with each open shadow root the walk enters, empty ones too: a subtree observer does not
   * see into them, so the page watch observes each one (a web component may fill it later).
   */
  onShadowRoot?: (shadow: ShadowRoot) => void;
  /** Called with each custom element the walk meets before it is defined (see upgrade-watch.ts). */
  onUndefined?: (el: Element) => void;
  /** Called with each block the walk leaves out as hidden (a collapsed "Read more"): shown later, it is read then. */
  onHidden?: (el: Element) => void;
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
  const walkOpts = {
    skipFurniture: opts.skipFurniture ?? true,
    styled,
    onShadowRoot: opts.onShadowRoot,
    onUndefined: opts.onUndefined,
    onHidden: opts.onHidden,
  };
  for (const item of walk(root, walkOpts)) {
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
    const raw = item.data.length > room ? item.data.slice(0, room) : item.data;
    const piece = hasInnerBreak(raw) && !(styled() && breaksShow(item.parentElement)) ? spaced(raw) : raw;
    block.nodes.push(item);
    block.starts.push(block.text.length);
    block.text += piece;
    total += piece.length;
  }
  await close();
  return blocks;
}

/** True for text with a line break in it and words around it (not a run of indentation). */
function hasInnerBreak(data: string): boolean {
  return (data.includes('\n') || data.includes('\r')) && /\S/.test(data);
}

/**
 * A text node's characters as the reader sees them: a line break in the page's source ("Kanye\n
 * West" in hand-wrapped HTML) renders as a space, and sent raw it would end the name there ("\n"
 * is a hard break to the detector, like a <br>). One space per character, so offsets still map.
 */
function spaced(data: string): string {
  return data.replace(/[\r\n]/g, ' ');
}

/**
 * True when `el` shows its text's line breaks (white-space: pre-line, pre-wrap, break-spaces: a
 * list of names one a line, an address). Read only once the page has computed its styles.
 */
function breaksShow(el: Element | null): boolean {
  if (!el) return false;
  const view = el.ownerDocument.defaultView;
  try {
    const ws = view?.getComputedStyle(el).whiteSpace ?? '';
    return ws.startsWith('pre') || ws === 'break-spaces' || ws.startsWith('preserve');
  } catch {
    return false;
  }
}

/** Drops trailing "\n" break markers and whitespace so blocks end with text (mapping is unaffected). */
function trimBreaks(b: TextBlock): TextBlock {
  const text = b.text.replace(/\s+$/, '');
  return text.length === b.text.length ? b : { ...b, text };
}
