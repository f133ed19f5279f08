import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { NotebookEntity } from '../../../components/NotebookEntity';
import { MentionStrip } from '../../../components/MentionStrip';
import { recordMentions } from '@/lib/db/mentions';
import { card, freshDb } from '../db/helpers';

afterEach(cleanup);

const noop = {
  onSave: async () => null,
  onDelete: async () => undefined,
  onBack: () => undefined,
};

describe('NotebookEntity: who appears with whom', () => {
  it('lists companions with counts and links, and follows new mentions live', async () => {
    const db = await freshDb();
    const nato = card('nato', 'Nato', 'organization');
    await db.cards.bulkPut([nato, card('russia', 'Russia', 'place'), card('crimea', 'Crimea', 'place')]);
    const meet = (url: string, ids: string[]) =>
      recordMentions(
        db,
        ids.map((cardId) => ({ cardId, url, title: url, sentence: 'S.' })),
      );
    await meet('https://a.test/1', ['nato', 'russia']);
    await meet('https://a.test/2', ['nato', 'russia', 'crimea']);
    render(<NotebookEntity card={nato} notes={[]} mentions={[]} db={db} {...noop} />);

    const list = await screen.findByRole('list', { name: 'Names most often in the same articles as Nato' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const items = within(list).getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('Russia');
    expect(items[0]?.textContent).toContain('2 shared articles');
    expect(items[1]?.textContent).toContain('1 shared article');
    expect(within(list).getByRole('link', { name: 'Russia' }).getAttribute('href')).toBe('#entity=russia');
    // The reader reads on: a new page with Crimea moves it up, without a reload.
    await meet('https://a.test/3', ['nato', 'crimea']);
    await meet('https://a.test/4', ['nato', 'crimea']);
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]?.textContent).toContain('3 shared articles'));
    expect(within(list).getAllByRole('listitem')[0]?.textContent).toContain('Crimea');
  });

  it('has friendly empty states', async () => {
    const db = await freshDb();
    const lone = card('lone', 'Lonely Name', 'person');
    await db.cards.put(lone);
    render(<NotebookEntity card={lone} notes={[]} mentions={[]} db={db} {...noop} />);
    expect(await screen.findByText(/No other name has shared an article with Lonely Name yet/)).toBeTruthy();
    expect(screen.getByText(/No mentions in the last year\. Pages that mention Lonely Name/)).toBeTruthy();
  });
});

describe('MentionStrip', () => {
  it('draws 52 weekly bars described in words', () => {
    const now = new Date(2021, 9, 20, 12).getTime();
    const at = (m: number, d: number) => ({ seenAt: new Date(2021, m, d, 9).getTime() });
    render(<MentionStrip name="Nato" mentions={[at(9, 18), at(9, 19), at(8, 1)]} now={now} />);
    const img = screen.getByRole('img', { name: 'Mentions of Nato per week, last 52 weeks' });
    expect(img.querySelectorAll('rect')).toHaveLength(52);
    const caption = document.getElementById(img.getAttribute('aria-describedby') ?? '');
    expect(caption?.textContent).toBe('3 mentions in the last year, most in the week of 18 Oct 2021.');
    const titles = [...img.querySelectorAll('rect title')].map((t) => t.textContent);
    expect(titles.at(-1)).toBe('Week of 18 Oct 2021: 2');
  });
});
