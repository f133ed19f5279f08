/**
 * The page messages of the background worker: pageStarting (inject the article script, load the
 * detector), loadCardUi (inject the hover card) and spotBlocks (find the names in an article and
 * file its mentions and timeline).
 */
import type { SpotResult } from '@/lib/entity';
import { matchCards } from '@/lib/db/cards';
import { fail, ok } from '@/lib/db/errors';
import { sentenceAround, type MentionInput } from '@/lib/db/mentions';
import { savePageTimeline } from '@/lib/db/page-timelines';
import type { PageEntity } from '@/lib/messaging/protocol';
import { fromExtensionPage } from '@/lib/messaging/serve';
import type { BackgroundHandlers, HandlerContext } from './handler-context';

/**
 * Resolves in a later task. Work started from a handler runs its first steps as microtasks, ahead
 * of the reply's own promise chain: a Dexie write begun there held the spot reply back 40–50 ms.
 */
const afterReply = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

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

/** Builds the handlers of pageStarting, loadCardUi and spotBlocks. */
export function createPageHandlers(
  ctx: HandlerContext,
): Pick<BackgroundHandlers, 'pageStarting' | 'loadCardUi' | 'spotBlocks'> {
  const { deps, db, log, ready, named, contexts, timelines, mentionWriter, cards } = ctx;
  return {
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
  };
}
