/**
 * The block (paragraph, heading, list item, caption…) a node's text belongs to: text blocks are
 * cut at block elements, and a change inside one has the whole block read again.
 */
import { isBlock } from './skip';

/** Nearest block-level ancestor of a node (crossing shadow boundaries to the host). */
export function blockElementOf(node: Node): Element {
  let el: Element | null = node.parentElement;
  while (el) {
    if (isBlock(el)) return el;
    const parent: Element | null = el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host ?? null;
    if (!parent) return el;
    el = parent;
  }
  return (node.getRootNode() as Document).documentElement ?? (node.parentNode as Element);
}
