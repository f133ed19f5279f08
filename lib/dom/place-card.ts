/** Where to put the hover card next to the hovered name, in viewport px. */

/** Gap between the name and the card (px). */
export const CARD_GAP = 8;
/** Minimum distance from the viewport edges (px). */
export const EDGE_MARGIN = 8;

/** A rectangle in viewport px. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Places a card of `size` below the anchor when it fits, above when it fits there better, and
 * keeps it inside the viewport horizontally and vertically (as far as the card's size allows).
 */
export function placeCard(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): { left: number; top: number; placement: 'below' | 'above' } {
  const below = viewport.height - anchor.bottom - CARD_GAP - EDGE_MARGIN;
  const above = anchor.top - CARD_GAP - EDGE_MARGIN;
  const placement = size.height <= below || below >= above ? 'below' : 'above';
  let top = placement === 'below' ? anchor.bottom + CARD_GAP : anchor.top - CARD_GAP - size.height;
  top = Math.min(top, viewport.height - EDGE_MARGIN - size.height);
  top = Math.max(EDGE_MARGIN, top);
  let left = anchor.left;
  left = Math.min(left, viewport.width - EDGE_MARGIN - size.width);
  left = Math.max(EDGE_MARGIN, left);
  return { left: Math.round(left), top: Math.round(top), placement };
}
