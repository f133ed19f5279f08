/**
 * Block offsets back to the page's text nodes: a span (block, start, end) that the detector found in
 * a block's plain text becomes a Range over exactly those characters of the page.
 */
import { liveRange, staticRange } from './mark-range';
import type { TextBlock } from './text-blocks';

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

/** The page's text under `pieces` now (to tell whether it is still what was read). */
export function liveText(pieces: readonly NodePiece[]): string {
  let live = '';
  for (const p of pieces) live += p.node.data.slice(p.start, p.end);
  return live;
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
