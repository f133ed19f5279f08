import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PageEntity } from '../../lib/messaging/protocol';
import type { PageRef } from '../../lib/db/records';
import { CardView } from '../../components/CardView';
import { NotesPanel } from '../../components/NotesPanel';
import { CardEditor, CardTools } from '../../components/CardEditor';
import type { PopupDeps } from './deps';
import { useFocusAfterRender } from './focus-after-render';
import { focusable } from './detail-focus';
import { useEntityCard } from './use-entity-card';
import { cardActions } from './card-actions';
import { noteActions } from './note-actions';
import { DetailNav } from './DetailNav';
import { sessionDrafts } from '../../lib/notebook/note-drafts';

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

/** One entity in the popup: "Back to list", its card, its notes (add/edit/delete). */
export function EntityDetail({ deps, tabId, entity, page, context = [], onBack }: EntityDetailProps) {
  const { data, error, lookup, load, chooseArticle, createCard } = useEntityCard(deps, tabId, entity, context);
  const root = useRef<HTMLDivElement>(null);
  const focused = useRef(false);
  const drafts = useMemo(() => sessionDrafts(entity.kind, entity.name), [entity.kind, entity.name]);
  const [editing, setEditing] = useState(false);
  // After each render: move focus where the last change asked (see FocusTarget).
  // At commit, not after paint: a deferred effect of an earlier render would take the target first.
  const focusNext = useFocusAfterRender(root, focusable);

  /** Opens or closes the card editor, with focus on its first field or back on "Edit card". */
  function edit(open: boolean) {
    focusNext.current = open ? 'editor' : 'editButton';
    setEditing(open);
  }

  const cardId = data?.card?.id;
  const cardOps = cardActions({ deps, cardId, load, focusNext, closeEditor: () => edit(false) });
  const noteOps = noteActions({ deps, page, cardId, createCard, load });

  // Once the card first shows, move focus to its heading so reading starts there.
  useEffect(() => {
    if (!data || focused.current) return;
    focused.current = true;
    root.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [data]);

  return (
    <div ref={root}>
      <DetailNav deps={deps} tabId={tabId} entity={entity} onBack={onBack} />
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
            lookup={lookup}
            onChoose={chooseArticle}
            onRetry={() => load(true)}
          />
          {data.card && editing && (
            <CardEditor card={data.card} onSave={cardOps.saveCard} onCancel={() => edit(false)} />
          )}
          {data.card && !editing && (
            <CardTools
              card={data.card}
              onEdit={() => edit(true)}
              onDelete={cardOps.removeCard}
              onMerge={(otherName) => cardOps.mergeInto({ otherName })}
              findCards={cardOps.findCards}
              onMergeCard={(dropId) => cardOps.mergeInto({ dropId })}
            />
          )}
          <NotesPanel
            notes={data.notes}
            onSave={noteOps.saveNote}
            onDelete={noteOps.deleteNote}
            onRestore={noteOps.restoreNote}
            drafts={drafts}
          />
        </div>
      )}
    </div>
  );
}
