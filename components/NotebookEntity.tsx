import { useEffect, useRef } from 'preact/hooks';
import { coMentions } from '../lib/db/co-occurrence';
import type { Card, Mention, Note } from '../lib/db/records';
import type { BackstoryDB } from '../lib/db/schema';
import { CardView, safeHref } from './CardView';
import { CoMentions } from './CoMentions';
import { MentionStrip } from './MentionStrip';
import { pageHref } from './NotebookPage';
import { NotesPanel } from './NotesPanel';
import { useLiveQuery } from './use-live-query';

export interface NotebookEntityProps {
  /** The card, or null when there is no such card (a stale link). */
  card: Card | null;
  notes: Note[];
  /** Where the reader met it (any order; shown newest first). */
  mentions: Mention[];
  /** Creates or edits a note (see NotesPanel's onSave). */
  onSave: (body: string, noteId?: string, baseUpdatedAt?: number) => Promise<string | null>;
  onDelete: (noteId: string) => Promise<void>;
  onBack: () => void;
  /**
   * The database, for "who appears with whom" (a live query of its own, so it follows the
   * reader's browsing). Without it that section is left out.
   */
  db?: BackstoryDB;
  /** "Now" for the weekly strip (tests pass a fixed time). */
  now?: number;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * One entity in the notebook: its card, every note on it (add, edit, delete), who appears with
 * it (entities sharing its pages, ranked), its mentions per week over the last year, and where
 * the reader met it: a table of the pages that mentioned it, newest first.
 */
export function NotebookEntity({ card, notes, mentions, onSave, onDelete, onBack, db, now }: NotebookEntityProps) {
  const root = useRef<HTMLElement>(null);
  const cardId = card?.id;
  const companions = useLiveQuery(() => (db && cardId ? coMentions(db, cardId) : Promise.resolve([])), [db, cardId]);
  // Opening an entity moves focus to its name, so reading starts there.
  useEffect(() => root.current?.querySelector<HTMLElement>('h2')?.focus(), [card?.id]);

  if (!card) {
    return (
      <section class="nb-entity" ref={root}>
        <button type="button" class="bs-btn" onClick={onBack}>
          Back to notes
        </button>
        <h2 tabIndex={-1}>Card not found</h2>
        <p>This card is no longer in your notebook.</p>
      </section>
    );
  }
  const seen = [...mentions].sort((a, b) => b.seenAt - a.seenAt);
  const pages = new Set(seen.map((m) => m.url)).size;
  return (
    <section class="nb-entity" ref={root} aria-label={card.name}>
      <button type="button" class="bs-btn" onClick={onBack}>
        Back to notes
      </button>
      <div class="bs-panel nb-entity-card">
        <CardView entity={{ name: card.name, kind: card.kind }} card={card} seenIn={pages} />
        <NotesPanel notes={notes} onSave={onSave} onDelete={onDelete} />
      </div>
      {db && (
        <>
          <h3 class="nb-h3">Who appears with {card.name}</h3>
          <CoMentions name={card.name} items={companions.value} error={companions.error} />
        </>
      )}
      <h3 class="nb-h3">Mentions of {card.name} per week</h3>
      <MentionStrip name={card.name} mentions={mentions} now={now} />
      <h3 class="nb-h3" id="nb-met">
        Where you met {card.name}
      </h3>
      {seen.length === 0 ? (
        <p class="bs-muted">Backstory has not recorded a page that mentioned this name.</p>
      ) : (
        <div class="nb-table-wrap">
          <table class="nb-table" aria-labelledby="nb-met">
            <thead>
              <tr>
                <th scope="col">Page</th>
                <th scope="col">Site</th>
                <th scope="col">Date</th>
                <th scope="col">Sentence</th>
                <th scope="col">In your notebook</th>
              </tr>
            </thead>
            <tbody>
              {seen.map((m) => {
                const href = safeHref(m.url);
                return (
                  <tr key={m.id ?? `${m.url}`}>
                    <td>
                      {href ? (
                        <a href={href} target="_blank" rel="noopener noreferrer">
                          {m.title || m.url}
                        </a>
                      ) : (
                        m.title || m.url
                      )}
                    </td>
                    <td>{m.site}</td>
                    <td>
                      <time dateTime={new Date(m.seenAt).toISOString()}>{dateFormat.format(m.seenAt)}</time>
                    </td>
                    <td>{m.sentence}</td>
                    <td>
                      <a href={pageHref(m.url)} aria-label={`Notes and timeline of ${m.title || m.url}`}>
                        Notes and timeline
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
