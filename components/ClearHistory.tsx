import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorLine } from './ErrorLine';

export interface ClearHistoryProps {
  /** How many pages-where-you-met-a-name records there are. */
  count: number;
  /** Deletes every mention and announces it; rejects with the reason when the database refuses. */
  onClear: () => Promise<void>;
}

/**
 * "Clear browsing history": deletes the record of where the reader met names (mentions), after
 * an explicit confirmation (the page's own status line says when it is done). Notes and cards are not touched. Focus goes to "Cancel" when the
 * question opens (the safe choice) and back to the first button when it closes.
 */
export function ClearHistory({ count, onClear }: ClearHistoryProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function clear() {
    setBusy(true);
    setError(null);
    try {
      await onClear();
      setAsking(false);
    } catch (e) {
      setError(`The history was not cleared: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="nb-history">
      {asking ? (
        <div
          role="alertdialog"
          aria-labelledby="nb-clear-q"
          class="nb-confirm"
          onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
        >
          <p id="nb-clear-q">
            Forget every page where you met a name ({count.toLocaleString('en')} {count === 1 ? 'record' : 'records'})?
            Your notes and cards stay. This cannot be undone.
          </p>
          <div class="bs-editor-row">
            <button type="button" class="bs-btn bs-btn-primary" disabled={busy} onClick={() => void clear()}>
              Clear history
            </button>
            <button type="button" class="bs-btn" ref={cancel} onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="bs-btn bs-btn-danger"
          ref={opener}
          disabled={count === 0}
          onClick={() => setAsking(true)}
        >
          Clear browsing history
        </button>
      )}
      <ErrorLine message={error} />
    </div>
  );
}
