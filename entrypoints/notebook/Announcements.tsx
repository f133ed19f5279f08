import { useEffect, useRef } from 'preact/hooks';
import type { Note } from '../../lib/db/records';
import { type Capture, heldText } from './hash';

export interface AnnouncementsProps {
  /** What was just done. */
  status: string;
  /** A capture held back by a draft, offered as a link to a new tab. */
  held: Capture | null;
  onOpenHeld: () => void;
  /** The note just deleted, offered back by "Undo delete" (which takes focus). */
  undo: Note | null;
  onUndo: () => void;
}

/** The notebook's status line, with the link to a held capture and "Undo delete" when there are. */
export function Announcements({ status, held, onOpenHeld, undo, onUndo }: AnnouncementsProps) {
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => void (undo && undoButton.current?.focus()), [undo]);
  const offer = held && heldText(held);
  return (
    <div class="nb-announce">
      <p role="status" class="bs-status">
        {status}
      </p>
      {offer && (
        <a
          class="bs-btn"
          href={location.pathname + offer.hash}
          target="_blank"
          rel="noopener noreferrer"
          onClick={onOpenHeld}
        >
          {offer.link}
        </a>
      )}
      {undo && (
        <button type="button" class="bs-btn" ref={undoButton} onClick={onUndo}>
          Undo delete
        </button>
      )}
    </div>
  );
}
