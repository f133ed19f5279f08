import { describe, expect, it, afterEach } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App } from '../../../entrypoints/popup/App';
import { tabIdFromQuery } from '../../../entrypoints/popup/deps';
import { makeCard } from '../components/fixtures';
import { fakeDeps, natoPage } from './fake-deps';

afterEach(cleanup);

describe('popup App: page states', () => {
  it('shows a loading line first, never a blank popup', () => {
    const { deps } = fakeDeps({ tab: natoPage });
    render(<App deps={deps} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Backstory' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/Looking at this page/);
  });

  it('lists the page entities grouped by kind', async () => {
    const { deps } = fakeDeps({ tab: natoPage });
    render(<App deps={deps} />);
    await screen.findByRole('heading', { level: 2, name: 'People' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'People',
      'Organisations',
      'Events',
    ]);
    expect(screen.getByRole('button', { name: 'Jens Stoltenberg, 4 mentions' })).toBeTruthy();
    expect(deps.sendToTab).toHaveBeenCalledWith(42, 'getPageState', {});
  });

  it('says when there is no article', async () => {
    const { deps } = fakeDeps({ tab: { noArticle: true, url: 'http://x/', title: 'Home' } });
    render(<App deps={deps} />);
    expect(await screen.findByText('No article found on this page.')).toBeTruthy();
  });

  it('offers to run on a page without the content script, then lists its names', async () => {
    const fake = fakeDeps({ tab: null });
    fake.deps.injectContentScript.mockImplementation(async () => fake.setTab(natoPage));
    render(<App deps={fake.deps} />);
    expect(await screen.findByText('Backstory is not running on this page.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run on this page' }));
    await screen.findByRole('button', { name: 'Nato, 9 mentions' });
    expect(fake.deps.injectContentScript).toHaveBeenCalledWith(42);
  });

  it('polls after injecting until the content script answers', async () => {
    const fake = fakeDeps({ tab: null });
    let polls = 0;
    fake.deps.sleep.mockImplementation(async () => {
      if (++polls === 3) fake.setTab(natoPage);
    });
    render(<App deps={fake.deps} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Run on this page' }));
    await screen.findByRole('heading', { level: 2, name: 'People' });
    expect(polls).toBe(3);
  });

  it('explains when the browser refuses to inject', async () => {
    const fake = fakeDeps({ tab: null });
    fake.deps.injectContentScript.mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    render(<App deps={fake.deps} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Run on this page' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Cannot access a chrome:// URL');
    expect(screen.getByRole('button', { name: 'Run on this page' })).toBeTruthy();
  });

  it('reports a missing tab', async () => {
    const fake = fakeDeps({ tab: natoPage });
    fake.deps.findTab.mockResolvedValue(null as never);
    render(<App deps={fake.deps} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/no page/i);
  });

  it('reads ?tab=<id>', () => {
    expect(tabIdFromQuery('?tab=17')).toBe(17);
    expect(tabIdFromQuery('?tab=abc')).toBeNull();
    expect(tabIdFromQuery('')).toBeNull();
  });
});

describe('popup App: card and notes', () => {
  it('opens a card, adds, edits and deletes a note, and goes back to the list', async () => {
    const fake = fakeDeps({ tab: natoPage, cards: [makeCard()] });
    render(<App deps={fake.deps} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Jens Stoltenberg, 4 mentions' }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Jens Stoltenberg' });
    // The tab goes along (the worker tells a private window's tab), and the page's other names,
    // most-mentioned first, to choose among Wikipedia's articles.
    expect(fake.deps.sendToBackground).toHaveBeenCalledWith('getCard', {
      name: 'Jens Stoltenberg',
      kind: 'person',
      aliases: ['Stoltenberg'],
      context: ['Nato', 'Cold War', 'Sergei Skripal'],
      tabId: 42,
    });
    expect(screen.getByText('Seen in 2 articles')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(heading));

    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Met him in Brussels' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    const list = screen.getByRole('list', { name: 'Notes' });
    await within(list).findByText('Met him in Brussels');
    expect(fake.notes[0]).toMatchObject({
      cardId: 'jens-stoltenberg',
      page: { url: natoPage.url, title: natoPage.title },
    });

    const opened = fake.notes[0]!.updatedAt;
    fireEvent.click(screen.getByRole('button', { name: /^Edit note/ }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Met him in Oslo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await within(list).findByText('Met him in Oslo');
    expect(fake.notes).toHaveLength(1);
    // The edit names the version it began on (the worker refuses it if the note changed meanwhile).
    expect(fake.deps.sendToBackground).toHaveBeenCalledWith(
      'saveNote',
      expect.objectContaining({ noteId: fake.notes[0]!.id, body: 'Met him in Oslo', baseUpdatedAt: opened }),
    );

    fireEvent.click(screen.getByRole('button', { name: /^Delete note/ }));
    await within(list).findByText('No notes yet');
    expect(fake.notes).toHaveLength(0);
    // One click deletes; "Undo" (focused, as the Delete button is gone) brings the note back as it was.
    const undo = await screen.findByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    fireEvent.click(undo);
    await within(list).findByText('Met him in Oslo');
    expect(fake.notes).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Edit note/ })));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Delete note/ }));
    await within(list).findByText('No notes yet');

    fireEvent.click(screen.getByRole('button', { name: 'Back to list' }));
    const back = await screen.findByRole('button', { name: 'Jens Stoltenberg, 4 mentions' });
    await waitFor(() => expect(document.activeElement).toBe(back));
  });

  it('creates a card for a name without one', async () => {
    const fake = fakeDeps({ tab: natoPage });
    render(<App deps={fake.deps} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Sergei Skripal, 1 mention' }));
    expect(await screen.findByText('Mentioned 1 time on this page')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create card' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Create card' })).toBeNull());
    expect(fake.cards.map((c) => c.name)).toEqual(['Sergei Skripal']);
  });

  it('saving a note on a name without a card creates the card first', async () => {
    const fake = fakeDeps({ tab: natoPage });
    render(<App deps={fake.deps} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Cold War, 1 mention' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add note' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: '1947–1991' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await within(screen.getByRole('list', { name: 'Notes' })).findByText('1947–1991');
    expect(fake.notes[0]!.cardId).toBe(fake.cards[0]!.id);
  });

  it('shows a failed card load with a retry', async () => {
    const fake = fakeDeps({ tab: natoPage, failGetCard: 'database unavailable' });
    render(<App deps={fake.deps} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nato, 9 mentions' }));
    expect((await screen.findByRole('alert')).textContent).toContain('database unavailable');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Back to list' })).toBeTruthy();
  });
});
