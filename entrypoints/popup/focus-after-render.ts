/**
 * Keyboard focus for a view change: the button the reader pressed is gone once the new view is
 * drawn, and focus would fall to <body> (a screen reader then says nothing). The caller names where
 * focus goes before the change; the element is found and focused as the new view is drawn
 * (a layout effect, so no effect of the old view runs in between).
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Returns a ref: set `.current` to a target before changing the view; after the next render,
 * `find(root, target)` gives the element to focus.
 */
export function useFocusAfterRender<T>(
  root: RefObject<HTMLElement>,
  find: (root: HTMLElement, target: T) => HTMLElement | null | undefined,
): { current: T | null } {
  const next = useRef<T | null>(null);
  useLayoutEffect(() => {
    const target = next.current;
    next.current = null;
    if (target !== null && root.current) find(root.current, target)?.focus();
  });
  return next;
}
