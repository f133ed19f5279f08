/**
 * The ranges marks are made of. A mark's range is a StaticRange where the browser has one: a live
 * Range is kept up to date by the document on EVERY DOM change of the page, so thousands of them
 * slow the page's own work. Measured in Chromium 156 on the 200,000-word page: adding and removing
 * 6,000 elements took 24 ms with no ranges, 18 ms with 6,000 StaticRanges and 652 ms with 6,000
 * live Ranges. Highlights take either kind. Geometry (hit-testing, placing the card, keyboard
 * steps) is read through one scratch live Range per document, set to the mark when needed.
 */

/** One text position: a node and an offset in it. */
interface Boundary {
  node: Node;
  offset: number;
}

/** What the page window provides (the content script sees the page's window). */
type RangeWindow = Window & { StaticRange?: typeof StaticRange };

/** A live Range over [a, b] (throws when a boundary is not in the page as given). */
export function liveRange(doc: Document, a: Boundary, b: Boundary): Range {
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** A range over [a, b] that the page's DOM changes do not update: a StaticRange, else a live Range. */
export function staticRange(doc: Document, a: Boundary, b: Boundary): AbstractRange {
  const Static = (doc.defaultView as RangeWindow | null)?.StaticRange;
  if (typeof Static === 'function')
    return new Static({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset });
  return liveRange(doc, a, b);
}

const scratch = new WeakMap<Document, Range>();

/** True when `r` is a live Range (it has geometry of its own). */
function isLive(r: AbstractRange): r is Range {
  return typeof (r as Range).getClientRects === 'function';
}

/**
 * `r` as a live Range to read geometry from: `r` itself if live, else the document's scratch Range
 * set to it (valid until the next call). Offsets past a node's end (the page shortened the text
 * since) are clamped; null when the range's text left the page.
 */
export function measurable(r: AbstractRange): Range | null {
  if (isLive(r)) return r;
  const start = r.startContainer;
  const doc = start.ownerDocument;
  if (!doc || !start.isConnected || !r.endContainer.isConnected) return null;
  let range = scratch.get(doc);
  if (!range) scratch.set(doc, (range = doc.createRange()));
  const clamp = (node: Node, offset: number) =>
    Math.min(offset, node.nodeType === 3 ? (node as Text).length : node.childNodes.length);
  try {
    range.setStart(start, clamp(start, r.startOffset));
    range.setEnd(r.endContainer, clamp(r.endContainer, r.endOffset));
  } catch {
    return null; // a node a range cannot point into
  }
  return range;
}

/** The range's client rects (empty when its text left the page). */
export function rectsOf(r: AbstractRange): DOMRect[] {
  const live = measurable(r);
  return live ? Array.from(live.getClientRects()) : [];
}

/** The range's bounding box in viewport px, or null when its text left the page. */
export function boxOf(r: AbstractRange): DOMRect | null {
  return measurable(r)?.getBoundingClientRect() ?? null;
}

/** Node.compareDocumentPosition's bits that order two nodes. */
const DISCONNECTED = 1;
const FOLLOWING = 4;

/**
 * -1, 0 or 1: where `a` starts relative to `b`, in document order (marks start in text nodes,
 * which hold no other node). Ranges in another tree (a shadow root) sort after.
 */
export function compareStarts(a: AbstractRange, b: AbstractRange): number {
  const x = a.startContainer;
  const y = b.startContainer;
  if (x === y) return Math.sign(a.startOffset - b.startOffset);
  const pos = x.compareDocumentPosition(y);
  if (pos & DISCONNECTED) return 1;
  return pos & FOLLOWING ? -1 : 1;
}
