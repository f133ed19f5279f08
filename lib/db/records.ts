import type { EntityKind } from '../entity';

/** Where a card's content came from. */
export type CardSource = 'starter' | 'reader' | 'wikipedia';

/** How precise a card date is: a year is not a day. */
export type DatePrecision = 'day' | 'month' | 'year';

/**
 * When an event happened: ISO `start` (and `end` for a span) written at `precision`
 * ("2014", "2014-02", "2014-02-20"); `label` replaces the formatted text when the plain dates
 * would mislead ("since February 2014").
 */
export interface CardDates {
  start: string;
  end?: string;
  precision: DatePrecision;
  label?: string;
}

/** A background card on a person, organisation, place or event. */
export interface Card {
  /** Slug id, e.g. "jens-stoltenberg"; reader-made cards get "reader-<uuid>". */
  id: string;
  name: string;
  kind: EntityKind;
  /** Other names it goes by ("Nato", "NATO", "North Atlantic Treaty Organization"). */
  aliases: string[];
  /**
   * Words for its people or things from it ("Russian" for Russia). Optional; they are part of
   * `keys` (so a look-up of "Russian" finds Russia) but are not names of the card, so the
   * detector is not told to mark them as names.
   */
  demonyms?: string[];
  /** nameKey() of name, every alias and every demonym: the multi-entry index cards are found by. */
  keys: string[];
  /** One line: "Secretary General of Nato (2014–2024)". */
  description: string;
  /** A short paragraph. */
  summary: string;
  /** Image URL (https or extension-relative), when the card has one. */
  image?: string;
  /** Link onward, usually Wikipedia. */
  url?: string;
  wikidata?: string;
  /** When it happened (events); optional, so older cards without it stay valid. */
  dates?: CardDates;
  source: CardSource;
  /** When a 'wikipedia' card was fetched (ms since epoch); it is refreshed after 30 days unless edited. */
  fetchedAt?: number;
  /** True once the reader edited or created it: starter upgrades and refreshes never overwrite it. */
  edited: boolean;
  createdAt: number;
  updatedAt: number;
}

/** The page a note was written on. */
export interface PageRef {
  url: string;
  title: string;
  /** Host name ("www.bbc.co.uk"); filled by saveNote and the version-4 upgrade. */
  site?: string;
}

/**
 * A passage quoted from a page, in the spirit of the W3C Web Annotation TextQuoteSelector:
 * the exact text plus a few characters before and after, enough to find it again.
 */
export interface NoteQuote {
  exact: string;
  /** Up to ~32 characters just before `exact` ('' at the start of the text). */
  prefix: string;
  /** Up to ~32 characters just after `exact`. */
  suffix: string;
}

/**
 * A reader's note. It links to any number of cards (`cardIds`, a multi-entry index);
 * `cardId` stays as the first of them ('' for a quote linked to no card yet) so code written
 * for one card per note keeps working. `cardIds` and `tags` are optional in the type only for
 * records made by older code: saveNote and the version-4 upgrade always write them.
 */
export interface Note {
  id: string;
  cardId: string;
  cardIds?: string[];
  /** Light Markdown; may be empty when the note holds a quote. */
  body: string;
  quote?: NoteQuote;
  tags?: string[];
  page?: PageRef;
  createdAt: number;
  updatedAt: number;
}

/**
 * A record that the reader met an entity on a page: the flat view of one entry of a
 * PageMentions record, and the shape of a mention in export files.
 */
export interface Mention {
  /** Only on rows of the version-2..5 `mentions` table; the flat views made since have none. */
  id?: number;
  cardId: string;
  url: string;
  title: string;
  /** Host name, e.g. "www.thenationalnews.com". */
  site: string;
  /** The sentence it first appeared in, for "where you met it". */
  sentence: string;
  seenAt: number;
}

/**
 * Every card the reader met on one page, as stored since schema version 6: one record per page
 * (not one row per card per page), so recording a page or importing 50,000 mentions writes a few
 * thousand records instead of 50,000. `cardIds`, `sentences` and `seenAts` are parallel: entry i
 * of each belongs to the same card. `Mention` stays the flat view of one entry (see mentionsOf).
 */
export interface PageMentions {
  /** The page URL without its #fragment: the primary key. */
  url: string;
  title: string;
  /** Host name, e.g. "www.thenationalnews.com". */
  site: string;
  /** When the page was first recorded (the earliest of `seenAts`). */
  seenAt: number;
  /** The cards met on the page, each once (a multi-entry index: "pages that mention X"). */
  cardIds: string[];
  /** The sentence each card first appeared in. */
  sentences: string[];
  /** When each card was first met on the page (ms since epoch). */
  seenAts: number[];
}

/** Limits a note body must respect. */
export const NOTE_MAX_CHARS = 100_000;
/** Longest quote kept (characters of `exact`). */
export const QUOTE_MAX_CHARS = 10_000;
/** Most tags on one note, and the longest tag. */
export const MAX_TAGS = 50;
export const TAG_MAX_CHARS = 60;
/** Most cards one note links to. */
export const MAX_NOTE_CARDS = 50;
