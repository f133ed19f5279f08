/**
 * The card messages of the background worker: getCard (with Wikipedia look-ups for names without
 * a card), chooseArticle, and the reader's own edits (update, delete, merge). Kept apart from
 * handlers.ts so each file has one job; createHandlers mixes these in.
 */
import type { EntityKind } from '@/lib/entity';
import type { BackstoryDB } from '@/lib/db/schema';
import type { Card } from '@/lib/db/records';
import { findCard } from '@/lib/db/cards';
import { deleteCard, mergeCards, updateCard } from '@/lib/db/card-edits';
import { searchCards } from '@/lib/db/card-search';
import { listNotes } from '@/lib/db/notes';
import { countSeenIn } from '@/lib/db/mentions';
import { fail, ok } from '@/lib/db/errors';
import type { LookupService } from '@/lib/lookup/service';
import type { LookupState } from '@/lib/lookup/types';
import type { BackgroundReplies, PageEntity, Result } from '@/lib/messaging/protocol';

/** How many of a page's most-mentioned names without a card are looked up ahead of a hover. */
export const PREFETCH_TOP = 3;
/** How long getCard waits for a look-up before answering "pending" (ms). */
export const LOOKUP_WAIT_MS = 6000;
/** Pages whose names are remembered as context (one per tab, oldest forgotten first). */
const MAX_TABS = 30;

/** The other names of the page each tab shows, for choosing among Wikipedia articles. */
export class PageContexts {
  private byTab = new Map<number, string[]>();

  /** Remembers the names a spotBlocks found in a tab (added to what it found before). */
  add(tabId: number, entities: readonly PageEntity[]): void {
    const names = new Set([...(this.byTab.get(tabId) ?? []), ...entities.map((e) => e.name)]);
    this.byTab.delete(tabId);
    this.byTab.set(tabId, [...names].slice(0, 300));
    if (this.byTab.size > MAX_TABS) this.byTab.delete(this.byTab.keys().next().value!);
  }

  /**
   * The names of a tab's page other than `name`. Without a tab (the popup asks), the page most
   * recently spotted that has this name stands in for it.
   */
  of(tabId: number | undefined, name: string): string[] {
    let names = tabId === undefined ? undefined : this.byTab.get(tabId);
    if (!names && tabId === undefined) names = [...this.byTab.values()].reverse().find((list) => list.includes(name));
    return (names ?? []).filter((n) => n !== name);
  }
}

/** What the card handlers need. */
export interface CardHandlerDeps {
  db: BackstoryDB;
  lookup?: LookupService;
  contexts: PageContexts;
  /** Tells the detector the cards changed. */
  cardsChanged: () => void;
  log: (message: string) => void;
  lookupWaitMs?: number;
}

type CardReply = BackgroundReplies['getCard'];

/** The card's notes and "seen in" figure around a card and look-up state. */
async function reply(db: BackstoryDB, card: Card | null, lookup: LookupState | undefined): Promise<Result<CardReply>> {
  const extra = lookup ? { lookup } : {};
  if (!card) return ok({ card: null, notes: [], seenIn: 0, ...extra });
  const [notes, seenIn] = await Promise.all([listNotes(db, card.id), countSeenIn(db, card.id)]);
  return ok({ card, notes, seenIn, ...extra });
}

/** Builds the card handlers. */
export function createCardHandlers(deps: CardHandlerDeps) {
  const { db, lookup, contexts, log } = deps;
  const quiet = (what: string) => (error: unknown) =>
    log(`[Backstory] ${what}: ${error instanceof Error ? error.message : String(error)}`);

  return {
    /** Looks up a page's most-mentioned names without a card (fire and forget). */
    prefetch(tabId: number, entities: readonly PageEntity[]): void {
      if (!lookup) return;
      const top = entities
        .filter((e) => !e.cardId)
        .sort((a, b) => b.count - a.count)
        .slice(0, PREFETCH_TOP)
        .map((e) => ({ name: e.name, kind: e.kind }));
      if (top.length) void lookup.prefetch(top, contexts.of(tabId, '')).catch(quiet('prefetch failed'));
    },

    async getCard(
      query: { name: string; kind: EntityKind; aliases: string[]; context?: string[]; tabId?: number; retry?: boolean },
      tabId?: number,
    ) {
      const chosen = lookup ? await lookup.readerChoice(query) : null;
      const card = chosen ?? (await findCard(db, query));
      if (!lookup) return reply(db, card, undefined);
      if (card) {
        void lookup.refresh(card).catch(quiet('refresh failed'));
        return reply(db, card, card.source === 'wikipedia' ? await lookup.cached(query) : undefined);
      }
      // The page's own list first: what the worker remembers of a tab is gone after it stopped (30 s idle).
      const sent = (query.context ?? []).filter((n) => n !== query.name);
      const context = sent.length ? sent : contexts.of(tabId ?? query.tabId, query.name);
      const found = await lookup.lookUp(query, context, {
        waitMs: deps.lookupWaitMs ?? LOOKUP_WAIT_MS,
        force: query.retry,
      });
      return reply(db, found.card, found.lookup);
    },

    /** Cards by id with their "Seen in" counts (getPageCards): database only, no notes. */
    async pageCards(cardIds: readonly string[]): Promise<Result<{ cards: { card: Card; seenIn: number }[] }>> {
      const cards = (await db.cards.bulkGet([...new Set(cardIds)])).filter((c): c is Card => !!c);
      const seenIn = await Promise.all(cards.map((c) => countSeenIn(db, c.id)));
      return ok({ cards: cards.map((card, i) => ({ card, seenIn: seenIn[i] ?? 0 })) });
    },

    /**
     * The reader picked `title` for a name. `offeredOnly` (from a page's hover card): only an
     * article the look-up offered for that name, so a compromised page cannot point a name at an
     * article of its choosing for good (a reader's choice never expires).
     */
    async chooseArticle({ name, kind, title }: { name: string; kind: EntityKind; title: string }, offeredOnly = false) {
      if (!lookup) return fail('Wikipedia look-ups are not available.');
      if (offeredOnly && !(await lookup.offered({ name, kind }, title)))
        return fail(`"${title}" was not offered for ${name}.`);
      const r = await lookup.choose({ name, kind }, title);
      if (r.lookup.status === 'off') return fail('Wikipedia look-ups are turned off.');
      if (r.lookup.status === 'failed') return fail(r.lookup.error);
      if (r.lookup.status === 'missing') return fail(`Wikipedia has no article "${title}".`);
      deps.cardsChanged();
      return reply(db, r.card, r.lookup);
    },

    async updateCard(edit: { cardId: string; description: string; summary: string; aliases: string[] }) {
      const r = await updateCard(db, edit);
      if (!r.ok) return r;
      deps.cardsChanged();
      return ok({ card: r.value });
    },

    async deleteCard({ cardId }: { cardId: string }) {
      const r = await deleteCard(db, cardId);
      if (r.ok) deps.cardsChanged();
      return r;
    },

    async findCards({ query, excludeId }: { query: string; excludeId?: string }) {
      return ok({ cards: await searchCards(db, query, { excludeId }) });
    },

    async mergeCards({ keepId, dropId, otherName }: { keepId: string; dropId?: string; otherName?: string }) {
      let drop = dropId;
      if (!drop && otherName) {
        const keep = await db.cards.get(keepId);
        const other = keep ? await findCard(db, { name: otherName, kind: keep.kind }) : null;
        if (!other) return fail(`There is no card named "${otherName}".`);
        drop = other.id;
      }
      if (!drop) return fail('Say which card to merge into this one.');
      const r = await mergeCards(db, keepId, drop);
      if (!r.ok) return r;
      deps.cardsChanged();
      return ok({ card: r.value });
    },
  };
}
