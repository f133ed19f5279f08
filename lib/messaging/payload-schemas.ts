/**
 * The valibot pieces the message payloads in protocol.ts are built from: ids, names, page refs,
 * an article's blocks and the larger card and note payloads, with the limits that keep one
 * message small. Which messages exist, and what each replies, is declared in protocol.ts.
 */
import * as v from 'valibot';
import { ENTITY_KINDS } from '../entity';
import { NOTE_MAX_CHARS } from '../db/records';

/** Largest article text the background accepts in one spotBlocks message (chars). */
export const MAX_ARTICLE_CHARS = 2_000_000;

export const kind = v.picklist(ENTITY_KINDS);
/** An id or key: short, never a place to smuggle a large string through. */
export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
export const name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300));
/** Longest page address and title a message may carry (lib/dom/page-ref.ts cuts a page's to fit). */
export const PAGE_URL_MAX_CHARS = 4000;
export const PAGE_TITLE_MAX_CHARS = 1000;
export const pageRef = v.object({
  url: v.pipe(v.string(), v.maxLength(PAGE_URL_MAX_CHARS)),
  title: v.pipe(v.string(), v.maxLength(PAGE_TITLE_MAX_CHARS)),
});

/** An article's text blocks, in reading order, at most MAX_ARTICLE_CHARS in all. */
export const articleBlocks = v.pipe(
  v.array(v.string()),
  v.maxLength(50_000),
  v.check((b) => b.reduce((n, s) => n + s.length, 0) <= MAX_ARTICLE_CHARS, 'article too long'),
);

/** A card's description, summary and other names as the reader edited them. */
export const cardEdit = v.object({
  cardId: name,
  description: v.pipe(v.string(), v.maxLength(500)),
  summary: v.pipe(v.string(), v.maxLength(5000)),
  aliases: v.pipe(v.array(v.pipe(v.string(), v.maxLength(300))), v.maxLength(50)),
});

/** A new note (no noteId) or an edit of one (noteId). */
export const notePayload = v.object({
  cardId: name,
  noteId: v.optional(id),
  // Far above the note limit: noteBodyError gives the reader the precise message below this.
  body: v.pipe(v.string(), v.maxLength(NOTE_MAX_CHARS * 10)),
  page: v.optional(pageRef),
  /** More cards to link (issue 5); when editing, present = the note's new links. */
  cardIds: v.optional(v.pipe(v.array(id), v.maxLength(50))),
  /** The note's tags; when editing, present = its new tags. */
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(50))),
  /** When editing: the updatedAt of the note the editor opened with (a newer note is not overwritten). */
  baseUpdatedAt: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** A quoted passage (TextQuoteSelector-like); only on a new note. */
  quote: v.optional(
    v.object({
      exact: v.pipe(v.string(), v.maxLength(NOTE_MAX_CHARS)),
      prefix: v.pipe(v.string(), v.maxLength(200)),
      suffix: v.pipe(v.string(), v.maxLength(200)),
    }),
  ),
});
