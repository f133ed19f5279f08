/**
 * Every message Backstory's parts exchange, with its payload schema and reply type.
 * The background validates each payload against its schema (see `handlers` in
 * entrypoints/background) and checks the sender; the content script never opens IndexedDB.
 */
import { CONTEXT_MAX } from '../lookup/page-context';
import { noteSchema } from '../notebook/note-schema';
import * as v from 'valibot';
import type { ArticleEntity, BlockSpan } from '../entity';
import type { Card, Note } from '../db/records';
import type { CardChoice } from '../db/card-search';
import type { LookupState } from '../lookup/types';
import { noteFrameEvent } from './note-frame-event';
import { articleBlocks, cardEdit, id, kind, name, notePayload, pageRef } from './payload-schemas';

export type { NoteFrameEvent, NoteFrameEventType } from './note-frame-event';
export { MAX_ARTICLE_CHARS, PAGE_TITLE_MAX_CHARS, PAGE_URL_MAX_CHARS } from './payload-schemas';

/** Most cards one getPageCards message asks for. */
export const PAGE_CARDS_MAX = 200;

/** Payload schemas of messages handled by the background worker, by message type. */
export const backgroundSchemas = {
  /**
   * Sent by the page starter (entrypoints/page-start.ts) as a page on a matched site starts
   * loading (document_start): unless the reader turned Backstory off on the sender's site, the worker
   * injects the article content script into the sender's document and loads the detector and the
   * cards' names while the page parses, not after.
   */
  pageStarting: v.object({}),
  /**
   * From the article script, once its page has marks (or at the first hover): injects the hover
   * card's UI (entrypoints/card-ui.ts) into the sender's document.
   */
  loadCardUi: v.object({}),
  /** Spot the names in an article's text blocks (in reading order). */
  spotBlocks: v.object({
    blocks: articleBlocks,
    page: pageRef,
    /** The article's date (ISO date or timestamp, as getArticleText's `published`), for its timeline. */
    published: v.optional(v.pipe(v.string(), v.maxLength(100))),
  }),
  /**
   * The card for an entity (matched by name and aliases), its notes and how often it was met.
   * Without a card, and with look-ups on, the name is looked up on Wikipedia. `context`: the
   * page's other names, which help choose the article (lib/lookup/page-context.ts); `tabId` (from
   * the popup) says which tab the card is for; `retry` asks again after a failed or missing look-up.
   */
  getCard: v.object({
    name,
    kind,
    aliases: v.optional(v.pipe(v.array(name), v.maxLength(100)), []),
    context: v.optional(v.pipe(v.array(name), v.maxLength(CONTEXT_MAX))),
    tabId: v.optional(v.pipe(v.number(), v.integer())),
    retry: v.optional(v.boolean()),
  }),
  /**
   * The cards of names a page mentions (PageEntity.cardId), as getCard would show them, without
   * notes and without look-ups: the content script keeps them, so a first hover shows its card at
   * once, with no "Loading…" and even when the worker has stopped since (a stopped worker took
   * 200 ms to start and 100 ms to evaluate its script while a page loaded, measured).
   */
  getPageCards: v.object({ cardIds: v.pipe(v.array(id), v.maxLength(PAGE_CARDS_MAX)) }),
  /** The reader picked the Wikipedia article `title` for a name: remember it, reply like getCard. */
  chooseArticle: v.object({ name, kind, title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300)) }),
  /** The reader edited a card's description, summary and other names. */
  updateCard: cardEdit,
  /** Delete a card with its notes and mentions. */
  deleteCard: v.object({ cardId: name }),
  /** Merge the card found by `otherName` (or `dropId`) into `keepId`: the same entity twice. */
  mergeCards: v.object({ keepId: name, dropId: v.optional(name), otherName: v.optional(name) }),
  /** Create a reader card for an entity that has none yet. */
  createCard: v.object({ name, kind, aliases: v.optional(v.pipe(v.array(name), v.maxLength(100)), []) }),
  /** Create (no noteId) or edit (noteId) a note on a card. */
  saveNote: notePayload,
  deleteNote: v.object({ noteId: id }),
  /** Puts back a note just deleted, as it was ("Undo"); the notebook's restore (lib/notebook/actions). */
  restoreNote: v.object({ note: noteSchema }),
  /** Cards whose names match `query` (empty: the most recently changed), e.g. for "Merge with…". */
  findCards: v.object({ query: v.pipe(v.string(), v.maxLength(300)), excludeId: v.optional(name) }),
} as const;

/** An ArticleEntity together with the id of its card, when it has one. */
export interface PageEntity extends ArticleEntity {
  cardId?: string;
}

/** Everything the content script knows about the article it marked. */
export interface PageState {
  url: string;
  title: string;
  entities: PageEntity[];
  /** Mentions marked so far, painted or (far from the viewport on a huge page) not yet. */
  marks?: number;
  /** The page's performance.now() when the last of them were marked; -1 before any. */
  markedAt?: number;
  /**
   * True while the page is still finding or marking names (the first pass, or new paragraphs): the
   * list may still grow, so the popup keeps asking.
   */
  marking?: boolean;
}

/** Reply type of each background message. */
export interface BackgroundReplies {
  /** `ready` false: the sender's site is one the reader turned Backstory off on; nothing was injected or loaded. */
  pageStarting: { ready: boolean };
  /** Resolves once the UI script has run in the sender's document. */
  loadCardUi: { injected: true };
  spotBlocks: { entities: PageEntity[]; spans: BlockSpan[] };
  /** `lookup` is present when Wikipedia was (or would have been) asked; see LookupState. */
  getCard: { card: Card | null; notes: Note[]; seenIn: number; lookup?: LookupState };
  chooseArticle: { card: Card | null; notes: Note[]; seenIn: number; lookup?: LookupState };
  /** The cards found, each with its "Seen in N articles" count; ids without a card are left out. */
  getPageCards: { cards: { card: Card; seenIn: number }[] };
  updateCard: { card: Card };
  deleteCard: { deleted: boolean; notes: number };
  mergeCards: { card: Card };
  createCard: { card: Card };
  saveNote: { note: Note };
  deleteNote: { deleted: boolean };
  restoreNote: { restored: boolean };
  findCards: { cards: CardChoice[] };
}

export type BackgroundMessageType = keyof typeof backgroundSchemas;
export type BackgroundPayload<T extends BackgroundMessageType> = v.InferInput<(typeof backgroundSchemas)[T]>;
export type BackgroundParsed<T extends BackgroundMessageType> = v.InferOutput<(typeof backgroundSchemas)[T]>;

/** The keyboard commands the content script carries out on the page (manifest `commands` names). */
export const PAGE_COMMANDS = ['next-name', 'previous-name', 'toggle-marks'] as const;
export type PageCommand = (typeof PAGE_COMMANDS)[number];

/** Payload schemas of messages an extension page (popup) sends to a tab's content script. */
export const tabSchemas = {
  /** What the page mentions; a tab without the content script does not answer. */
  getPageState: v.object({}),
  /** Open the hover card for an entity on the page (from the popup). */
  revealEntity: v.object({ key: id }),
  /** The article's text blocks (as scanned, in reading order) and its publication date (timeline). */
  getArticleText: v.object({}),
  /** Scroll to block characters [start, end) and flash them (timeline entry → its sentence). */
  revealPassage: v.object({
    block: v.pipe(v.number(), v.integer(), v.minValue(0)),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  /** A keyboard command forwarded by the background (manifest `commands`; see PAGE_COMMANDS). */
  pageCommand: v.object({ command: v.picklist(PAGE_COMMANDS) }),
  /** No article was found: scan the whole page (body, minus scripts, fields, code...) and mark it. */
  scanWholePage: v.object({}),
} as const;

export interface TabReplies {
  getPageState: PageState | { noArticle: true; url: string; title: string };
  revealEntity: { revealed: boolean };
  /** `published`: ISO date or timestamp of the article, when the page says. */
  getArticleText: { blocks: string[]; published?: string };
  revealPassage: { revealed: boolean };
  /** `name`: the entity whose card opened (next/previous); `marksShown`: after toggle-marks. */
  pageCommand: { done: boolean; name?: string; marksShown?: boolean };
  /** The page state once the whole page is scanned and marked. */
  scanWholePage: PageState;
}
export type TabMessageType = keyof typeof tabSchemas;
export type TabPayload<T extends TabMessageType> = v.InferInput<(typeof tabSchemas)[T]>;

/** Every reply travels in this envelope, so a failure is a value, never a dropped promise. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** The wire form of a message. */
export interface Envelope<T extends string = string> {
  backstory: 1;
  type: T;
  payload: unknown;
}

/**
 * Note frame → background (which relays it to the sender tab's top frame; see note-frame-relay.ts):
 * how the hover card's note frame tells its card what happened (see note-frame-event.ts).
 */
export const noteFrameSchemas = { noteFrame: noteFrameEvent } as const;
export interface NoteFrameReplies {
  noteFrame: { delivered: boolean };
}
/** Background → the content script of the tab the note frame is in. */
export const cardFrameSchemas = { noteFrameEvent } as const;
export interface CardFrameReplies {
  noteFrameEvent: { handled: boolean };
}
