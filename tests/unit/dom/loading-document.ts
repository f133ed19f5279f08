import { vi } from 'vitest';

/**
 * Makes happy-dom's `document` report readyState "loading" (as while the parser runs) until the
 * returned function "finishes parsing": readyState "interactive" and a DOMContentLoaded event.
 */
export function pretendLoading(doc: Document = document): () => void {
  let state: DocumentReadyState = 'loading';
  vi.spyOn(doc, 'readyState', 'get').mockImplementation(() => state);
  return () => {
    state = 'interactive';
    doc.dispatchEvent(new Event('DOMContentLoaded'));
  };
}
