import { useEffect, useRef } from 'preact/hooks';
import { pageUrl } from '../lib/sites/tracking-params';
import { getPageTimeline, type StoredTimelineEntry } from '../lib/db/page-timelines';
import type { Card, Note } from '../lib/db/records';
import type { BackstoryDB } from '../lib/db/schema';
import { formatWhen } from '../lib/timeline/format';
import { safeHref } from './CardView';
import { timelineCss } from './Timeline';
import { useLiveQuery } from './use-live-query';

/** The page URL in "#page=<url>", or null. */
export function pageOfHash(hash: string): string | null {
  const m = /^#page=(.+)$/.exec(hash);
  if (!m?.[1]) return null;
  try {
    return pageUrl(decodeURIComponent(m[1]));
  } catch {
    return null;
  }
}

/** The notebook link to a page's view. */
export function pageHref(url: string): string {
  return `#page=${encodeURIComponent(pageUrl(url))}`;
}

/**
 * Everything the notebook knows about one page. Cost: two primary-key gets (timeline, the page's
 * mention record), one pass over the notes (no index on a note's page; the reader's notes
 * number in the thousands at most) and a bulkGet of the cards they name.
 */
async function loadPage(db: BackstoryDB, url: string) {
  return db.transaction('r', [db.timelines, db.pageMentions, db.notes, db.cards], async () => {
    const [timeline, met, notes] = await Promise.all([
      getPageTimeline(db, url),
      db.pageMentions.get(url),
      db.notes.filter((n) => !!n.page && pageUrl(n.page.url) === url).toArray(),
    ]);
    const named = met?.cardIds ?? [];
    const ids = [...new Set([...notes.flatMap((n) => n.cardIds ?? [n.cardId]), ...named])];
    const cards = new Map<string, Card>();
    for (const c of await db.cards.bulkGet(ids.filter(Boolean))) if (c) cards.set(c.id, c);
    notes.sort((a, b) => b.createdAt - a.createdAt);
    const title = timeline?.title || met?.title || notes[0]?.page?.title || url;
    return { timeline, named, notes, cards, title };
  });
}

export interface NotebookPageProps {
  db: BackstoryDB;
  /** The page's URL (no #fragment). */
  url: string;
  onBack: () => void;
}

/** A link to a card's notebook view, or its bare name when it has no card. */
function CardLink({ id, name }: { id?: string; name: string }) {
  return id ? <a href={`#entity=${encodeURIComponent(id)}`}>{name}</a> : <span>{name}</span>;
}

function Entry({ e }: { e: StoredTimelineEntry }) {
  return (
    <li class="bs-tl-item">
      <h4 class="bs-tl-date">{formatWhen(e.when)}</h4>
      <p style={{ margin: '0 0 4px' }}>{e.what}</p>
      {e.entities.length > 0 && (
        <ul class="bs-tl-chips" aria-label={`Names in: ${e.what}`}>
          {e.entities.map((n) => (
            <li key={n.key}>
              <CardLink id={n.cardId} name={n.name} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The notebook's page view ("#page=<url>"): the reader's notes written on a page, the page's
 * timeline as kept when it was read (oldest first, the article's date said above it), and the
 * names met there, each linking to its entity view. Live: a rescan or a new note shows at once.
 */
export function NotebookPage({ db, url, onBack }: NotebookPageProps) {
  const root = useRef<HTMLElement>(null);
  const page = useLiveQuery(() => loadPage(db, url), [db, url]);
  useEffect(() => root.current?.querySelector<HTMLElement>('h2')?.focus(), [url, !!page.value]);
  const v = page.value;
  const href = safeHref(url);
  return (
    <section class="nb-entity" ref={root} aria-label={v?.title ?? 'Page'}>
      <style>{timelineCss}</style>
      <button type="button" class="bs-btn" onClick={onBack}>
        Back to notes
      </button>
      {page.error && (
        <p role="alert" class="bs-error">
          Could not read this page’s notes: {page.error}
        </p>
      )}
      {!v && !page.error && <p class="bs-muted">Loading…</p>}
      {v && (
        <>
          <h2 tabIndex={-1}>{v.title}</h2>
          <p class="bs-muted">
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                Open the page
              </a>
            ) : (
              url
            )}
            {v.timeline?.publishedDay && ` · published ${formatWhen(v.timeline.publishedDay)}`}
          </p>
          <h3 class="nb-h3">Your notes on this page</h3>
          {v.notes.length === 0 ? (
            <p class="bs-muted">You have not written a note on this page.</p>
          ) : (
            <ul role="list" aria-label="Notes on this page">
              {v.notes.map((n) => (
                <NoteLine key={n.id} note={n} cards={v.cards} />
              ))}
            </ul>
          )}
          <h3 class="nb-h3">Timeline</h3>
          {!v.timeline ? (
            <p class="bs-muted">
              No timeline was kept for this page. Backstory keeps one when it reads a page (never in private windows).
            </p>
          ) : v.timeline.entries.length === 0 ? (
            <p class="bs-muted">Backstory found no dates in this article.</p>
          ) : (
            <>
              {!v.timeline.publishedDay && (
                <p class="bs-muted">The article gives no date: relative dates are shown as written.</p>
              )}
              <ol class="bs-tl" aria-label="Timeline">
                {v.timeline.entries.map((e, i) => (
                  <Entry key={i} e={e} />
                ))}
              </ol>
            </>
          )}
          <h3 class="nb-h3">Names on this page</h3>
          {v.named.length === 0 ? (
            <p class="bs-muted">No names with a card were recorded on this page.</p>
          ) : (
            <ul role="list" aria-label="Names on this page" class="bs-tl-chips">
              {v.named.map((id) => (
                <li key={id}>
                  <CardLink id={id} name={v.cards.get(id)?.name ?? id} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function NoteLine({ note, cards }: { note: Note; cards: Map<string, Card> }) {
  const ids = note.cardIds ?? (note.cardId ? [note.cardId] : []);
  return (
    <li class="nb-note" style={{ height: 'auto' }}>
      {note.quote && <blockquote class="nb-quote">{note.quote.exact}</blockquote>}
      {note.body && <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{note.body}</p>}
      {ids.length > 0 && (
        <p class="bs-muted" style={{ margin: 0 }}>
          On{' '}
          {ids.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <CardLink id={cards.has(id) ? id : undefined} name={cards.get(id)?.name ?? 'a deleted card'} />
            </span>
          ))}
        </p>
      )}
    </li>
  );
}
