/**
 * The cards of the names on this page, kept for as long as the page is open (HoverCard's
 * `cache`): a hover that finds its card here shows it at once, even while the worker wakes up.
 */
import type { CardReply, SendFn } from '../../components/HoverCard';
import { PAGE_CARDS_MAX, type PageEntity } from '../../lib/messaging/protocol';

export class PageCards {
  /** Card replies by entity key. */
  readonly byKey = new Map<string, CardReply>();
  /** Card ids asked for by prefetch, so two passes never ask for the same card twice. */
  private readonly asked = new Set<string>();

  constructor(private readonly send: SendFn) {}

  /**
   * Keeps the cards of `entities` (those that have one) for their first hover, asked for in one
   * getPageCards message. Resolves when kept; when asking fails, hovers simply ask as before.
   */
  async prefetch(entities: readonly PageEntity[]): Promise<void> {
    // The most mentioned first: the names a reader is likeliest to hover.
    const keys = new Map<string, string[]>();
    for (const e of [...entities].sort((a, b) => b.count - a.count))
      if (e.cardId && !this.byKey.has(e.key) && !this.asked.has(e.cardId))
        keys.set(e.cardId, [...(keys.get(e.cardId) ?? []), e.key]);
    const cardIds = [...keys.keys()].slice(0, PAGE_CARDS_MAX);
    if (cardIds.length === 0) return;
    for (const id of cardIds) this.asked.add(id);
    const r = await this.send('getPageCards', { cardIds });
    if (!r.ok) {
      for (const id of cardIds) this.asked.delete(id);
      return;
    }
    // Never a reply a hover already kept: that one is at least as fresh.
    for (const { card, seenIn } of r.value.cards)
      for (const key of keys.get(card.id) ?? [])
        if (!this.byKey.has(key)) this.byKey.set(key, { card, notes: [], seenIn });
  }
}
