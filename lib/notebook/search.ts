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
import { foldTerm } from './fold-term';

/** A note as the notebook sees it (the stored record). */
export type NotebookNote = Note;

/** Notes indexed between two yields to the page during a large sync. */
const CHUNK = 500;
/** Words whose results search() keeps. */
const CACHED_WORDS = 32;
/** How the index splits text into words (MiniSearch's default, which the index uses). */
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

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
    // Applies to queries too (MiniSearch uses it unless searchOptions sets its own).
    processTerm: foldTerm,
    searchOptions: {
      boost: { entity: 2, tags: 2, pageTitle: 1.5 },
      // search() sets prefix and fuzzy per word; a fuzzy match is one letter off at most, as a
      // fuzzy walk of the whole vocabulary on every keystroke is what made typing slow.
      maxFuzzy: 1,
    },
  });
  private indexed = new Map<string, string>();
  /** Per-word results (see search()), emptied whenever the index changes. */
  private cache = new Map<string, Map<string, number>>();
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
    let gone = 0;
    for (const id of [...this.indexed.keys()]) {
      if (live.has(id)) continue;
      this.index.discard(id);
      this.indexed.delete(id);
      gone++;
    }
    if (fresh.length === 0 && gone === 0) return;
    this.cache.clear();
    if (fresh.length > CHUNK) await this.index.addAllAsync(fresh, { chunkSize: CHUNK });
    else this.index.addAll(fresh);
    // A search made while a large batch was being added cached a partial answer.
    this.cache.clear();
  }

  /** Number of notes indexed. */
  get size(): number {
    return this.indexed.size;
  }

  /**
   * The ids of notes matching every word of `query`, best match first; null for a blank
   * query (meaning "no search": every note).
   *
   * Each word is searched on its own and the per-word scores (cached) are summed over the notes
   * that match every word: what MiniSearch's AND does (its score is that sum times the number of
   * words, the same for every hit), but while the reader types only the last word is searched
   * again; the finished words, fuzzy ones included, come from the cache.
   */
  search(query: string): string[] | null {
    const words = query.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return null;
    // A word of one or two letters just begun after others waits for its third letter instead of
    // emptying the list ("kyiv grain d" shows what "kyiv grain" shows).
    const last = words[words.length - 1] ?? '';
    const used = words.length > 1 && last.length < 3 ? words.slice(0, -1) : words;
    // The index's own tokenizer and folding, so "U.S." splits here as it did when indexed and
    // the length rules below count the letters of the folded word ("a\u0301" is one letter).
    const terms = tokenize(used.join(' ')).map(foldTerm).filter(Boolean);
    const n = terms.length;
    // Only the word being typed (the last) is a prefix, and only from its third letter: "s"
    // alone would match most of the vocabulary and cost a scoring pass over every note. Typos
    // are forgiven only in finished longer words, one letter at most (maxFuzzy).
    let hits = this.allOf(terms.map((t, i) => this.scores(t, i === n - 1 && t.length >= 3, i < n - 1 && t.length > 5)));
    // Only a long last word can be a typo the first pass did not forgive: try every long word fuzzily.
    if (hits.length === 0 && (used[used.length - 1] ?? '').length > 4)
      hits = this.allOf(terms.map((t, i) => this.scores(t, i === n - 1 && t.length >= 3, t.length > 4)));
    return hits;
  }

  /** Note id → score for one word (cached until the index changes). */
  private scores(term: string, prefix: boolean, fuzzy: boolean): Map<string, number> {
    const key = `${prefix ? 'p' : '-'}${fuzzy ? 'f' : '-'}${term}`;
    let found = this.cache.get(key);
    if (!found) {
      found = new Map();
      for (const r of this.index.search(term, { prefix, fuzzy: fuzzy ? 0.2 : false })) found.set(String(r.id), r.score);
      // Forget the oldest word past a few dozen: the ones in use are a handful.
      if (this.cache.size >= CACHED_WORDS) this.cache.delete(this.cache.keys().next().value ?? '');
      this.cache.set(key, found);
    }
    return found;
  }

  /** Notes in every one of `lists`, by summed score, best first (walking the shortest list). */
  private allOf(lists: Map<string, number>[]): string[] {
    if (lists.length === 0) return [];
    const [shortest, ...rest] = [...lists].sort((a, b) => a.size - b.size);
    const out: { id: string; score: number }[] = [];
    for (const [id, score] of shortest ?? []) {
      let sum = score;
      for (const other of rest) {
        const s = other.get(id);
        if (s === undefined) {
          sum = Number.NaN;
          break;
        }
        sum += s;
      }
      if (!Number.isNaN(sum)) out.push({ id, score: sum });
    }
    return out.sort((a, b) => b.score - a.score).map((r) => r.id);
  }
}
