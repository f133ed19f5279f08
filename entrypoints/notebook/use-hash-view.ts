import { useEffect, useRef, useState } from 'preact/hooks';
import { pageOfHash } from '../../components/NotebookPage';
import type { DraftWatch } from './drafts';
import { type Capture, captureOfHash, entityOfHash, heldText } from './hash';
import type { StatusLine } from './use-status-line';

/** What the notebook's address says to show. */
export interface HashView {
  /** The entity shown ("#entity=<id>"), or null. */
  entityId: string | null;
  /** The page shown ("#page=<url>"), or null. */
  pageAt: string | null;
  /** What the worker sent the notebook to show. */
  capture: Capture;
  /** A capture held back by an unsaved draft, offered as a link to a new tab. */
  held: Capture | null;
  /** The reader opened the held capture in a new tab. */
  dismissHeld: () => void;
  /** Shows the list of notes, and puts an address that says so in the history. */
  toList: () => void;
}

/**
 * The view the address asks for, followed as it changes; a change that would lose an unsaved draft
 * (`drafts`) is held back or confirmed first. Captures are announced on `line`.
 */
export function useHashView(drafts: DraftWatch, line: Pick<StatusLine, 'say' | 'setError'>): HashView {
  const { say, setError } = line;
  const [entityId, setEntityId] = useState(() => entityOfHash(location.hash));
  const [pageAt, setPageAt] = useState(() => pageOfHash(location.hash));
  const [capture, setCapture] = useState(() => captureOfHash(location.hash));
  // A capture that arrived while the reader had an unsaved draft: offered, not shown (see onHash).
  const [held, setHeld] = useState<Capture | null>(null);
  // The address of what is on screen, put back when a capture is held.
  const shownHash = useRef(location.hash);

  // The worker shows each capture by changing this tab's address (quote-capture.ts showInNotebook),
  // which would replace the view and with it whatever the reader was typing. So a capture takes
  // over only when no editor holds unsaved changes; otherwise the draft stays on screen and the
  // capture is announced, with a link that opens it in a new tab. The notebook decides, not the
  // worker: only the page knows its drafts, and asking it first would need a message round trip.
  useEffect(() => {
    const onHash = () => {
      const next = captureOfHash(location.hash);
      if (drafts.unsaved()) {
        if (next.note || next.card || next.error) return holdCapture(next);
        // The reader's own move (an entity link, Back) would lose the draft: only if they say so.
        if (!confirm('Leave this view? The note you are writing is not saved.')) return keepView();
      }
      shownHash.current = location.hash;
      setHeld(null);
      setEntityId(entityOfHash(location.hash));
      setPageAt(pageOfHash(location.hash));
      setCapture(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (capture.note) say('Quote saved. Add a comment, tags or more entities, or leave it as it is.');
    else if (capture.card) say('Card created. Add a note to it, or leave it as it is.');
    else if (capture.error) setError(`The selection was not saved: ${capture.error}`);
  }, [capture.note, capture.card, capture.error]);

  /** Puts the address back to the view still shown, so Back and reload agree with the screen. */
  function keepView() {
    history.replaceState(history.state, '', location.pathname + location.search + shownHash.current);
  }

  /** Announces a capture without leaving the view, so the draft on screen is kept. */
  function holdCapture(next: Capture) {
    keepView();
    if (next.error) {
      setError(`The selection was not saved: ${next.error}`);
      return;
    }
    setHeld(next);
    const text = heldText(next);
    if (text) say(text.status);
  }

  function toList() {
    setEntityId(null);
    setPageAt(null);
    shownHash.current = '';
    if (location.hash) history.pushState(null, '', location.pathname + location.search);
  }

  return { entityId, pageAt, capture, held, dismissHeld: () => setHeld(null), toList };
}
