import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { NotebookPage, pageHref, pageOfHash } from '../../../components/NotebookPage';
import { App } from '@/entrypoints/notebook/App';
import { recordMentions } from '@/lib/db/mentions';
import { savePageTimeline } from '@/lib/db/page-timelines';
import { card, freshDb } from '../db/helpers';

afterEach(cleanup);

const URL = 'https://news.test/nato-russia';
const BLOCKS = [
  'Nato-Russia relations have been strained since Moscow annexed Crimea in 2014.',
  'On Monday, Russia closed its mission to Nato.',
];

describe('NotebookPage', () => {
  it('routes by "#page=<url>", dropping the fragment', () => {
    expect(pageHref(`${URL}#top`)).toBe(`#page=${encodeURIComponent(URL)}`);
    expect(pageOfHash(pageHref(URL))).toBe(URL);
    expect(pageOfHash('#entity=nato')).toBeNull();
    expect(pageOfHash('#page=%E0%A4%A')).toBeNull();
  });

  it('shows the page’s notes, its timeline and its names, and follows changes live', async () => {
    const db = await freshDb();
    await db.cards.bulkPut([card('nato', 'Nato', 'organization'), card('crimea', 'Crimea', 'place')]);
    await recordMentions(db, [
      { cardId: 'nato', url: URL, title: 'Relations at lowest point', sentence: 'Nato.' },
      { cardId: 'crimea', url: URL, title: 'Relations at lowest point', sentence: 'Crimea.' },
    ]);
    await db.notes.add({
      id: 'n1',
      cardId: 'nato',
      cardIds: ['nato', 'crimea'],
      body: 'Check the 2014 sanctions.',
      tags: [],
      page: { url: `${URL}#p3`, title: 'Relations at lowest point' },
      createdAt: 1,
      updatedAt: 1,
    });
    await savePageTimeline(db, {
      page: { url: URL, title: 'Relations at lowest point' },
      blocks: BLOCKS,
      published: '2021-10-20',
      entities: [{ key: 'place:crimea', name: 'Crimea', kind: 'place', aliases: [], cardId: 'crimea' }],
    });
    render(<NotebookPage db={db} url={URL} onBack={() => undefined} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Relations at lowest point' })).toBeTruthy();
    expect(screen.getByText(/published Wednesday 20 October 2021/)).toBeTruthy();
    const notes = screen.getByRole('list', { name: 'Notes on this page' });
    expect(within(notes).getByText('Check the 2014 sanctions.')).toBeTruthy();
    expect(within(notes).getByRole('link', { name: 'Crimea' }).getAttribute('href')).toBe('#entity=crimea');
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    const dates = within(timeline)
      .getAllByRole('heading', { level: 4 })
      .map((h) => h.textContent);
    expect(dates).toEqual(['2014', 'Monday 18 October 2021']);
    expect(within(timeline).getByRole('link', { name: 'Crimea' }).getAttribute('href')).toBe('#entity=crimea');
    const names = screen.getByRole('list', { name: 'Names on this page' });
    expect(
      within(names)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Nato', 'Crimea']);
    // A later note on the same page appears without a reload.
    await db.notes.add({
      id: 'n2',
      cardId: 'nato',
      cardIds: ['nato'],
      body: 'Second thought.',
      tags: [],
      page: { url: URL, title: 'Relations at lowest point' },
      createdAt: 2,
      updatedAt: 2,
    });
    await waitFor(() => expect(within(notes).getAllByRole('listitem')).toHaveLength(2));
  });

  it('has friendly empty states for a page with nothing kept', async () => {
    const db = await freshDb();
    render(<NotebookPage db={db} url="https://news.test/unknown" onBack={() => undefined} />);
    expect(await screen.findByText('You have not written a note on this page.')).toBeTruthy();
    expect(screen.getByText(/No timeline was kept for this page/)).toBeTruthy();
    expect(screen.getByText('No names with a card were recorded on this page.')).toBeTruthy();
  });

  it('the notebook opens the page view at "#page=<url>"', async () => {
    const db = await freshDb();
    await db.cards.put(card('nato', 'Nato', 'organization'));
    await recordMentions(db, [{ cardId: 'nato', url: URL, title: 'Relations at lowest point', sentence: 'Nato.' }]);
    history.replaceState(null, '', `/notebook.html${pageHref(URL)}`);
    render(<App db={db} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Relations at lowest point' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 2, name: 'Notes' })).toBeNull();
    history.replaceState(null, '', '/notebook.html');
  });
});
