/**
 * Keyboard focus for "Back to notes": the button goes with the entity's (or page's) view, and
 * focus would fall to <body>, where a screen reader says nothing and Tab starts from the top.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Returns `leaving(entityId)`, to call as the reader goes back to the list from an entity's view
 * (its id) or a page's view (null). Once the list shows (`inList`), focus goes to the list's
 * heading inside `main` at once, then to the entity's link once the list has drawn it, unless the
 * reader has moved on meanwhile.
 */
export function useFocusOnBack(main: RefObject<HTMLElement>, inList: boolean): (entityId: string | null) => void {
  /** The view left: an entity's id, '' for a page's view, null when not going back. */
  const backFrom = useRef<string | null>(null);
  useLayoutEffect(() => {
    const id = backFrom.current;
    const root = main.current;
    if (id === null || !inList || !root) return;
    backFrom.current = null;
    const heading = root.querySelector<HTMLElement>('h2');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
    if (!id) return;
    const selector = `a[href="#entity=${CSS.escape(encodeURIComponent(id))}"]`;
    let tries = 0;
    const toLink = () => {
      if (document.activeElement !== heading) return;
      const link = root.querySelector<HTMLElement>(selector);
      if (link) link.focus();
      else if (++tries < 20) setTimeout(toLink, 50);
    };
    toLink();
  });
  return (entityId) => {
    backFrom.current = entityId ?? '';
  };
}
