import { useId, useState } from 'preact/hooks';
import { ErrorLine } from './ErrorLine';

/** A card a note links to, as the editor shows it. */
export interface LinkedCard {
  id: string;
  name: string;
}

export interface LinkEditorProps {
  links: LinkedCard[];
  onChange: (links: LinkedCard[]) => void;
  /** The card a typed name stands for, or null when there is none. */
  findCard: (name: string) => Promise<LinkedCard | null>;
}

/**
 * The entities a note is linked to, each with "Remove link to <name>", and a field to link one
 * more by name ("Link an entity" + "Link"). An unknown name is said in role="alert".
 */
export function LinkEditor({ links, onChange, findCard }: LinkEditorProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function add() {
    const wanted = name.trim();
    if (!wanted) return;
    const card = await findCard(wanted).catch(() => null);
    if (!card) {
      setError(`No card named "${wanted}". Create it from a page first, then link it here.`);
      return;
    }
    setError(null);
    setName('');
    if (!links.some((l) => l.id === card.id)) onChange([...links, card]);
  }

  return (
    <fieldset class="bs-links">
      <legend>Linked entities</legend>
      {links.length === 0 ? (
        <p class="bs-muted">No entity linked.</p>
      ) : (
        <ul aria-label="Linked entities">
          {links.map((l) => (
            <li key={l.id}>
              {l.name}{' '}
              <button
                type="button"
                class="bs-btn bs-btn-link"
                aria-label={`Remove link to ${l.name}`}
                onClick={() => onChange(links.filter((x) => x.id !== l.id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="bs-editor-row">
        <label for={id}>Link an entity</label>
        <input
          id={id}
          type="text"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
          }}
        />
        <button type="button" class="bs-btn" onClick={() => void add()}>
          Link
        </button>
      </div>
      <ErrorLine message={error} />
    </fieldset>
  );
}
