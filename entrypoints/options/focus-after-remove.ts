/**
 * Keyboard focus for the options page's lists of sites, each with a Remove button: the pressed
 * button goes with its site, and focus would fall to <body>, throwing a keyboard reader back to the
 * top of the page while a screen reader says nothing. (The popup's focus-after-render helper works
 * the same way; it stays there because the popup owns it.)
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

interface Pending {
  site: string;
  /** The sites listed when Remove was pressed: those after it first, then those before it, nearest first. */
  neighbours: string[];
}

/**
 * Returns `removing(site)`, to call as the reader presses Remove beside `site`. Once `sites` no
 * longer holds it, focus goes to the Remove button (the button inside `list` whose `data-site`
 * names it) of the next site still listed, else the previous one, else to `fallback` (the list's
 * heading, focusable with tabIndex -1). Focus is only moved if it was lost: where the reader put it
 * meanwhile (during a permission prompt, say) it stays.
 */
export function useFocusAfterRemove(
  list: RefObject<HTMLElement>,
  sites: readonly string[] | null,
  fallback: RefObject<HTMLElement>,
): (site: string) => void {
  const pending = useRef<Pending | null>(null);
  // A layout effect: focus moves as the shorter list is drawn, before the reader can press anything.
  useLayoutEffect(() => {
    const wanted = pending.current;
    if (!wanted || !sites || sites.includes(wanted.site)) return;
    pending.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>('button[data-site]') ?? [])];
    const next = wanted.neighbours
      .map((site) => buttons.find((b) => b.dataset.site === site))
      .find((b) => b !== undefined);
    (next ?? fallback.current)?.focus();
  }, [sites]);

  return (site: string) => {
    const shown = sites ?? [];
    const at = shown.indexOf(site);
    const before = at < 0 ? [] : shown.slice(0, at).reverse();
    pending.current = { site, neighbours: [...shown.slice(at + 1), ...before] };
  };
}
