/**
 * Backstory's IndexedDB schema. Every version ever shipped stays declared here, oldest first,
 * so Dexie can upgrade a reader's database from whatever version it finds.
 */
import Dexie, { type Table } from 'dexie';
import type { Card, Note, PageMentions } from './records';
import type { LookupRecord } from './lookups';
import type { PageTimeline } from './page-timelines';
import { rekeyLookups } from './lookup-key';
import { rekeyPages } from './page-keys';
import { upgradeMentionsToV6, upgradeNotesToV4, upgradeToV2 } from './schema-upgrades';

/** Database name used by the extension (tests pass their own to stay isolated). */
export const DB_NAME = 'backstory';

/** Version 1 (first release): cards and notes only. Kept so old databases can be upgraded. */
export const SCHEMA_V1 = {
  cards: 'id, *keys, kind',
  notes: 'id, cardId',
} as const;

/** Version 2: adds mentions, and updatedAt indexes for "recently changed" lists. */
export const SCHEMA_V2 = {
  cards: 'id, *keys, kind, updatedAt',
  notes: 'id, cardId, updatedAt',
  mentions: '++id, cardId, url, seenAt, [cardId+url]',
} as const;

/** Version 3: adds lookups (what Wikipedia said about each name, and the reader's choices). */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  lookups: 'key, cardId, checkedAt',
} as const;

/**
 * Version 4: notes link to several cards (`*cardIds`) and carry tags (`*tags`), a quote and
 * the page's site; `createdAt` is indexed for the notebook's newest-first list.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  notes: 'id, cardId, *cardIds, *tags, createdAt, updatedAt',
} as const;

/** Version 5: adds timelines (each page's dated events, for the notebook's page view). */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  timelines: 'url, savedAt',
} as const;

/**
 * Version 6: fewer note indexes (below), and mentions become one record per page (`pageMentions`, a multi-entry index on the
 * cards met there) instead of one row per card per page: recording a page is one get and one
 * put, and importing 50,000 mentions writes a few thousand records. The old table is dropped
 * once the upgrade has moved its rows.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  mentions: null,
  // No seenAt index: nothing lists pages by time yet, and every index is paid for on each write.
  pageMentions: 'url, *cardIds',
  // Notes keep only the indexes something queries: by card (*cardIds; every note has it since
  // version 4, so the single cardId index is redundant) and newest first (createdAt). Tags and
  // updatedAt are filtered in memory; their index entries made each note write dearer.
  notes: 'id, *cardIds, createdAt',
} as const;

/**
 * Version 7: lookups are indexed by the card a tombstone stands for (`deletedCardId`), so saving a
 * Wikipedia card asks one index whether the reader deleted it instead of reading every look-up.
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  lookups: 'key, cardId, checkedAt, deletedCardId',
} as const;

/**
 * Version 8: look-ups are keyed by kind and name ("place:salisbury", see lookupKey), so a name met
 * as a place and as a person keeps two answers; cards are indexed by `wikidata`, so a look-up that
 * lands on an article the reader already has a card for finds that card instead of making another;
 * pages are keyed by their address without tracking parameters (pageUrl).
 */
export const SCHEMA_V8 = {
  ...SCHEMA_V7,
  cards: 'id, *keys, kind, updatedAt, wikidata',
} as const;

/** The Dexie database shared by the background worker and the extension pages. */
export class BackstoryDB extends Dexie {
  cards!: Table<Card, string>;
  notes!: Table<Note, string>;
  pageMentions!: Table<PageMentions, string>;
  lookups!: Table<LookupRecord, string>;
  timelines!: Table<PageTimeline, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    // A new, empty table: nothing to move.
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeNotesToV4);
    // A new, empty table: nothing to move.
    this.version(5).stores(SCHEMA_V5);
    this.version(6).stores(SCHEMA_V6).upgrade(upgradeMentionsToV6);
    // A new index on rows already there: Dexie builds it, nothing to move.
    this.version(7).stores(SCHEMA_V7);
    // The lookups' primary key path stays `key`; its values change (rekeyLookups), and so do the
    // addresses of pages reached through tracking links (rekeyPages). The new cards index is built
    // by Dexie.
    this.version(8)
      .stores(SCHEMA_V8)
      .upgrade(async (tx) => {
        await rekeyLookups(tx);
        await rekeyPages(tx);
      });
  }
}

/** Opens (creating or upgrading as needed) the Backstory database. */
export async function openBackstoryDB(name: string = DB_NAME): Promise<BackstoryDB> {
  const db = new BackstoryDB(name);
  await db.open();
  return db;
}
