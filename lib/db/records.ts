import type { EntityKind } from '../entity';

/** Where a card's content came from. */
export type CardSource = 'starter' | 'reader' | 'wikipedia';

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
}

/** A reader's note on a card. */
export interface Note {
  id: string;
  cardId: string;
  body: string;
  page?: PageRef;
  createdAt: number;
  updatedAt: number;
}

/** A record that the reader met an entity on a page. */
export interface Mention {
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

/** Limits a note body must respect. */
export const NOTE_MAX_CHARS = 100_000;
