import { describe, expect, it } from 'vitest';
import { countSeenIn, listMentions, pageUrl, recordMentions, sentenceAround } from '@/lib/db/mentions';
import { freshDb } from './helpers';

describe('mentions', () => {
  it('records one mention per card per page, keeps the first sentence, and counts pages', async () => {
    const db = await freshDb();
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
    const natoOnA = (await listMentions(db, 'nato')).find((m) => m.url === 'https://news.test/a');
    expect(natoOnA).toMatchObject({ sentence: 'Nato said so.', site: 'news.test', title: 'A' });
  });

  it('pageUrl drops only the fragment', () => {
    expect(pageUrl('https://a.test/x?id=1#p2')).toBe('https://a.test/x?id=1');
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
