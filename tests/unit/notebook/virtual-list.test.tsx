import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ROW_HEIGHT } from '@/components/NotebookRow';
import { VirtualList } from '@/components/VirtualList';
import { App } from '@/entrypoints/notebook/App';
import { card, freshDb } from '../db/helpers';
import { note, T0 } from './fixtures';

afterEach(cleanup);

/** aria-posinset of the rows in the DOM. */
function positions(list: HTMLElement): number[] {
  return within(list)
    .getAllByRole('listitem')
    .map((li) => Number(li.getAttribute('aria-posinset')));
}

describe('VirtualList', () => {
  it('renders only the rows in view, and follows the scroll position', () => {
    render(
      <VirtualList
        label="Rows"
        count={100_000}
        rowHeight={() => 40}
        rowKey={(i) => `r${i}`}
        renderRow={(i) => <span>Row {i + 1}</span>}
      />,
    );
    const list = screen.getByRole('list', { name: 'Rows' });
    expect(list.style.height).toBe('4000000px');
    // 800 px fallback viewport / 40 px = 20 rows, plus 4 overscan below (none above the top).
    expect(positions(list)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const box = screen.getByRole('region', { name: 'Rows, scrollable' });
    box.scrollTop = 40 * 50_000;
    fireEvent.scroll(box);
    const shown = positions(list);
    expect(shown[0]).toBe(50_001 - 4);
    expect(shown).toContain(50_001);
    expect(shown.length).toBeLessThan(30);
    expect(screen.getByText('Row 50001').closest('li')?.style.top).toBe(`${40 * 50_000}px`);
  });

  it('places rows of different heights one after another', () => {
    render(
      <VirtualList
        label="Rows"
        count={5}
        rowHeight={(i) => (i === 1 ? 200 : 50)}
        rowKey={(i) => `r${i}`}
        renderRow={(i) => i}
      />,
    );
    const tops = screen.getAllByRole('listitem').map((li) => li.style.top);
    expect(tops).toEqual(['0px', '50px', '250px', '300px', '350px']);
  });
});

describe('notebook with 10,000 notes', () => {
  it('shows the newest notes first and keeps the DOM small while scrolling', async () => {
    const db = await freshDb();
    await db.cards.bulkPut([card('nato', 'Nato', 'organization'), card('kyiv', 'Kyiv', 'place')]);
    const notes = Array.from({ length: 10_000 }, (_, i) =>
      note(`n${i}`, i % 3 ? 'nato' : 'kyiv', `Note number ${i} about the summit`, {
        createdAt: T0 + i * 60_000,
        updatedAt: T0 + i * 60_000,
        page: { url: `https://site${i % 25}.example/story-${i}`, title: `Story ${i}` },
      }),
    );
    await db.notes.bulkAdd(notes);
    // Time to the first page is a bench:notes figure; this checks what the list renders.
    render(<App db={db} />);
    const list = await screen.findByRole('list', { name: 'Notes' });
    expect(screen.getByText('10,000 notes')).toBeTruthy();
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(20);
    expect(list.querySelector('.nb-body')?.textContent).toBe('Note number 9999 about the summit');
    const box = screen.getByRole('region', { name: 'Notes, scrollable' });
    box.scrollTop = ROW_HEIGHT * 9_990;
    fireEvent.scroll(box);
    expect(within(list).getByText('Note number 0 about the summit')).toBeTruthy();
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(20);
  });
});
