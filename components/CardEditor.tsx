import { useState } from 'preact/hooks';
import type { CardChoice } from '../lib/db/card-search';
import type { Card } from '../lib/db/records';
import { MergePicker } from './MergePicker';
import { ErrorLine } from './ErrorLine';

/** The reader's edit of a card (aliases one per line in the form). */
export interface CardEditValues {
  description: string;
  summary: string;
  aliases: string[];
}

export interface CardEditorProps {
  card: Card;
  /** Saves; resolves to an error message or null on success. */
  onSave: (values: CardEditValues) => Promise<string | null>;
  onCancel: () => void;
}

/** Form to edit a card's description, summary and other names ("Save card" / "Cancel"). */
export function CardEditor({ card, onSave, onCancel }: CardEditorProps) {
  const [description, setDescription] = useState(card.description);
  const [summary, setSummary] = useState(card.summary);
  const [aliases, setAliases] = useState(card.aliases.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = `bs-edit-${card.id}`;

  async function submit(e: Event) {
    e.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      const problem = await onSave({
        description,
        summary,
        aliases: aliases
          .split('\n')
          .map((a) => a.trim())
          .filter(Boolean),
      });
      if (problem) setError(problem);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="bs-editor" aria-label={`Edit card ${card.name}`} onSubmit={(e) => void submit(e)}>
      <label for={`${id}-desc`}>Description</label>
      <input
        id={`${id}-desc`}
        type="text"
        maxLength={500}
        value={description}
        onInput={(e) => setDescription(e.currentTarget.value)}
      />
      <label for={`${id}-summary`}>Summary</label>
      <textarea
        id={`${id}-summary`}
        maxLength={5000}
        value={summary}
        onInput={(e) => setSummary(e.currentTarget.value)}
      />
      <label for={`${id}-aliases`}>Other names (one per line)</label>
      <textarea id={`${id}-aliases`} value={aliases} onInput={(e) => setAliases(e.currentTarget.value)} />
      <div class="bs-editor-row">
        <button type="submit" class="bs-btn bs-btn-primary" disabled={saving}>
          Save card
        </button>
        <button type="button" class="bs-btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <ErrorLine message={error} />
    </form>
  );
}

export interface CardToolsProps {
  card: Card;
  onEdit: () => void;
  /** Deletes the card; resolves to an error message or null. */
  onDelete: () => Promise<string | null>;
  /** Merges the card named `otherName` into this one; resolves to an error message or null. */
  onMerge: (otherName: string) => Promise<string | null>;
  /**
   * Searches the existing cards; with `onMergeCard`, "Merge with…" offers a searchable list
   * to pick from instead of a name to type.
   */
  findCards?: (query: string) => Promise<CardChoice[]>;
  /** Merges the card with id `otherId` into this one; resolves to an error message or null. */
  onMergeCard?: (otherId: string) => Promise<string | null>;
}

/** "Edit card", "Delete card" (asks first) and "Merge with…" for a card. */
export function CardTools({ card, onEdit, onDelete, onMerge, findCards, onMergeCard }: CardToolsProps) {
  const [mode, setMode] = useState<'idle' | 'confirmDelete' | 'merge'>('idle');
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function act(run: () => Promise<string | null>) {
    setError(null);
    const problem = await run().catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    if (problem) setError(problem);
    else setMode('idle');
  }

  return (
    <div class="bs-card-tools">
      <div class="bs-card-actions">
        <button type="button" class="bs-btn" onClick={onEdit}>
          Edit card
        </button>
        <button type="button" class="bs-btn" onClick={() => setMode('merge')}>
          Merge with…
        </button>
        <button type="button" class="bs-btn bs-btn-danger" onClick={() => setMode('confirmDelete')}>
          Delete card
        </button>
      </div>
      {mode === 'confirmDelete' && (
        <div class="bs-card-actions" role="group" aria-label="Confirm deletion">
          <p>Delete the card “{card.name}” and its notes?</p>
          <button type="button" class="bs-btn bs-btn-danger" onClick={() => void act(onDelete)}>
            Yes, delete card
          </button>
          <button type="button" class="bs-btn" onClick={() => setMode('idle')}>
            Keep it
          </button>
        </div>
      )}
      {mode === 'merge' && findCards && onMergeCard && (
        <MergePicker
          card={card}
          findCards={findCards}
          onMerge={async (otherId) => {
            const problem = await onMergeCard(otherId);
            if (!problem) setMode('idle');
            return problem;
          }}
          onCancel={() => setMode('idle')}
        />
      )}
      {mode === 'merge' && !(findCards && onMergeCard) && (
        <form
          class="bs-editor"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => onMerge(other.trim()));
          }}
        >
          <label for={`bs-merge-${card.id}`}>Name of the card that is the same as this one</label>
          <input
            id={`bs-merge-${card.id}`}
            type="text"
            maxLength={300}
            value={other}
            onInput={(e) => setOther(e.currentTarget.value)}
          />
          <div class="bs-editor-row">
            <button type="submit" class="bs-btn bs-btn-primary" disabled={!other.trim()}>
              Merge cards
            </button>
            <button type="button" class="bs-btn" onClick={() => setMode('idle')}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ErrorLine message={error} />
    </div>
  );
}
