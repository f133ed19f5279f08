import { describe, expect, it } from 'vitest';
import { placeCard, CARD_GAP, EDGE_MARGIN } from '../../../lib/dom/place-card';

const view = { width: 1000, height: 800 };
const size = { width: 360, height: 300 };

describe('placeCard', () => {
  it('puts the card below the name when it fits', () => {
    expect(placeCard({ left: 100, top: 100, right: 200, bottom: 120 }, size, view)).toEqual({
      left: 100,
      top: 120 + CARD_GAP,
      placement: 'below',
    });
  });
  it('puts it above a name near the bottom of the viewport', () => {
    const p = placeCard({ left: 100, top: 700, right: 200, bottom: 720 }, size, view);
    expect(p).toEqual({ left: 100, top: 700 - CARD_GAP - 300, placement: 'above' });
  });
  it('keeps it inside the viewport horizontally and vertically', () => {
    const p = placeCard({ left: 900, top: 10, right: 990, bottom: 30 }, { width: 360, height: 900 }, view);
    expect(p.left).toBe(1000 - EDGE_MARGIN - 360);
    expect(p.top).toBe(EDGE_MARGIN);
  });
});
