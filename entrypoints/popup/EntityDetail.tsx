import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { BackgroundReplies, PageEntity } from '../../lib/messaging/protocol';
import type { Note, PageRef } from '../../lib/db/records';
import { restorable } from '../../lib/db/note-model';
import { CardView } from '../../components/CardView';
import { NotesPanel } from '../../components/NotesPanel';
import { CardEditor, CardTools, type CardEditValues } from '../../components/CardEditor';
import { KIND_GROUPS } from '../../components/KindBadge';
import type { PopupDeps } from './deps';
import { useFocusAfterRender } from './focus-after-render';

export interface EntityDetailProps {
  deps: PopupDeps;
  tabId: number;
  entity: PageEntity;
  /** The page notes are written on; absent in a private window, where no page is recorded. */
  page?: PageRef;
  /** The page's other names, to choose among Wikipedia's articles (lib/lookup/page-context.ts). */
  context?: string[];
  onBack: () => void;
}

type CardData = BackgroundReplies['getCard'];

/** While Wikipedia is still being asked, the popup asks again this often, this many times. */
const PENDING_POLL_MS = 1500;
const PENDING_POLLS = 8;

/**
 * Where keyboard focus goes once the next render is drawn: the button the reader pressed ("Edit
 * card", "Save card", "Yes, delete card"...) is gone by then, and focus would fall to <body>.
 */
type FocusTarget = 'editor' | 'editButton' | 'heading';

/** The element of `target` inside `root`. */
function focusable(root: HTMLElement, target: FocusTarget): HTMLElement | null | undefined {
  if (target === 'heading') return root.querySelector<HTMLElement>('h2');
  if (target === 'editor') return root.querySelector<HTMLElement>('form[aria-label^="Edit card"] :is(input, textarea)');
  return [...root.querySelectorAll<HTMLElement>('button')].find((b) => b.textContent?.trim() === 'Edit card');
}

/** The popup's line after "Show on page" could not show the name. */
async function notShownNote(deps: PopupDeps, entity: PageEntity): Promise<string> {
  const kinds = await deps.markedKinds?.().catch(() => null);
  // The page marks only the kinds the reader chose (Options), and opens no card for the others.
  if (kinds && !kinds.includes(entity.kind)) return `${KIND_GROUPS[entity.kind]} are not marked on pages (Options).`;
  return 'Could not show it on the page.';
}

/** One entity in the popup: "Back to list", its card, its notes (add/edit/delete). */
export function EntityDetail({ deps, tabId, entity, page, context = [], onBack }: EntityDetailProps) {
  const [data, setData] = useState<CardData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revealNote, setRevealNote] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const focused = useRef(false);
  const polls = useRef(0);
  const [editing, setEditing] = useState(false);
  const focusNext = useFocusAfterRender(root, focusable);

  const ask = { name: entity.name, kind: entity.kind, aliases: entity.aliases, context };

  /** Fetches the card and notes; keeps showing the previous data while refreshing. */
  const load = useCallback(
    async (retry = false) => {
      // The tab lets the worker tell a private window's tab; `context` (the page's other names)
      // helps choose among Wikipedia's articles.
      const res = await deps.sendToBackground('getCard', { ...ask, tabId, ...(retry ? { retry } : {}) });
      if (res.ok) {
        setData(res.value);
        setError(null);
      } else setError(res.error);
      return res.ok;
      // Keyed on the entity, not on the `ask` object rebuilt each render.
    },
    [deps, tabId, entity.key],
  );

  useEffect(() => {
    void load();
  }, [load]);

  // After each render: move focus where the last change asked (see FocusTarget).
  // At commit, not after paint: a deferred effect of an earlier render would take the target first.
  /** Opens or closes the card editor, with focus on its first field or back on "Edit card". */
  function edit(open: boolean) {
    focusNext.current = open ? 'editor' : 'editButton';
    setEditing(open);
  }

  // A look-up still running answers "pending": ask again a few times until it settles.
  useEffect(() => {
    if (data?.lookup?.status !== 'pending' || polls.current >= PENDING_POLLS) return;
    polls.current++;
    const timer = setTimeout(() => void load(), PENDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [data, load]);

  async function chooseArticle(title: string): Promise<string | null> {
    const res = await deps.sendToBackground('chooseArticle', { name: entity.name, kind: entity.kind, title });
    if (!res.ok) return res.error;
    setData(res.value);
    return null;
  }

  async function saveCard(values: CardEditValues): Promise<string | null> {
    const cardId = data?.card?.id;
    if (!cardId) return 'There is no card to edit.';
    const res = await deps.sendToBackground('updateCard', { cardId, ...values });
    if (!res.ok) return res.error;
    edit(false);
    await load();
    return null;
  }

  async function removeCard(): Promise<string | null> {
    const cardId = data?.card?.id;
    if (!cardId) return null;
    const res = await deps.sendToBackground('deleteCard', { cardId });
    if (!res.ok) return res.error;
    // The card's tools go with the card: the heading (the name) is where reading goes on.
    focusNext.current = 'heading';
    await load();
    return null;
  }

  /** Merges the card picked by name (`otherName`) or from the list (`dropId`) into this one. */
  async function mergeInto(other: { otherName: string } | { dropId: string }): Promise<string | null> {
    const keepId = data?.card?.id;
    if (!keepId) return 'There is no card to merge into.';
    const res = await deps.sendToBackground('mergeCards', { keepId, ...other });
    if (!res.ok) return res.error;
    focusNext.current = 'heading'; // the merge picker closes
    await load();
    return null;
  }

  async function findCards(query: string) {
    const excludeId = data?.card?.id;
    const res = await deps.sendToBackground('findCards', excludeId ? { query, excludeId } : { query });
    if (!res.ok) throw new Error(res.error);
    return res.value.cards;
  }

  // Once the card first shows, move focus to its heading so reading starts there.
  useEffect(() => {
    if (!data || focused.current) return;
    focused.current = true;
    root.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [data]);

  async function createCard(): Promise<string> {
    const res = await deps.sendToBackground('createCard', ask);
    if (!res.ok) throw new Error(res.error);
    await load();
    return res.value.card.id;
  }

  async function saveNote(body: string, noteId?: string, baseUpdatedAt?: number): Promise<string | null> {
    try {
      // A note needs a card to belong to: make one first for a name without a card.
      const cardId = data?.card?.id ?? (await createCard());
      // No page in a private window: the note keeps no address or title of it (README). An edit
      // names the version it began on, so a newer one saved elsewhere meanwhile is not overwritten.
      const res = await deps.sendToBackground('saveNote', {
        cardId,
        noteId,
        body,
        ...(page ? { page } : {}),
        ...(baseUpdatedAt !== undefined ? { baseUpdatedAt } : {}),
      });
      if (!res.ok) return res.error;
      await load();
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }

  async function deleteNote(noteId: string): Promise<void> {
    const res = await deps.sendToBackground('deleteNote', { noteId });
    if (!res.ok) throw new Error(res.error);
    await load();
  }

  async function restoreNote(note: Note): Promise<string | null> {
    const res = await deps.sendToBackground('restoreNote', { note: restorable(note) });
    if (!res.ok) return res.error;
    await load();
    return null;
  }

  async function reveal() {
    const res = await deps.sendToTab(tabId, 'revealEntity', { key: entity.key });
    setRevealNote(res.ok && res.value.revealed ? 'Shown on the page.' : await notShownNote(deps, entity));
  }

  return (
    <div ref={root}>
      <div class="bs-card-actions bs-detail-nav">
        <button type="button" class="bs-btn" onClick={onBack}>
          <span aria-hidden="true">←</span> Back to list
        </button>
        <button type="button" class="bs-btn" onClick={() => void reveal()}>
          Show on page
        </button>
      </div>
      <p role="status" class="bs-status">
        {revealNote}
      </p>
      {error && (
        <div class="bs-card-actions">
          <p role="alert" class="bs-error">
            Could not load the card: {error}
          </p>
          <button type="button" class="bs-btn" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {!data && !error && (
        <p role="status" class="bs-muted">
          Loading card…
        </p>
      )}
      {data && (
        <div class="bs-panel">
          <CardView
            entity={{ name: entity.name, kind: entity.kind, count: entity.count }}
            card={data.card}
            seenIn={data.seenIn}
            onCreateCard={createCard}
            lookup={data.lookup}
            onChoose={chooseArticle}
            onRetry={() => load(true)}
          />
          {data.card && editing && <CardEditor card={data.card} onSave={saveCard} onCancel={() => edit(false)} />}
          {data.card && !editing && (
            <CardTools
              card={data.card}
              onEdit={() => edit(true)}
              onDelete={removeCard}
              onMerge={(otherName) => mergeInto({ otherName })}
              findCards={findCards}
              onMergeCard={(dropId) => mergeInto({ dropId })}
            />
          )}
          <NotesPanel notes={data.notes} onSave={saveNote} onDelete={deleteNote} onRestore={restoreNote} />
        </div>
      )}
    </div>
  );
}
