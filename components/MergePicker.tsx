import { useEffect, useId, useState } from 'preact/hooks';
import type { CardChoice } from '../lib/db/card-search';
import type { Card } from '../lib/db/records';
import { KIND_LABELS } from './KindBadge';
import { ErrorLine } from './ErrorLine';

export interface MergePickerProps {
  /** The card the other one is merged into (left out of the list). */
  card: Card;
  /** Cards whose names match the query (an empty query: recent cards). */
  findCards: (query: string) => Promise<CardChoice[]>;
  /** Merges the chosen card into `card`; resolves to an error message or null. */
  onMerge: (otherId: string) => Promise<string | null>;
  onCancel: () => void;
}

/**
 * "Merge with…": a search box over the existing cards and the matches as a radio group (name,
 * kind, description), so the reader picks the other card instead of typing its exact name.
 * Answers that arrive after a newer query are dropped.
 */
export function MergePicker({ card, findCards, onMerge, onCancel }: MergePickerProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<CardChoice[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    let current = true;
    findCards(query)
      .then((found) => {
        if (!current) return;
        const others = found.filter((c) => c.id !== card.id);
        setResults(others);
        setChosen((was) => (others.some((c) => c.id === was) ? was : null));
      })
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [query, card.id]);

  async function submit(e: Event) {
    e.preventDefault();
    if (!chosen || busy) return;
    setBusy(true);
    setError(null);
    try {
      const problem = await onMerge(chosen);
      if (problem) setError(problem);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="bs-editor" aria-label={`Merge another card into ${card.name}`} onSubmit={(e) => void submit(e)}>
      <label for={`${id}-q`}>Find the card that is the same as this one</label>
      <input
        id={`${id}-q`}
        type="search"
        maxLength={300}
        autoComplete="off"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <fieldset
        class="bs-merge-list"
        style={{ border: 0, padding: 0, margin: 0, maxHeight: '200px', overflowY: 'auto' }}
      >
        <legend class="bs-sr">Cards to merge into {card.name}</legend>
        {results === null && <p class="bs-muted">Loading cards…</p>}
        {results?.length === 0 && (
          <p class="bs-muted">
            {query.trim() ? `No other card matches “${query.trim()}”.` : 'There is no other card yet.'}
          </p>
        )}
        {results?.map((c) => (
          <div key={c.id} style={{ display: 'flex', gap: '6px', alignItems: 'baseline' }}>
            <input
              type="radio"
              id={`${id}-${c.id}`}
              name={`${id}-target`}
              value={c.id}
              checked={chosen === c.id}
              onChange={() => setChosen(c.id)}
            />
            <label for={`${id}-${c.id}`}>
              {c.name}{' '}
              <span class="bs-muted">
                ({KIND_LABELS[c.kind]}
                {c.description ? `: ${c.description}` : ''})
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <div class="bs-editor-row">
        <button type="submit" class="bs-btn bs-btn-primary" disabled={!chosen || busy}>
          Merge cards
        </button>
        <button type="button" class="bs-btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorLine message={error} />
    </form>
  );
}
