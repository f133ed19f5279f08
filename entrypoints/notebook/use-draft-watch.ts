import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type DraftWatch, draftWatch } from './drafts';

/** A draft watch (drafts.ts) over the editors inside `main`, for as long as the notebook is open. */
export function useDraftWatch(main: RefObject<HTMLElement>): DraftWatch {
  const [drafts] = useState(draftWatch);
  // Typing anywhere in an editor (capture phase: the editors' own handlers cannot hide it).
  useEffect(() => {
    const el = main.current;
    if (!el) return;
    el.addEventListener('input', drafts.touched, true);
    el.addEventListener('click', drafts.touched, true);
    return () => {
      el.removeEventListener('input', drafts.touched, true);
      el.removeEventListener('click', drafts.touched, true);
    };
  }, []);
  return drafts;
}
