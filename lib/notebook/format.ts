/**
 * The Backstory export file, version 1: its valibot schema and types. Export writes this
 * shape; import reads nothing else. Limits match what the extension itself accepts, so an
 * imported record could have been written by the extension.
 */
import * as v from 'valibot';
import { NOTE_MAX_CHARS } from '../db/records';
import { ENTITY_KINDS } from '../entity';

/** Value of the file's `format` field. */
export const EXPORT_FORMAT = 'backstory';
/** The only version this build writes and reads. */
export const EXPORT_VERSION = 1;
/** Largest file import accepts: 50 MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const time = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A card in the file. `keys` is optional: import recomputes it from the names anyway. */
export const cardSchema = v.object({
  id,
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300)),
  kind: v.picklist(ENTITY_KINDS),
  aliases: v.array(text(300)),
  demonyms: v.optional(v.array(text(300))),
  keys: v.optional(v.array(text(300))),
  description: text(500),
  summary: text(5000),
  image: v.optional(text(4000)),
  url: v.optional(text(4000)),
  wikidata: v.optional(v.pipe(v.string(), v.regex(/^Q\d+$/, 'expected a Wikidata id like "Q42"'))),
  source: v.picklist(['starter', 'reader', 'wikipedia']),
  edited: v.boolean(),
  createdAt: time,
  updatedAt: time,
});

const pageSchema = v.object({ url: text(4000), title: text(1000) });

/**
 * A note in the file. `quote` and `tags` are not written by this build yet (issue 5 adds
 * them to notes); they are accepted and kept so a file from a build that has them round-trips.
 */
export const noteSchema = v.object({
  id,
  cardId: id,
  body: v.pipe(v.string(), v.minLength(1), v.maxLength(NOTE_MAX_CHARS)),
  page: v.optional(pageSchema),
  quote: v.optional(text(NOTE_MAX_CHARS)),
  tags: v.optional(v.array(text(100))),
  createdAt: time,
  updatedAt: time,
});

/** A mention in the file: no local auto-increment id, it is matched by card and page. */
export const mentionSchema = v.object({
  cardId: id,
  url: text(4000),
  title: text(1000),
  site: text(300),
  sentence: text(1000),
  seenAt: time,
});

/** The whole file. */
export const exportSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  cards: v.array(cardSchema),
  notes: v.array(noteSchema),
  mentions: v.array(mentionSchema),
});

export type ExportedCard = v.InferOutput<typeof cardSchema>;
export type ExportedNote = v.InferOutput<typeof noteSchema>;
export type ExportedMention = v.InferOutput<typeof mentionSchema>;
export type BackstoryExport = v.InferOutput<typeof exportSchema>;

/** "notes[12].body" from a valibot issue path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

/**
 * One line saying what is wrong and where: "notes[12].body: expected string, got number".
 * Type mismatches are phrased from valibot's expected/received; other checks keep its message.
 */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.expected) {
    return `${pathOf(issue)}: expected ${issue.expected}, got ${issue.received}`;
  }
  return `${pathOf(issue)}: ${issue.message}`;
}
