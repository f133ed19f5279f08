/**
 * Where keyboard focus goes once the next view is drawn: the button the reader pressed is gone by
 * then, and focus left on a removed node falls to <body>, losing the keyboard reader's place.
 */
export type FocusTarget = 'timelineHeading' | 'timelineButton' | 'viewStart' | { entity: string };

/** Makes `el` focusable for a programmatic move only (not a Tab stop). */
function focusable(el: HTMLElement | null): HTMLElement | null {
  if (el && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  return el;
}

/** Finds `target` inside `root`; a heading or a line of text is made focusable for this move. */
export function focusTarget(root: HTMLElement, target: FocusTarget): HTMLElement | null | undefined {
  if (target === 'timelineHeading') return focusable(root.querySelector<HTMLElement>('.bs-timeline h2'));
  // The first line of a new view ("4 names on …", "No article found…"): read out, and Tab goes on from it.
  if (target === 'viewStart') return focusable(root.querySelector<HTMLElement>('[data-view-start]'));
  if (target === 'timelineButton') return root.querySelector<HTMLElement>('button[data-timeline]');
  const key = target.entity;
  return [...root.querySelectorAll<HTMLElement>('button[data-key]')].find((b) => b.dataset.key === key);
}
