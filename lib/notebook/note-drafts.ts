/**
 * Notes the reader began and has not saved, one per name. A hover card closes when the pointer
 * leaves it and the toolbar popup when the reader clicks elsewhere; neither may take the words with
 * it. The editor writes its text here as it is typed, and the card or popup shown next for that
 * name opens the editor on it again.
 *
 * Kept in the browser's session storage: in memory until the browser closes, and readable only by
 * the extension's own pages (Chromium keeps storage.session from content scripts unless an
 * extension opens it to them, which Backstory does not), so the page never sees a draft.
 */
import { browser } from 'wxt/browser';

/** A draft: for a new note, or for note `noteId` as it was at `baseUpdatedAt` when its editor opened. */
export interface NoteDraft {
  body: string;
  noteId?: string;
  baseUpdatedAt?: number;
}

/** The draft of one name's notes. */
export interface DraftStore {
  read(): Promise<NoteDraft | null>;
  /** Keeps `draft`, or forgets the draft with null (saved, or cancelled). Never rejects. */
  write(draft: NoteDraft | null): Promise<void>;
}

/** What session storage offers (browser.storage.session; a fake in tests). */
type Area = Pick<typeof browser.storage.session, 'get' | 'set' | 'remove'>;

/** The storage key of the drafts for `name` as a `kind`: one name, whatever its case. */
export function draftKey(kind: string, name: string): string {
  return `noteDraft:${kind}:${name.trim().toLowerCase()}`;
}

/** True for a stored value that is a draft (storage is shared with older and newer versions). */
function isDraft(value: unknown): value is NoteDraft {
  if (!value || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.body === 'string' &&
    (d.noteId === undefined || typeof d.noteId === 'string') &&
    (d.baseUpdatedAt === undefined || typeof d.baseUpdatedAt === 'number')
  );
}

/**
 * Where drafts are kept: session storage, except in a private window. Chrome shares an extension's
 * session storage between private and normal windows ("spanning" mode), and what a reader types in
 * a private window must not turn up in a normal one: there drafts last as long as the editor.
 */
export function draftArea(): Area | null {
  if (browser.extension?.inIncognitoContext) return null;
  return browser.storage?.session ?? null;
}

/**
 * The draft store of one name in session storage. Failures are swallowed: a draft that could not
 * be kept is still in the open editor, and a missing session storage (an old browser) only means
 * drafts last as long as the editor.
 */
export function sessionDrafts(kind: string, name: string, area: Area | null = draftArea()): DraftStore {
  const key = draftKey(kind, name);
  return {
    async read() {
      if (!area) return null;
      try {
        const value = (await area.get(key))[key];
        return isDraft(value) ? value : null;
      } catch {
        return null;
      }
    },
    async write(draft) {
      if (!area) return;
      try {
        await (draft ? area.set({ [key]: draft }) : area.remove(key));
      } catch {
        // See above: the text is still in the editor.
      }
    },
  };
}
