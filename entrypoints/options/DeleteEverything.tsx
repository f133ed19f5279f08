import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorLine } from '../../components/ErrorLine';

/**
 * "Delete everything", behind a modal dialog in the page (not window.confirm): it has a title and a
 * description for screen readers, opens with focus on "Cancel" (the safe choice), closes with
 * Escape, and gives focus back to the button that opened it.
 */
export function DeleteEverything({ onDelete }: { onDelete: () => Promise<string> }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      // showModal makes the rest of the page inert and traps Tab inside the dialog.
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
      cancel.current?.focus();
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
      opener.current?.focus();
    }
  }, [open]);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      setStatus(await onDelete());
      setOpen(false);
    } catch (e) {
      setError(`Deleting did not finish: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <button type="button" class="bs-btn bs-btn-danger" ref={opener} onClick={() => setOpen(true)}>
        Delete everything…
      </button>
      <dialog
        ref={dialog}
        class="opt-dialog"
        aria-labelledby="opt-del-title"
        aria-describedby="opt-del-desc"
        // Escape (the dialog's own cancel event) closes it through our state, so focus goes back.
        onCancel={(e) => {
          e.preventDefault();
          if (!busy) setOpen(false);
        }}
      >
        <h2 id="opt-del-title" class="nb-h2">
          Delete everything?
        </h2>
        <p id="opt-del-desc">
          This deletes your notes, the cards you made or edited, every page where you met a name, the look-up cache,
          your settings and the sites you added (look-ups stay off if you turned them off). The starter cards are
          installed again. This cannot be undone: export first if you may want any of it back.
        </p>
        <div class="nb-actions">
          <button type="button" class="bs-btn bs-btn-danger" disabled={busy} onClick={() => void confirm()}>
            Delete everything
          </button>
          <button type="button" class="bs-btn" ref={cancel} disabled={busy} onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
        <ErrorLine message={error} />
      </dialog>
      <p role="status" class="bs-status">
        {status}
      </p>
    </div>
  );
}

/** The dialog's frame (px only). */
export const deleteDialogCss = `
.opt-dialog { max-width: 460px; padding: 16px 20px; border: 1px solid currentColor; border-radius: 8px; background: var(--bs-bg); color: var(--bs-fg); }
.opt-dialog::backdrop { background: rgba(0, 0, 0, 0.4); }
`;
