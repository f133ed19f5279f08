/**
 * Full-text search over the reader's notes.
 *
 * Why MiniSearch: it is a small (≈7 kB gzipped), dependency-free, actively maintained
 * in-memory index with prefix and fuzzy matching, field boosts and incremental add/discard.
 * That gives results as the reader types ("stolt" finds Stoltenberg, "stoltenbrg" too)
 * without a per-word Dexie index, which would need a schema change, would only do exact
 * prefixes, and would make every note write heavier for the background worker too. 10,000
 * notes index in well under a second and stay in the notebook page's memory only.
 */
import MiniSearch from 'minisearch';
import type { Card, Note } from '../db/records';

/** A note as the notebook sees it: quote and tags are optional fields later builds may add. */
export type NotebookNote = Note & { quote?: string; tags?: string[] };

/** Notes indexed between two yields to the page during a large sync. */
const CHUNK = 500;

/** What is indexed for each note. */
interface NoteDoc {
  id: string;
  body: string;
  quote: string;
  tags: string;
  entity: string;
  pageTitle: string;
}

/** What decides whether a note must be re-indexed: its own edits and its card's names. */
function signature(note: NotebookNote, card: Card | undefined): string {
  return `${note.updatedAt}\u0000${card?.name ?? ''}\u0000${card?.aliases.join('\u0001') ?? ''}`;
}

function docOf(note: NotebookNote, card: Card | undefined): NoteDoc {
  return {
    id: note.id,
    body: note.body,
    quote: note.quote ?? '',
    tags: (note.tags ?? []).join(' '),
    entity: card ? [card.name, ...card.aliases].join(' ') : '',
    pageTitle: note.page?.title ?? '',
  };
}

/**
 * An index of notes kept in step with the database: sync() with the latest notes and cards
 * re-indexes only what changed, so a live query can call it on every change.
 */
export class NoteSearch {
  private index = new MiniSearch<NoteDoc>({
    fields: ['body', 'quote', 'tags', 'entity', 'pageTitle'],
    storeFields: [],
    searchOptions: {
      boost: { entity: 2, tags: 2, pageTitle: 1.5 },
      // Only the word being typed (the last) is a prefix, and only from its third letter: "s"
      // alone would match most of the vocabulary and cost a scoring pass over every note.
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
      // Typos are forgiven only in longer words, so "un" does not match half the notebook.
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  private indexed = new Map<string, string>();
  private pending: Promise<void> = Promise.resolve();

  /**
   * Brings the index in line with `notes` (cards give each note its entity names). A large
   * batch (the first load of 10,000 notes) is indexed in chunks that yield to the page, so
   * the list stays responsive meanwhile; calls run one after another, never interleaved.
   */
  sync(notes: readonly NotebookNote[], cards: ReadonlyMap<string, Card>): Promise<void> {
    this.pending = this.pending.then(() => this.apply(notes, cards));
    return this.pending;
  }

  private async apply(notes: readonly NotebookNote[], cards: ReadonlyMap<string, Card>): Promise<void> {
    const live = new Set<string>();
    const fresh: NoteDoc[] = [];
    for (const note of notes) {
      live.add(note.id);
      const card = cards.get(note.cardId);
      const sig = signature(note, card);
      const old = this.indexed.get(note.id);
      if (old === sig) continue;
      if (old !== undefined) this.index.discard(note.id);
      this.indexed.set(note.id, sig);
      fresh.push(docOf(note, card));
    }
    for (const id of [...this.indexed.keys()]) {
      if (live.has(id)) continue;
      this.index.discard(id);
      this.indexed.delete(id);
    }
    if (fresh.length > CHUNK) await this.index.addAllAsync(fresh, { chunkSize: CHUNK });
    else this.index.addAll(fresh);
  }

  /** Number of notes indexed. */
  get size(): number {
    return this.indexed.size;
  }

  /**
   * The ids of notes matching every word of `query`, best match first; null for a blank
   * query (meaning "no search": every note).
   */
  search(query: string): string[] | null {
    if (!query.trim()) return null;
    return this.index.search(query).map((r) => String(r.id));
  }
}
