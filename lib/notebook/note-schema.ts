/**
 * A version-2 note as the export file holds it, and as "Undo" sends a just-deleted note back to
 * the worker (restoreNote). Apart from format.ts so the message protocol, which the content script
 * bundles whole, does not pull in every other schema of the export file.
 */
import * as v from 'valibot';
import { MAX_NOTE_CARDS, MAX_TAGS, NOTE_MAX_CHARS, QUOTE_MAX_CHARS, TAG_MAX_CHARS } from '../db/records';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
/** Latest time a JS Date can hold (ms): past it every date display and export would throw. */
const MAX_DATE_MS = 8.64e15;
/** A time in ms since 1970 that a Date can hold; shared with the other records of the export file. */
export const timeSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_DATE_MS));

/**
 * `t` brought into what timeSchema accepts. Imports before times were checked may have stored one
 * no Date can hold: written out as it is, it would make the reader's whole backup (and an Undo of
 * that note) refused, so exports and restores carry the nearest time a Date can hold instead.
 */
export function holdableTime(t: number): number {
  return Number.isFinite(t) ? Math.min(MAX_DATE_MS, Math.max(0, Math.round(t))) : 0;
}
const pageV2 = v.object({ url: text(4000), title: text(1000), site: v.optional(text(300)) });

const quoteSchema = v.object({
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(QUOTE_MAX_CHARS)),
  prefix: text(200),
  suffix: text(200),
});

/** A version-2 note: linked cards, tags, quote; the body may be empty only beside a quote. */
export const noteSchema = v.pipe(
  v.object({
    id,
    cardId: v.pipe(v.string(), v.maxLength(200)),
    cardIds: v.pipe(v.array(id), v.maxLength(MAX_NOTE_CARDS)),
    body: text(NOTE_MAX_CHARS),
    quote: v.optional(quoteSchema),
    tags: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(TAG_MAX_CHARS))), v.maxLength(MAX_TAGS)),
    page: v.optional(pageV2),
    createdAt: timeSchema,
    updatedAt: timeSchema,
  }),
  v.forward(
    v.check((n) => n.quote !== undefined || n.body.trim().length > 0, 'a note without a quote cannot be empty'),
    ['body'],
  ),
  v.forward(
    v.check((n) => n.quote !== undefined || n.cardIds.length > 0, 'a note without a quote needs a card'),
    ['cardIds'],
  ),
  v.forward(
    v.check((n) => n.cardId === (n.cardIds[0] ?? ''), 'cardId must be the first of cardIds'),
    ['cardId'],
  ),
);
