import { describe, expect, it } from 'vitest';
import {
  countMentions,
  countSeenIn,
  listMentions,
  recordMentions,
  sentenceAround,
  storeMentions,
} from '@/lib/db/mentions';
import { pageUrl } from '@/lib/sites/tracking-params';
import { card, freshDb } from './helpers';

/** A database holding the cards `ids` (mentions are recorded only for cards that exist). */
async function dbWithCards(...ids: string[]) {
  const db = await freshDb();
  await db.cards.bulkAdd(ids.map((id) => card(id, id, 'organization')));
  return db;
}

describe('mentions', () => {
  it('records one mention per card per page, keeps the first sentence, and counts pages', async () => {
    const db = await dbWithCards('nato', 'russia');
    const added = await recordMentions(db, [
      { cardId: 'nato', url: 'https://news.test/a#top', title: 'A', sentence: 'Nato said so.' },
      { cardId: 'nato', url: 'https://news.test/a', title: 'A', sentence: 'Nato again.' },
      { cardId: 'russia', url: 'https://news.test/a', title: 'A', sentence: 'Russia closed it.' },
    ]);
    expect(added).toBe(2);
    expect(
      await recordMentions(db, [{ cardId: 'nato', url: 'https://news.test/a#later', title: 'A', sentence: 'Later.' }]),
    ).toBe(0);
    await recordMentions(db, [{ cardId: 'nato', url: 'https://other.test/b', title: 'B', sentence: 'Nato summit.' }]);
    expect(await countSeenIn(db, 'nato')).toBe(2);
    expect(await countSeenIn(db, 'russia')).toBe(1);
    expect(await countSeenIn(db, 'nobody')).toBe(0);
    // A card deleted before its mentions are written (they are written after the spot reply) is left out.
    expect(
      await recordMentions(db, [{ cardId: 'gone', url: 'https://news.test/c', title: 'C', sentence: 'Gone.' }]),
    ).toBe(0);
    expect(await db.pageMentions.get('https://news.test/c')).toBeUndefined();
    const natoOnA = (await listMentions(db, 'nato')).find((m) => m.url === 'https://news.test/a');
    expect(natoOnA).toMatchObject({ sentence: 'Nato said so.', site: 'news.test', title: 'A' });
  });

  it('keeps one record per page: a later visit adds only the new cards, with their own time', async () => {
    const db = await dbWithCards('nato', 'russia', 'crimea', 'kyiv');
    const t0 = Date.now();
    await recordMentions(db, [
      { cardId: 'nato', url: 'https://news.test/a', title: '', sentence: 'Nato said so.' },
      { cardId: 'russia', url: 'https://news.test/a', title: 'A', sentence: 'Russia closed it.' },
    ]);
    const first = await db.pageMentions.get('https://news.test/a');
    expect(first).toMatchObject({ title: 'A', site: 'news.test', cardIds: ['nato', 'russia'] });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(
      await recordMentions(db, [
        { cardId: 'russia', url: 'https://news.test/a', title: 'A2', sentence: 'Russia again.' },
        { cardId: 'kyiv', url: 'https://news.test/a', title: 'A2', sentence: 'Kyiv too.' },
      ]),
    ).toBe(1);
    const page = await db.pageMentions.get('https://news.test/a');
    expect(await db.pageMentions.count()).toBe(1);
    expect(page).toMatchObject({
      title: 'A',
      cardIds: ['nato', 'russia', 'kyiv'],
      sentences: ['Nato said so.', 'Russia closed it.', 'Kyiv too.'],
      seenAt: first?.seenAt,
    });
    expect(page?.seenAts[2]).toBeGreaterThan(page?.seenAts[0] ?? Infinity);
    expect(page?.seenAt).toBeGreaterThanOrEqual(t0);
    expect(await countMentions(db)).toBe(3);
    // Stored flat mentions (an import) merge into the same record, duplicates skipped.
    expect(
      await storeMentions(db, [
        { cardId: 'kyiv', url: 'https://news.test/a', title: 'x', site: 'x', sentence: 'dup', seenAt: 1 },
        { cardId: 'crimea', url: 'https://news.test/a', title: 'x', site: 'x', sentence: 'c', seenAt: 1 },
      ]),
    ).toEqual({ added: 1, skipped: 1 });
    expect((await db.pageMentions.get('https://news.test/a'))?.seenAt).toBe(1);
    expect((await listMentions(db, 'kyiv'))[0]?.sentence).toBe('Kyiv too.');
  });

  it('pageUrl drops the fragment and tracking parameters, keeping the parameters that pick the story', () => {
    expect(pageUrl('https://a.test/x?id=1#p2')).toBe('https://a.test/x?id=1');
    expect(pageUrl('https://a.test/x?utm_source=nl&id=1&fbclid=abc&UTM_Medium=email#p2')).toBe('https://a.test/x?id=1');
    expect(pageUrl('https://a.test/x?gclid=1&_ga=2&ref_src=twsrc')).toBe('https://a.test/x');
    // Without tracking parameters the address is left exactly as written (the key it is stored under).
    expect(pageUrl('https://a.test/x?b=2&a=%20')).toBe('https://a.test/x?b=2&a=%20');
    expect(pageUrl('https://a.test/x?utm=1&source=2')).toBe('https://a.test/x?utm=1&source=2');
  });

  it('counts an article reached by a tracking link (newsletter, social) and directly as one article', async () => {
    const db = await dbWithCards('nato');
    const article = 'https://www.bbc.co.uk/news/world-europe-68000000';
    const seen = (url: string) => recordMentions(db, [{ cardId: 'nato', url, title: 'Nato at 75', sentence: 'Nato.' }]);
    await seen(article);
    await seen(`${article}?utm_source=newsletter&utm_medium=email&utm_campaign=daily`);
    await seen(`${article}?fbclid=IwAR0abc#comments`);
    expect((await listMentions(db, 'nato')).map((m) => m.url)).toEqual([article]);
    expect(await countSeenIn(db, 'nato')).toBe(1);
  });

  it('sentenceAround cuts the sentence containing the name', () => {
    const text = 'Russia closed its mission. Earlier this month, Nato expelled eight diplomats! Then more.';
    const at = text.indexOf('Nato');
    expect(sentenceAround(text, at, at + 4)).toBe('Earlier this month, Nato expelled eight diplomats!');
    expect(sentenceAround(text, 0, 6)).toBe('Russia closed its mission.');
    const long = `${'word '.repeat(2000)}Nato ${'word '.repeat(2000)}`;
    const s = sentenceAround(long, 10000, 10004);
    expect(s.length).toBeLessThanOrEqual(400);
    expect(s).toContain('Nato');
  });
});
