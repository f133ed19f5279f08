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
import { noteCardIds } from '../db/note-model';
import type { Card, Note } from '../db/records';

/** A note as the notebook sees it (the stored record). */
export type NotebookNote = Note;

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

/** The names of a note's cards, as one text (the names and aliases of each). */
function entityText(note: NotebookNote, cards: ReadonlyMap<string, Card>): string {
  const names: string[] = [];
  for (const id of noteCardIds(note)) {
    const card = cards.get(id);
    if (card) names.push(card.name, ...card.aliases);
  }
  return names.join(' ');
}

/** What decides whether a note must be re-indexed: its own edits and its cards' names. */
function signature(note: NotebookNote, entity: string): string {
  return `${note.updatedAt}\u0000${entity}`;
}

function docOf(note: NotebookNote, entity: string): NoteDoc {
  return {
    id: note.id,
    body: note.body,
    quote: note.quote?.exact ?? '',
    tags: (note.tags ?? []).join(' '),
    entity,
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
      // Typos are forgiven only in finished (not last) longer words, one letter at most: a fuzzy
      // walk of the whole vocabulary on every keystroke is what made typing slow. search() tries
      // the last word fuzzily too, but only when nothing matched without.
      fuzzy: (term, i, terms) => (i < terms.length - 1 && term.length > 5 ? 0.2 : false),
      maxFuzzy: 1,
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
      const entity = entityText(note, cards);
      const sig = signature(note, entity);
      const old = this.indexed.get(note.id);
      if (old === sig) continue;
      if (old !== undefined) this.index.discard(note.id);
      this.indexed.set(note.id, sig);
      fresh.push(docOf(note, entity));
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
    const words = query.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return null;
    // A word of one or two letters just begun after others waits for its third letter instead of
    // emptying the list ("kyiv grain d" shows what "kyiv grain" shows).
    const last = words[words.length - 1] ?? '';
    const used = words.length > 1 && last.length < 3 ? words.slice(0, -1) : words;
    const text = used.join(' ');
    let hits = this.index.search(text);
    // Only a long last word can be a typo the first pass did not forgive.
    if (hits.length === 0 && (used[used.length - 1] ?? '').length > 4)
      hits = this.index.search(text, { fuzzy: (term) => (term.length > 4 ? 0.2 : false) });
    return hits.map((r) => String(r.id));
  }
}
