/**
 * The Backstory export file: its valibot schemas and types. Export writes version 2 (notes
 * with several cards, tags, a structured quote, the page's site); import also reads version 1
 * files (one card per note) and turns them into version 2 with upgradeV1Notes. Limits match
 * what the extension itself accepts, so an imported record could have been written by it.
 */
import * as v from 'valibot';
import { NOTE_MAX_CHARS, QUOTE_MAX_CHARS, TAG_MAX_CHARS } from '../db/records';
import { ENTITY_KINDS } from '../entity';
import { siteOfUrl } from '../db/note-model';
import { cardDatesSchema } from '../db/card-dates';
import { noteSchema, timeSchema as time } from './note-schema';

export { noteSchema } from './note-schema';

export { describeIssue } from '../validation-message';

/** Value of the file's `format` field. */
export const EXPORT_FORMAT = 'backstory';
/** The version this build writes. */
export const EXPORT_VERSION = 2;
/** Every version this build reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];
/** Largest file import accepts: 50 MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

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
  dates: v.optional(cardDatesSchema),
  source: v.picklist(['starter', 'reader', 'wikipedia']),
  edited: v.boolean(),
  createdAt: time,
  updatedAt: time,
});

const pageV1 = v.object({ url: text(4000), title: text(1000) });

/** A version-1 note: one card; `quote` and `tags` were accepted but never written. */
export const noteSchemaV1 = v.object({
  id,
  cardId: id,
  body: v.pipe(v.string(), v.minLength(1), v.maxLength(NOTE_MAX_CHARS)),
  page: v.optional(pageV1),
  quote: v.optional(text(QUOTE_MAX_CHARS)),
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

const common = {
  format: v.literal(EXPORT_FORMAT),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  cards: v.array(cardSchema),
  mentions: v.array(mentionSchema),
};

/** A whole version-1 file. */
export const exportSchemaV1 = v.object({ ...common, version: v.literal(1), notes: v.array(noteSchemaV1) });
/** A whole version-2 file (what this build writes). */
export const exportSchema = v.object({ ...common, version: v.literal(EXPORT_VERSION), notes: v.array(noteSchema) });

export type ExportedCard = v.InferOutput<typeof cardSchema>;
export type ExportedNote = v.InferOutput<typeof noteSchema>;
export type ExportedMention = v.InferOutput<typeof mentionSchema>;
export type BackstoryExport = v.InferOutput<typeof exportSchema>;
export type BackstoryExportV1 = v.InferOutput<typeof exportSchemaV1>;

/** A version-1 file's content in the version-2 shape (one card per note, tags cleaned up). */
export function upgradeV1(data: BackstoryExportV1): BackstoryExport {
  return {
    ...data,
    version: EXPORT_VERSION,
    notes: data.notes.map((n) => {
      const out: ExportedNote = {
        id: n.id,
        cardId: n.cardId,
        cardIds: [n.cardId],
        body: n.body,
        tags: [...new Set((n.tags ?? []).map((t) => t.trim().toLowerCase().slice(0, TAG_MAX_CHARS)).filter(Boolean))],
        createdAt: n.createdAt,
        updatedAt: n.updatedAt,
      };
      if (n.page) out.page = { ...n.page, site: siteOfUrl(n.page.url) };
      if (n.quote?.trim()) out.quote = { exact: n.quote.trim(), prefix: '', suffix: '' };
      return out;
    }),
  };
}
