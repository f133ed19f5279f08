/**
 * Builds an article's timeline from its text blocks, its publication date and the entities the
 * popup already knows: one entry per (date, event), oldest first; relative dates that could not
 * be resolved (no article date) come last, as written.
 */
import { dayOfIso, type Resolved, resolvedDay, type When } from './calendar';
import { extractDates } from './extract';
import { entitiesIn, eventPhrase, type NamedEntity, splitSentences } from './sentences';

/** One point of the timeline. */
export interface TimelineEntry<E extends NamedEntity = NamedEntity> {
  when: When;
  /** What happened, e.g. "Moscow annexed Ukraine’s Crimea region" (first letter capitalised). */
  what: string;
  /** The date words as written ("since 2014" → "2014"). */
  phrase: string;
  /** The passage to reveal on the page: the sentence, as offsets into block `block`. */
  passage: { block: number; start: number; end: number };
  entities: E[];
}

export interface Timeline<E extends NamedEntity = NamedEntity> {
  /** The article's own date, when known. */
  published: Resolved | null;
  entries: TimelineEntry<E>[];
}

export interface TimelineInput<E extends NamedEntity> {
  blocks: string[];
  /** ISO date or timestamp of the article; its calendar day is what relative dates hang on. */
  published?: string;
  entities: E[];
}

const capital = (s: string) => (s ? `${s[0]?.toUpperCase()}${s.slice(1)}` : s);

/**
 * Orders resolved dates by first day, then the narrower first (18 October before its week);
 * relative (unresolved) dates last.
 */
export function compareWhen(a: When, b: When): number {
  if (a.kind !== 'resolved' || b.kind !== 'resolved')
    return Number(a.kind !== 'resolved') - Number(b.kind !== 'resolved');
  return a.start.localeCompare(b.start) || a.end.localeCompare(b.end);
}

/** What makes two dates the same date: the resolved value (and part), or the phrase in any case. */
export const whenKey = (w: When): string =>
  w.kind === 'resolved' ? `${w.value}|${w.part ?? ''}` : `~${w.phrase.toLowerCase()}`;

/**
 * Dates of one sentence that can become entries: a sentence of prose names a few ("in 2001, 2004
 * and 2008"); a page's run of hundreds is no story, and each costs a pass over its sentence.
 */
const MAX_DATES_PER_SENTENCE = 12;

/** The article's timeline. Entries without an event phrase (datelines, "Updated: …") are left out. */
export function buildTimeline<E extends NamedEntity>({ blocks, published, entities }: TimelineInput<E>): Timeline<E> {
  const day = published ? dayOfIso(published) : null;
  const entries: TimelineEntry<E>[] = [];
  const seen = new Set<string>();
  blocks.forEach((block, b) => {
    for (const s of splitSentences(block)) {
      for (const d of extractDates(s.text, day).slice(0, MAX_DATES_PER_SENTENCE)) {
        const what = eventPhrase(s.text, d.start, d.end);
        if (!what) continue;
        const id = `${whenKey(d.when)}|${what.toLowerCase()}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const named = entitiesIn(what, entities);
        entries.push({
          when: d.when,
          what: capital(what),
          phrase: d.text,
          passage: { block: b, start: s.start, end: s.end },
          entities: named.length > 0 ? named : entitiesIn(s.text, entities).slice(0, 4),
        });
      }
    }
  });
  entries.sort((a, b) => compareWhen(a.when, b.when));
  return { published: day ? resolvedDay(day) : null, entries };
}
