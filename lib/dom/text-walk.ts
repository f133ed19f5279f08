/**
 * The walk under an article's text blocks: its text nodes in reading (flat-tree) order, into open
 * shadow roots and slots, with a "break" where a block or a <br> ends a line of text, leaving out
 * what is never read (scripts, code, editable areas, furniture) and what the page hides.
 */
import { isBlock, isFurniture, isHidden, isHiddenByMarkup, isNeverRead } from './skip';
import { isUndefinedCustom } from './upgrade-watch';

/** What every level of the walk needs. */
export interface WalkOptions {
  skipFurniture: boolean;
  styled: () => boolean;
  onShadowRoot?: (shadow: ShadowRoot) => void;
  onUndefined?: (el: Element) => void;
  onHidden?: (el: Element) => void;
}

export type Item = Text | 'break';

/** Yields the text nodes under `root` in reading (flat-tree) order, descending into open shadow roots. */
export function* walk(root: Node, opts: WalkOptions): Generator<Item> {
  const doc = root.ownerDocument ?? (root as Document);
  const reject = (el: Element): boolean => {
    if (isNeverRead(el) || (opts.skipFurniture && isFurniture(el))) return true;
    if (!isHiddenByMarkup(el) && !(isBlock(el) && opts.styled() && isHidden(el))) return false;
    opts.onHidden?.(el);
    return true;
  };
  if (root.nodeType === 3) {
    yield root as Text;
    return;
  }
  if (root.nodeType === 1 && reject(root as Element)) return;
  const own = root.nodeType === 1 ? (root as Element).shadowRoot : null;
  if (own) {
    // A scope that is itself a web component (one upgraded after the scan): its shadow tree is
    // what renders, its light children appear through the slots.
    opts.onShadowRoot?.(own);
    yield* walk(own, opts);
    return;
  }
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
      opts.onShadowRoot?.(el.shadowRoot);
      yield* walk(el.shadowRoot, opts);
      skipChildren = true;
    } else if (opts.onUndefined && isUndefinedCustom(el)) opts.onUndefined(el);
    else if (el.tagName === 'SLOT' && root.nodeType === 11) {
      const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      if (assigned.length > 0) {
        for (const a of assigned) yield* walk(a, opts);
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
