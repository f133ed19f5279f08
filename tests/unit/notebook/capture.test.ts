import { describe, expect, it } from 'vitest';
import { readSelection, saveSelection } from '@/lib/notebook/capture';
import { card, freshDb } from '../db/helpers';

describe('quote capture', () => {
  it('reads the selection with ~32 characters of context on each side, and the page', () => {
    document.title = 'Nato and Russia';
    document.body.innerHTML = '';
    const p = document.createElement('p');
    p.textContent =
      'In Brussels on Tuesday, Jens Stoltenberg said relations with Russia were at their lowest point since the end of the Cold War, and warned of more.';
    document.body.append(p);
    const text = p.firstChild as Text;
    const start = text.data.indexOf('relations');
    const end = text.data.indexOf(' since');
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, end);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    const got = readSelection();
    expect(got).toEqual({
      exact: 'relations with Russia were at their lowest point',
      prefix: text.data.slice(start - 32, start),
      suffix: text.data.slice(end, end + 32),
      url: location.href,
      title: 'Nato and Russia',
    });
    sel?.removeAllRanges();
    expect(readSelection()).toBeNull();
  });

  it('saves a quote-note linked to the cards spotted in the quote and its context', async () => {
    const db = await freshDb();
    await db.cards.bulkAdd([card('nato', 'Nato', 'organization'), card('russia', 'Russia', 'place')]);
    const seen: string[] = [];
    const res = await saveSelection(
      db,
      {
        exact: 'Russia  was  warned',
        prefix: 'Nato said ',
        suffix: ' on Tuesday',
        url: 'https://news.test/a',
        title: 'A',
      },
      async (text) => {
        seen.push(text);
        return ['russia', 'nato'];
      },
    );
    if (!res.ok) throw new Error(res.error);
    expect(seen).toEqual(['Nato said Russia  was  warned on Tuesday']);
    expect(res.value).toMatchObject({
      body: '',
      cardIds: ['russia', 'nato'],
      cardId: 'russia',
      quote: { exact: 'Russia was warned', prefix: 'Nato said ', suffix: ' on Tuesday' },
      page: { url: 'https://news.test/a', title: 'A', site: 'news.test' },
    });
    expect(await db.notes.count()).toBe(1);
  });

  it('still saves the quote when the detector fails, and leaves out a page that is not a web page', async () => {
    const db = await freshDb();
    const logs: string[] = [];
    const res = await saveSelection(
      db,
      { exact: 'words', prefix: '', suffix: '', url: 'chrome://newtab/', title: 'New tab' },
      async () => {
        throw new Error('model not loaded');
      },
      (m) => logs.push(m),
    );
    expect(res.ok && res.value.cardIds).toEqual([]);
    expect(res.ok && res.value.page).toBeUndefined();
    expect(logs[0]).toMatch(/model not loaded/);
  });
});
