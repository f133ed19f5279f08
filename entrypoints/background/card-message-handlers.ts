/**
 * The card messages of the background worker as senders see them: a private window's getCard is
 * served from the database only, notes reach extension pages only, and every read waits for the
 * starter cards and the mentions queued so far. The card logic itself is in card-handlers.ts.
 */
import { createReaderCard } from '@/lib/db/cards';
import { ok } from '@/lib/db/errors';
import { fromExtensionPage, notesOnlyForExtensionPages } from '@/lib/messaging/serve';
import { browser } from 'wxt/browser';
import type { BackgroundHandlers, HandlerContext } from './handler-context';

/** The browser's word on a tab; a tab that is gone counts as private, so nothing leaves. */
const tabIsPrivate = (tabId: number): Promise<boolean> =>
  browser.tabs.get(tabId).then(
    (tab) => tab?.incognito ?? true,
    () => true,
  );

/** Builds the handlers of getCard, getPageCards, chooseArticle and the card edits. */
export function createCardMessageHandlers(
  ctx: HandlerContext,
): Pick<
  BackgroundHandlers,
  'getCard' | 'getPageCards' | 'chooseArticle' | 'updateCard' | 'deleteCard' | 'mergeCards' | 'findCards' | 'createCard'
> {
  const { deps, db, ready, named, mentionWriter, cards, privateCards } = ctx;
  return {
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

    // A private window's card never offers articles to choose from; a choice sent from one anyway
    // is refused like its look-ups (nothing goes to Wikipedia, nothing is recorded).
    chooseArticle: async (choice, sender) =>
      notesOnlyForExtensionPages(
        sender,
        await (sender.tab?.incognito ? privateCards : cards).chooseArticle(choice, !fromExtensionPage(sender)),
      ),
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
  };
}
