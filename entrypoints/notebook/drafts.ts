/**
 * Which of the notebook's editors hold text the reader has not saved. The editors (NoteEditor,
 * the notes panel of an entity) keep their drafts in their own state; rather than thread a
 * "dirty" flag out of each, the notebook watches the events they raise: an editor form the
 * reader typed in, or pressed a button of (a link added or removed), counts as changed until it
 * leaves the page (saved or cancelled). A failed save keeps the form, and so the draft, counted.
 */

export interface DraftWatch {
  /** Records an `input` or `click` event; listen on a container, in the capture phase. */
  touched: (event: Event) => void;
  /** True while an editor the reader changed is still open. */
  unsaved: () => boolean;
}

/** The form an event changed, if it is an editor's (the search box and filters are not drafts). */
function editedForm(event: Event): HTMLFormElement | null {
  const target = event.target;
  if (!(target instanceof Element)) return null;
  // A click changes a draft only on a button (Link, Remove link); a click into a field does not.
  if (event.type === 'click' && !target.closest('button')) return null;
  const form = target.closest('form');
  return form && form.getAttribute('role') !== 'search' ? form : null;
}

/**
 * A watch over the editors inside one container. Conservative on purpose: any change counts,
 * even one typed back to the original, since guessing wrong would lose the reader's words.
 */
export function draftWatch(): DraftWatch {
  const forms = new Set<HTMLFormElement>();
  return {
    touched(event) {
      const form = editedForm(event);
      if (form) forms.add(form);
    },
    unsaved() {
      // A form no longer in the page was saved or cancelled: its draft is gone.
      for (const form of forms) if (!form.isConnected) forms.delete(form);
      return forms.size > 0;
    },
  };
}
