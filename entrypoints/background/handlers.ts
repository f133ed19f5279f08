/**
 * The background worker's message handlers, framework-free: they take the database and a
 * detector getter, so unit tests run them with fake-indexeddb and a tiny fake detector.
 */
import type { SpotResult } from '@/lib/entity';
import type { BackstoryDB } from '@/lib/db/schema';
import { createReaderCard, matchCards } from '@/lib/db/cards';
import type { Card } from '@/lib/db/records';
import { deleteNote, saveNote } from '@/lib/db/notes';
import { restoreNote } from '@/lib/notebook/actions';
import { sentenceAround, type MentionInput } from '@/lib/db/mentions';
import { savePageTimeline } from '@/lib/db/page-timelines';
import type { LookupService } from '@/lib/lookup/service';
import { createCardHandlers, PageContexts } from './card-handlers';
import { createQuietQueue } from './quiet-queue';
import { createMentionWriter } from './mention-writer';
import { createNamedDetector, type SpotDetector } from './named-detector';
import { fail, ok } from '@/lib/db/errors';
import type { BackgroundReplies, PageEntity, backgroundSchemas } from '@/lib/messaging/protocol';
import { fromExtensionPage, type Handlers, notesOnlyForExtensionPages, type Sender } from '@/lib/messaging/serve';
import { browser } from 'wxt/browser';

export type { SpotDetector } from './named-detector';

/** Everything the handlers depend on. */
export interface HandlerDeps {
  db: BackstoryDB;
  /** Resolves to the detector; called on every spotBlocks, so it should cache (see lazyOnce). */
  getDetector: () => Promise<SpotDetector>;
  /** True when the reader turned Backstory off on the site of `url` (pageStarting then does nothing). */
  siteOff?: (url: string) => Promise<boolean>;
  /** Injects the article content script into the document that sent pageStarting (see page-start.content.ts). */
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

/**
 * Wraps an async loader so it runs at most once while it succeeds; a failed load is
 * forgotten, so the next call tries again instead of failing forever.
 */
export function lazyOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/**
 * Resolves in a later task. Work started from a handler runs its first steps as microtasks, ahead
 * of the reply's own promise chain: a Dexie write begun there held the spot reply back 40–50 ms.
 */
const afterReply = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The browser's word on a tab; a tab that is gone counts as private, so nothing leaves. */
const tabIsPrivate = (tabId: number): Promise<boolean> =>
  browser.tabs.get(tabId).then(
    (tab) => tab?.incognito ?? true,
    () => true,
  );

/** True when two addresses share an origin (false for anything unparsable). */
function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** The first sentence each entity appears in, from its first span. */
function firstSentences(blocks: readonly string[], result: SpotResult): Map<string, string> {
  const sentences = new Map<string, string>();
  for (const span of result.spans) {
    if (sentences.has(span.entityKey)) continue;
    const text = blocks[span.block];
    if (text !== undefined) sentences.set(span.entityKey, sentenceAround(text, span.start, span.end));
  }
  return sentences;
}

/**
 * Builds the background handlers. `cardsChanged()` tells them the cards changed, so the
 * detector's known names are reloaded from Dexie before the next spot.
 */
export function createHandlers(deps: HandlerDeps): {
  handlers: Handlers<typeof backgroundSchemas, BackgroundReplies>;
  cardsChanged: () => void;
  /** The cards as read by a watch of the table: a change unless their ids and names are those in use. */
  cardsRead: (cards: readonly Card[]) => void;
  /** Ids of the cards of the entities the detector spots in `text` (a saved quote's links). */
  linkEntities: (text: string) => Promise<string[]>;
  /** Writes the mentions of every spotBlocks answered so far; resolves once written (or failed). */
  mentionsSettled: () => Promise<void>;
  /** Resolves once the timelines of every spotBlocks answered so far are built (or failed). */
  timelinesSettled: () => Promise<void>;
} {
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

  const handlers: Handlers<typeof backgroundSchemas, BackgroundReplies> = {
    async pageStarting(_payload, sender) {
      if (sender.url && (await deps.siteOff?.(sender.url))) return ok({ ready: false });
      // Not awaited: the article script finds and reads the article while the detector loads.
      void deps
        .injectArticle?.(sender)
        .catch((e: unknown) => log(`[Backstory] article script not injected: ${String(e)}`));
      await ready();
      return named.prepare();
    },

    async loadCardUi(_payload, sender) {
      if (!deps.injectCardUi) return fail('The hover card cannot be loaded here.');
      try {
        if (!(await deps.injectCardUi(sender))) return fail('The hover card is only shown on pages.');
      } catch (e) {
        return fail(`The hover card could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
      }
      return ok({ injected: true });
    },

    async spotBlocks({ blocks, page, published }, sender) {
      // Mentions and timelines are filed under page.url: a page may only speak for its own site.
      if (sender.url && !fromExtensionPage(sender) && !sameOrigin(page.url, sender.url))
        return fail('A page can only send its own address.');
      timelines.busy();
      await ready();
      const loaded = await named.forSpot();
      if (!loaded.ok) return loaded;
      const { detector, index } = loaded.value;
      const result = await detector.spot(blocks);
      const matched = matchCards(index, result.entities);
      const entities: PageEntity[] = result.entities.map((e, i) => {
        const card = matched.get(i);
        return card ? { ...e, cardId: card.id } : { ...e };
      });
      const tabId = sender.tab?.id;
      // Private windows send nothing ahead of the reader's own hover, and their names are no
      // context for look-ups made elsewhere.
      if (tabId !== undefined && !sender.tab?.incognito) {
        contexts.add(tabId, entities);
        void afterReply().then(() => cards.prefetch(tabId, entities));
      }
      // Private windows leave no trace of what the reader read.
      if (!sender.tab?.incognito) {
        const sentences = firstSentences(blocks, result);
        const mentions: MentionInput[] = entities
          .filter((e): e is PageEntity & { cardId: string } => !!e.cardId)
          .map((e) => ({ cardId: e.cardId, url: page.url, title: page.title, sentence: sentences.get(e.key) ?? '' }));
        // Written after the reply, so marking never waits for the disk, and together with the page's
        // other batches (mention-writer.ts); getCard writes them first, so "Seen in N articles"
        // counts this page. A full disk must not cost the reader the marks.
        mentionWriter.add(mentions);
        // The page's timeline for the notebook, built once the page has sent all its text.
        timelines.add(() => savePageTimeline(db, { page, blocks, published, entities }));
      }
      return ok({ entities, spans: result.spans });
    },

    async getCard(query, sender) {
      await ready();
      await mentionWriter.flush();
      // The popup has no tab of its own: it names the tab it shows, and that tab's window decides.
      const isPrivate =
        sender.tab?.incognito ??
        (query.tabId !== undefined && (await (deps.isPrivateTab ?? tabIsPrivate)(query.tabId)));
      return notesOnlyForExtensionPages(
        sender,
        await (isPrivate ? privateCards : cards).getCard(query, sender.tab?.id),
      );
    },

    async getPageCards({ cardIds }) {
      await ready();
      await mentionWriter.flush(); // "Seen in N articles" counts this page, as getCard's does
      return cards.pageCards(cardIds);
    },

    chooseArticle: async (choice, sender) =>
      notesOnlyForExtensionPages(sender, await cards.chooseArticle(choice, !fromExtensionPage(sender))),
    updateCard: (edit) => cards.updateCard(edit),
    deleteCard: (which) => cards.deleteCard(which),
    mergeCards: (which) => cards.mergeCards(which),
    findCards: (query) => cards.findCards(query),

    async createCard(query) {
      await ready();
      const made = await createReaderCard(db, query);
      if (!made.ok) return made;
      named.cardsChanged();
      return ok({ card: made.value });
    },

    async saveNote(input, sender) {
      // A note written in a private window keeps no record of the page it was written on.
      const { page, ...rest } = input;
      const saved = await saveNote(db, sender.tab?.incognito ? rest : input);
      return saved.ok ? ok({ note: saved.value }) : saved;
    },

    async deleteNote({ noteId }) {
      return deleteNote(db, noteId);
    },

    restoreNote: ({ note }) => restoreNote(db, note),
  };

  async function linkEntities(text: string): Promise<string[]> {
    await ready();
    const loaded = await named.loaded();
    if (!loaded.ok) throw new Error(loaded.error);
    const { detector, index } = loaded.value;
    const result = await detector.spot([text]);
    return [...new Set([...matchCards(index, result.entities).values()].map((c) => c.id))];
  }

  return {
    handlers,
    cardsChanged: named.cardsChanged,
    cardsRead: named.cardsRead,
    linkEntities,
    mentionsSettled: () => mentionWriter.flush(),
    timelinesSettled: () => timelines.drained(),
  };
}
