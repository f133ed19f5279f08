/**
 * The article's timeline in the popup: a vertical line of dated entries, oldest first, with the
 * article's own date marked. Each entry's text is a button that scrolls the page to its sentence
 * and flashes it; its entity chips open the entity's card. Colours come from uiCss variables, so
 * light and dark follow the popup.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result, TabReplies } from '../lib/messaging/protocol';
import { buildTimeline, type Timeline as TimelineData, type TimelineEntry } from '../lib/timeline/build';
import { formatWhen } from '../lib/timeline/format';
import type { NamedEntity } from '../lib/timeline/sentences';

/** px only; the line and dots are drawn with borders, no SVG needed. */
export const timelineCss = `
.bs-tl{list-style:none;margin:8px 0 0;padding:0 0 0 16px;border-left:2px solid var(--bs-line);}
.bs-tl-item{position:relative;margin:0 0 12px;padding-left:8px;}
.bs-tl-item::before{content:"";position:absolute;left:-23px;top:5px;width:10px;height:10px;border-radius:50%;background:var(--bs-accent);border:2px solid var(--bs-bg);}
.bs-tl-now::before{background:var(--bs-danger);}
.bs-tl-date{margin:0 0 2px;font-size:13px;font-weight:600;}
.bs-tl-what{display:block;width:100%;text-align:left;background:none;border:1px solid transparent;border-radius:4px;padding:2px 4px;margin:0 0 4px -4px;color:var(--bs-fg);font:inherit;font-size:14px;cursor:pointer;}
.bs-tl-what:hover{border-color:var(--bs-line);background:var(--bs-soft);}
.bs-tl-what:focus-visible,.bs-tl-chip:focus-visible{outline:2px solid var(--bs-focus);outline-offset:2px;}
.bs-tl-chips{display:flex;flex-wrap:wrap;gap:4px;margin:0;padding:0;list-style:none;}
.bs-tl-chip{font:inherit;font-size:12px;padding:1px 8px;border-radius:10px;border:1px solid var(--bs-line);background:var(--bs-soft);color:var(--bs-fg);cursor:pointer;}
`;

export interface TimelineViewProps<E extends NamedEntity> {
  timeline: TimelineData<E>;
  /** Scrolls the page to the entry's sentence; resolves to false when it could not. */
  onReveal: (entry: TimelineEntry<E>) => Promise<boolean>;
  onChooseEntity: (entity: E) => void;
}

/** The drawn timeline (pure: give it a built timeline). */
export function TimelineView<E extends NamedEntity>({ timeline, onReveal, onChooseEntity }: TimelineViewProps<E>) {
  const [status, setStatus] = useState('');
  const { entries, published } = timeline;
  if (entries.length === 0) return <p class="bs-muted">No dates found in this article.</p>;
  // The article's own date sits among the entries, after everything that starts on or before it.
  const at = published
    ? entries.filter((e) => e.when.kind === 'resolved' && e.when.start <= published.start).length
    : -1;
  const items = entries.map((e, i) => {
    const date = formatWhen(e.when);
    return (
      <li class="bs-tl-item" key={`e${i}`}>
        <h3 class="bs-tl-date">{date}</h3>
        <button
          type="button"
          class="bs-tl-what"
          aria-label={`${date}: ${e.what}`}
          title="Show this passage on the page"
          onClick={async () => setStatus((await onReveal(e)) ? 'Shown on the page.' : 'Could not show it on the page.')}
        >
          {e.what}
        </button>
        {e.entities.length > 0 && (
          <ul class="bs-tl-chips" aria-label={`Names in: ${e.what}`}>
            {e.entities.map((n) => (
              <li key={n.key}>
                <button
                  type="button"
                  class="bs-tl-chip"
                  aria-label={`Open card: ${n.name}`}
                  onClick={() => onChooseEntity(n)}
                >
                  {n.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </li>
    );
  });
  if (published && at >= 0)
    items.splice(
      at,
      0,
      <li class="bs-tl-item bs-tl-now" key="published">
        <h3 class="bs-tl-date">{formatWhen(published)}</h3>
        <p class="bs-muted" style={{ margin: 0 }}>
          This article is published
        </p>
      </li>,
    );
  return (
    <>
      {!published && <p class="bs-muted">The article gives no date: relative dates are shown as written.</p>}
      <ol class="bs-tl" aria-label="Timeline">
        {items}
      </ol>
      <p role="status" class="bs-status">
        {status}
      </p>
    </>
  );
}

export interface TimelinePanelProps<E extends NamedEntity> {
  /** Asks the tab for its text (getArticleText). */
  load: () => Promise<Result<TabReplies['getArticleText']>>;
  entities: E[];
  reveal: (passage: { block: number; start: number; end: number }) => Promise<boolean>;
  onChooseEntity: (entity: E) => void;
}

/** Loads the article text from the tab, builds the timeline here (not in the page) and draws it. */
export function TimelinePanel<E extends NamedEntity>({
  load,
  entities,
  reveal,
  onChooseEntity,
}: TimelinePanelProps<E>) {
  const [state, setState] = useState<{ timeline: TimelineData<E> } | { error: string } | null>(null);
  // Read once when the panel opens; later renders of the popup must not ask the tab again.
  const first = useRef({ load, entities });
  useEffect(() => {
    let live = true;
    const { load, entities } = first.current;
    void load()
      .then((r) => {
        if (!live) return;
        if (!r.ok) return setState({ error: r.error });
        setState({ timeline: buildTimeline({ blocks: r.value.blocks, published: r.value.published, entities }) });
      })
      .catch((e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section aria-labelledby="bs-tl-heading">
      <style>{timelineCss}</style>
      <h2 id="bs-tl-heading">Timeline</h2>
      {state === null && (
        <p role="status" class="bs-muted">
          Reading the article’s dates…
        </p>
      )}
      {state && 'error' in state && (
        <p role="alert" class="bs-error">
          Could not read the article: {state.error}
        </p>
      )}
      {state && 'timeline' in state && (
        <TimelineView timeline={state.timeline} onReveal={(e) => reveal(e.passage)} onChooseEntity={onChooseEntity} />
      )}
    </section>
  );
}
