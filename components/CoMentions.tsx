import type { CoMention } from '../lib/db/co-occurrence';
import { KIND_LABELS } from './KindBadge';

export interface CoMentionsProps {
  /** The entity whose companions these are (for the words around the list). */
  name: string;
  /** Ranked companions; undefined while the first answer is on its way. */
  items: CoMention[] | undefined;
  error?: string;
}

/** "1 shared article" / "4 shared articles". */
function shared(n: number): string {
  return `${n.toLocaleString('en')} shared ${n === 1 ? 'article' : 'articles'}`;
}

/**
 * Who appears with an entity: the entities met on the same pages, most shared pages first,
 * each a link to its own notebook view, with a bar whose length is its share of the top count
 * (decorative: the count is in the text).
 */
export function CoMentions({ name, items, error }: CoMentionsProps) {
  if (error)
    return (
      <p role="alert" class="bs-error">
        Could not work out who appears with {name}: {error}
      </p>
    );
  if (!items) return <p class="bs-muted">Finding who appears with {name}…</p>;
  if (items.length === 0)
    return (
      <p class="bs-muted">
        No other name has shared an article with {name} yet. As you read, the names met beside it appear here.
      </p>
    );
  const top = items[0]?.pages ?? 1;
  return (
    <ol class="bs-comentions" role="list" aria-label={`Names most often in the same articles as ${name}`}>
      {items.map((c) => (
        <li key={c.cardId} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px' }}>
          <a href={`#entity=${encodeURIComponent(c.cardId)}`}>{c.name}</a>
          <span class="bs-muted">
            {KIND_LABELS[c.kind]} · {shared(c.pages)}
          </span>
          <span
            aria-hidden="true"
            style={{
              display: 'inline-block',
              height: '6px',
              borderRadius: '3px',
              background: 'currentColor',
              opacity: 0.35,
              width: `${Math.max(4, Math.round((c.pages / top) * 120))}px`,
            }}
          />
        </li>
      ))}
    </ol>
  );
}
