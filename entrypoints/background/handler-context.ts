/**
 * What the background handlers depend on and the state they share: one named detector, one
 * mention writer, one timeline queue and the card handlers, built once and handed to each area's
 * handlers (page-handlers.ts, card-message-handlers.ts, note-handlers.ts).
 */
import type { BackstoryDB } from '@/lib/db/schema';
import type { LookupService } from '@/lib/lookup/service';
import type { BackgroundReplies, backgroundSchemas } from '@/lib/messaging/protocol';
import type { Handlers, Sender } from '@/lib/messaging/serve';
import { createCardHandlers, PageContexts } from './card-handlers';
import { createMentionWriter, type MentionWriter } from './mention-writer';
import { createNamedDetector, type SpotDetector } from './named-detector';
import { createQuietQueue, type QuietQueue } from './quiet-queue';

/** Everything the handlers depend on. */
export interface HandlerDeps {
  db: BackstoryDB;
  /** Resolves to the detector; called on every spotBlocks, so it should cache (see lazy-once.ts). */
  getDetector: () => Promise<SpotDetector>;
  /** True when the reader turned Backstory off on the site of `url` (pageStarting then does nothing). */
  siteOff?: (url: string) => Promise<boolean>;
  /** Injects the article content script into the document that sent pageStarting (see page-start.ts). */
  injectArticle?: (sender: Sender) => Promise<void>;
  /** Injects the hover card's UI into the sender's document; false when the sender is not a page. */
  injectCardUi?: (sender: Sender) => Promise<boolean>;
  /** Resolves when the starter cards are in place (install may still be running at start-up). */
  ready?: () => Promise<unknown>;
  log?: (message: string) => void;
  /** Wikipedia look-ups for names without a card; absent = no look-ups at all. */
  lookup?: LookupService;
  /** How long getCard waits for a look-up before answering "pending" (ms). */
  lookupWaitMs?: number;
  /** Quiet time after the last mentions before they are written (ms; see mention-writer.ts). */
  mentionsQuietMs?: number;
  /** Quiet time after the last spotBlocks before page timelines are built (ms). */
  timelineQuietMs?: number;
  /** True when a tab is in a private window (for the popup, which has no tab of its own). */
  isPrivateTab?: (tabId: number) => Promise<boolean>;
}

/** Default of {@link HandlerDeps.timelineQuietMs}: longer than the gap between two batches of one page. */
export const TIMELINE_QUIET_MS = 1_000;

/** One handler per background message type. */
export type BackgroundHandlers = Handlers<typeof backgroundSchemas, BackgroundReplies>;

/** The deps with their defaults filled in, and the state the handlers share. */
export interface HandlerContext {
  deps: HandlerDeps;
  db: BackstoryDB;
  log: (message: string) => void;
  ready: () => Promise<unknown>;
  named: ReturnType<typeof createNamedDetector>;
  /** The names of the page each tab shows (look-up context). */
  contexts: PageContexts;
  timelines: QuietQueue;
  mentionWriter: MentionWriter;
  /** Card handlers with look-ups (when `deps.lookup` is set). */
  cards: ReturnType<typeof createCardHandlers>;
  /** Card handlers for private windows: the database only. */
  privateCards: ReturnType<typeof createCardHandlers>;
}

/** Builds the state the background handlers share from their deps. */
export function createHandlerContext(deps: HandlerDeps): HandlerContext {
  const { db } = deps;
  const log = deps.log ?? ((m: string) => console.warn(m));
  const ready = deps.ready ?? (() => Promise.resolve());
  const named = createNamedDetector(db, deps.getDetector, log);
  const contexts = new PageContexts();
  const timelines = createQuietQueue(deps.timelineQuietMs ?? TIMELINE_QUIET_MS, (error) =>
    log(`[Backstory] timeline not kept: ${error instanceof Error ? error.message : String(error)}`),
  );
  const mentionWriter = createMentionWriter(db, log, deps.mentionsQuietMs);
  const cards = createCardHandlers({
    db,
    lookup: deps.lookup,
    contexts,
    cardsChanged: named.cardsChanged,
    log,
    lookupWaitMs: deps.lookupWaitMs,
  });
  // Private windows get cards from the database only: a look-up would send the name out and cache a
  // card of what the reader read there (spotBlocks records no mention and prefetches nothing either).
  const privateCards = createCardHandlers({ db, contexts, cardsChanged: named.cardsChanged, log });
  return { deps, db, log, ready, named, contexts, timelines, mentionWriter, cards, privateCards };
}
