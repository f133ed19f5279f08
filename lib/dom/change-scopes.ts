/**
 * Where the page watch reads again after the page changed: the outermost of the changed subtrees,
 * a whole paragraph for a change inside one, through open shadow roots.
 */
import { blockElementOf } from './block-element';
import { BLOCK_SELECTOR, isBlock } from './skip';

/** The elements no other element of `els` contains: one sort, then one pass in document order. */
export function outermost(els: Element[]): Element[] {
  els.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const out: Element[] = [];
  for (const el of els) {
    const last = out[out.length - 1];
    // In document order a kept element's descendants come right after it: checking the last suffices.
    if (!last?.contains(el)) out.push(el);
  }
  return out;
}

/**
 * True when `node` is inside `root`, also through open shadow roots: `contains` stops at a shadow
 * boundary, and the article's web components hold some of its text there.
 */
export function containsComposed(root: Element, node: Node | null): boolean {
  while (node) {
    if (root.contains(node)) return true;
    const top = node.getRootNode();
    node = top.nodeType === 11 ? ((top as ShadowRoot).host ?? null) : null;
  }
  return false;
}

/**
 * Where a change at `node` is read again from: a new block (a paragraph, a live-blog post) by
 * itself; text or an inline element in a paragraph, the whole paragraph, so that a name spanning
 * the changed part and the rest is read whole ("Jens <b>Stoltenberg</b>" re-rendered). Null when
 * `node` holds blocks of its own (a live blog's post in a custom element: reading the whole feed
 * around it again would cost the feed's length on every post) or when that paragraph is the
 * article itself or beyond it: only `node` is read then.
 */
export function wholeBlockOf(node: Node, root: Element): Element | null {
  if (node.nodeType === 1) {
    const el = node as Element;
    if (isBlock(el) || el.shadowRoot || el.querySelector(BLOCK_SELECTOR)) return null;
  }
  const block = blockElementOf(node);
  return block !== root && !block.contains(root) && containsComposed(root, block) ? block : null;
}

/**
 * True for a node that can hold no name: no text in it, and no web component that could render
 * text into a shadow root (an image, an icon, an empty wrapper that a lazy loader adds).
 */
export function holdsNoText(n: Node): boolean {
  if (/\S/.test(n.textContent ?? '')) return false;
  if (n.nodeType !== 1) return true;
  const el = n as Element;
  if (el.shadowRoot || el.localName.includes('-')) return false;
  for (const d of el.getElementsByTagName('*')) if (d.shadowRoot || d.localName.includes('-')) return false;
  return true;
}
