/**
 * Where keyboard focus goes once the next render is drawn: the button the reader pressed ("Edit
 * card", "Save card", "Yes, delete card"...) is gone by then, and focus would fall to <body>.
 */
export type FocusTarget = 'editor' | 'editButton' | 'heading';

/** The element of `target` inside `root`. */
export function focusable(root: HTMLElement, target: FocusTarget): HTMLElement | null | undefined {
  if (target === 'heading') return root.querySelector<HTMLElement>('h2');
  if (target === 'editor') return root.querySelector<HTMLElement>('form[aria-label^="Edit card"] :is(input, textarea)');
  return [...root.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent?.trim() === 'Edit card');
}
