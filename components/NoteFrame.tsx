import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { noteFrameHash, type NoteFrameParams } from '../lib/messaging/note-frame';
import type { NoteFrameEvent } from '../lib/messaging/protocol';

/** Subscribes to the events of the frame with `token`; returns the unsubscribe. */
export type NoteFrameListen = (token: string, handler: (event: NoteFrameEvent) => void) => () => void;

export interface NoteFrameProps {
  /** The frame page's URL (browser.runtime.getURL of NOTE_FRAME_PATH: dynamic in Chrome). */
  src: string;
  params: Omit<NoteFrameParams, 'token'>;
  listen: NoteFrameListen;
  /** A note or the card was saved or deleted in the frame. */
  onChanged: () => void;
  /** Escape was pressed in the frame. */
  onClose: () => void;
  /** The frame's height changed (the card may need placing again). */
  onResize?: () => void;
}

/** Height before the frame reports its own: about the empty list with "Add note" (px). */
const FIRST_HEIGHT = 96;

/**
 * The notes part of the hover card, as an extension frame inside the card: the page's scripts see
 * neither the notes nor a key typed into them (events in the frame's own document never reach the
 * page's window). The frame reports its height and Escape through the background.
 */
export function NoteFrame({ src, params, listen, onChanged, onClose, onResize }: NoteFrameProps) {
  const token = useMemo(newToken, []);
  // Set once: a new address would navigate the frame, which the card takes for the page's doing (below).
  // The frame finds a card created later by itself, when the reader saves a note.
  const [url] = useState(() => `${src}${noteFrameHash({ ...params, token })}`);
  const frame = useRef<HTMLIFrameElement>(null);
  const [lost, setLost] = useState(false);
  // Hidden (so nothing can be typed into it) until an event with this frame's token arrives through
  // the background: only Backstory's own page knows the token, so a document the page slipped into
  // the frame before its first load is never shown.
  const [verified, setVerified] = useState(false);
  /** The frame's browsing context at its last fresh load (undefined before the first). */
  const context = useRef<Window | null | undefined>(undefined);
  const latest = useRef({ onChanged, onClose, onResize });
  latest.current = { onChanged, onClose, onResize };

  useEffect(
    () =>
      listen(token, (e) => {
        setVerified(true);
        const el = frame.current;
        if (e.event === 'changed') latest.current.onChanged();
        else if (e.event === 'close') latest.current.onClose();
        else if (el && e.height !== undefined) {
          const height = `${Math.ceil(e.height)}px`;
          if (el.style.height !== height) {
            el.style.height = height;
            latest.current.onResize?.();
          }
          if (e.reveal) reveal(el, e.reveal);
        }
      }),
    [token, listen],
  );

  if (lost)
    return (
      <p role="alert" class="bs-error">
        The notes were closed because this page reloaded them. Open the card again to see them.
      </p>
    );
  return (
    <iframe
      ref={frame}
      class="bs-note-frame"
      title={`Your notes on ${params.name}`}
      src={url}
      style={{ height: `${FIRST_HEIGHT}px`, visibility: verified ? 'visible' : 'hidden' }}
      // A second load in the same browsing context is a navigation the card did not ask for (the page
      // may navigate frames): whatever loaded is not Backstory's editor, so it goes. A host the page
      // removed and the card put back gets a new context, which loads the card's own address.
      onLoad={(e) => {
        const win = e.currentTarget.contentWindow;
        if (win !== context.current) context.current = win;
        else setLost(true);
      }}
    />
  );
}

/** 128 random bits in hex (crypto.randomUUID needs a secure page; the card also runs on http pages). */
function newToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Scrolls the card (the frame's dialog) so the band [top, bottom] of the frame is in view. */
function reveal(el: HTMLIFrameElement, band: { top: number; bottom: number }): void {
  const box = el.closest<HTMLElement>('[role="dialog"]');
  if (!box) return;
  const view = box.getBoundingClientRect();
  const at = el.getBoundingClientRect().top;
  const below = at + band.bottom - view.bottom;
  const above = view.top - (at + band.top);
  if (below > 0) box.scrollTop += Math.min(below, Math.max(0, -above));
  else if (above > 0) box.scrollTop -= above;
}

/** Frame CSS for the card (px): full width plus the frame's own 4px ring room on each side. */
export const noteFrameCss = `
.bs-root iframe.bs-note-frame {
  display: block;
  border: 0;
  margin: 0 -4px;
  width: calc(100% + 8px);
  background: transparent;
  color-scheme: normal;
}
`;
