/**
 * Cards made from Wikipedia articles: their ids, writing and refreshing them, and finding the
 * card the reader already has for an article. A card the reader edited is never overwritten.
 */
import { nameKey, type EntityKind } from '../entity';
import type { PageSummary } from '../lookup/types';
import type { Card } from './records';
import { REFRESH_AFTER_MS } from './lookups';
import { keysFor } from './card-keys';
import type { BackstoryDB } from './schema';

/** Card id for a Wikipedia article: its Wikidata id when it has one, else a slug of the title. */
export function wikipediaCardId(summary: Pick<PageSummary, 'title' | 'wikibaseItem'>): string {
  if (summary.wikibaseItem) return `wp-${summary.wikibaseItem.toLowerCase()}`;
  const slug = nameKey(summary.title)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `wp-${slug || 'untitled'}`;
}

/** "Georgia (country)" → "Georgia": the words in brackets only tell articles apart. */
function cardName(title: string): string {
  return title.replace(/\s*\([^)]*\)\s*$/, '').trim() || title;
}

/** "en.wikipedia.org/Vladimir Putin" from a link to an article, so two links to it compare equal. */
function articleOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    const title = /^\/wiki\/(.+)$/.exec(u.pathname)?.[1];
    return title ? `${u.hostname}/${decodeURIComponent(title).replace(/_/g, ' ')}` : null;
  } catch {
    return null;
  }
}

/**
 * The card already standing for the article of `summary`: one with the same Wikidata id, or
 * one named like the article that links to it (most starter cards carry a link but no Wikidata
 * id), else the card an earlier look-up made. A card the reader edited or one shipped with the
 * extension comes first: it holds the reader's notes, and a second card would hide it.
 */
async function cardOfArticle(db: BackstoryDB, id: string, summary: PageSummary): Promise<Card | undefined> {
  const article = articleOf(summary.pageUrl);
  const [own, byWikidata, byName] = await Promise.all([
    db.cards.get(id),
    summary.wikibaseItem ? db.cards.where('wikidata').equals(summary.wikibaseItem).toArray() : [],
    article
      ? db.cards
          .where('keys')
          .equals(nameKey(cardName(summary.title)))
          .toArray()
      : [],
  ]);
  const same = [...byWikidata, ...byName.filter((c) => articleOf(c.url) === article)];
  return same.find((c) => c.edited || c.source !== 'wikipedia') ?? own ?? same[0];
}

/**
 * Writes (or refreshes) the card of a Wikipedia article and returns the card that stands for it.
 * A card the reader already has for the article is used instead of making a second one: kept as
 * it is when the reader edited it or it is a starter card (only a starter upgrade rewrites those),
 * refreshed in place when an earlier look-up made it (keeping its id, createdAt, kind and aliases).
 * A card the reader deleted is not written again (null) unless `revive` (the reader's own retry
 * or choice): another name leading to the same article, a prefetch or a refresh in flight must
 * not bring it back.
 */
export async function saveWikipediaCard(
  db: BackstoryDB,
  summary: PageSummary,
  kind: EntityKind,
  now = Date.now(),
  revive = false,
): Promise<Card | null> {
  const id = wikipediaCardId(summary);
  return db.transaction('rw', db.cards, db.lookups, async () => {
    const old = await cardOfArticle(db, id, summary);
    if (old && (old.edited || old.source !== 'wikipedia')) return old;
    if (!old && !revive && (await db.lookups.where('deletedCardId').equals(id).count()) > 0) return null;
    const name = cardName(summary.title);
    const aliases = old?.aliases ?? [];
    const card: Card = {
      id: old?.id ?? id,
      name,
      kind: old?.kind ?? kind,
      aliases,
      keys: keysFor(name, aliases),
      description: summary.description,
      summary: summary.extract,
      source: 'wikipedia',
      edited: false,
      createdAt: old?.createdAt ?? now,
      updatedAt: now,
      fetchedAt: now,
    };
    if (summary.thumbnail) card.image = summary.thumbnail;
    if (summary.pageUrl) card.url = summary.pageUrl;
    if (summary.wikibaseItem) card.wikidata = summary.wikibaseItem;
    await db.cards.put(card);
    return card;
  });
}

/** True when a card came from Wikipedia, was not edited and is older than REFRESH_AFTER_MS. */
export function needsRefresh(card: Card, now = Date.now()): boolean {
  return card.source === 'wikipedia' && !card.edited && now - (card.fetchedAt ?? 0) > REFRESH_AFTER_MS;
}
