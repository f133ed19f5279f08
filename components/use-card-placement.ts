/** Where the hover card sits: next to its name, following it on scroll and resize. */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect } from 'preact/hooks';
import { placeCard, type Box } from '../lib/dom/place-card';

/**
 * Places the card `root` next to `anchor()` after each render and on scroll/resize, and calls
 * `onClose` once the name is gone (unless focus is in the card). Returns `place`, to place the card
 * again after its content changed height.
 */
export function useCardPlacement(
  root: RefObject<HTMLElement>,
  anchor: () => Box | null,
  onClose: () => void,
): () => void {
  // Placement is applied straight to the element after each render and on scroll/resize, so the
  // card follows its name without a re-render and never moves the page's own layout.
  const place = useCallback(() => {
    const el = root.current;
    const box = anchor();
    const view = el?.ownerDocument.defaultView;
    if (!el || !view) return;
    if (!box) {
      // The name left the page (a re-render) while the reader is in the card, maybe writing a
      // note: the card stays where it is; it closes once they leave it.
      const focused = (el.getRootNode() as Document | ShadowRoot).activeElement;
      return focused && el.contains(focused) ? undefined : onClose();
    }
    const pos = placeCard(
      box,
      { width: el.offsetWidth, height: el.offsetHeight },
      { width: view.innerWidth, height: view.innerHeight },
    );
    el.style.left = `${pos.left}px`;
    el.style.top = `${pos.top}px`;
    el.style.visibility = 'visible';
  }, [anchor, onClose]);
  useLayoutEffect(place);
  useEffect(() => {
    const view = root.current?.ownerDocument.defaultView;
    if (!view) return;
    const ctl = new AbortController();
    view.addEventListener('scroll', place, { passive: true, capture: true, signal: ctl.signal });
    view.addEventListener('resize', place, { passive: true, signal: ctl.signal });
    return () => ctl.abort();
  }, [place]);
  return place;
}
