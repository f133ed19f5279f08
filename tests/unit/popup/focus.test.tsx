import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { App } from '../../../entrypoints/popup/App';
import { makeCard } from '../components/fixtures';
import { fakeDeps, natoPage } from './fake-deps';

afterEach(cleanup);

/** Clicks `button` as a keyboard reader would: focus on it first (happy-dom's click does not move focus). */
function press(button: HTMLElement) {
  button.focus();
  fireEvent.click(button);
}

/** The popup on the Nato page, opened on Jens Stoltenberg's card (the heading has focus). */
async function openCard(cards = [makeCard()]) {
  const fake = fakeDeps({ tab: natoPage, cards });
  render(<App deps={fake.deps} />);
  press(await screen.findByRole('button', { name: 'Jens Stoltenberg, 4 mentions' }));
  const heading = await screen.findByRole('heading', { level: 2, name: 'Jens Stoltenberg' });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  return { fake, heading };
}

describe('popup: keyboard focus follows the view', () => {
  it('moves to the Timeline heading when the timeline opens, and back to its button when it closes', async () => {
    render(<App deps={fakeDeps({ tab: natoPage }).deps} />);
    press(await screen.findByRole('button', { name: 'Timeline' }));
    const heading = await screen.findByRole('heading', { name: 'Timeline' });
    await waitFor(() => expect(document.activeElement).toBe(heading));

    press(screen.getByRole('button', { name: /Back to list/ }));
    const button = await screen.findByRole('button', { name: 'Timeline' });
    await waitFor(() => expect(document.activeElement).toBe(button));
  });

  it('back from a card opened in the timeline, lands on the Timeline heading', async () => {
    render(<App deps={fakeDeps({ tab: natoPage, cards: [makeCard()] }).deps} />);
    press(await screen.findByRole('button', { name: 'Timeline' }));
    press(await screen.findByRole('button', { name: 'Open card: Jens Stoltenberg' }));
    await screen.findByRole('heading', { level: 2, name: 'Jens Stoltenberg' });
    press(screen.getByRole('button', { name: /Back to list/ }));
    const heading = await screen.findByRole('heading', { name: 'Timeline' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('moves into the card editor when it opens, and back to "Edit card" on Cancel', async () => {
    await openCard();
    press(screen.getByRole('button', { name: 'Edit card' }));
    const description = await screen.findByRole('textbox', { name: 'Description' });
    await waitFor(() => expect(document.activeElement).toBe(description));

    press(screen.getByRole('button', { name: 'Cancel' }));
    const edit = await screen.findByRole('button', { name: 'Edit card' });
    await waitFor(() => expect(document.activeElement).toBe(edit));
  });

  it('goes back to "Edit card" once the card is saved', async () => {
    const { fake } = await openCard();
    press(screen.getByRole('button', { name: 'Edit card' }));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Description' }), { target: { value: 'Nato chief' } });
    press(screen.getByRole('button', { name: 'Save card' }));
    const edit = await screen.findByRole('button', { name: 'Edit card' });
    await waitFor(() => expect(document.activeElement).toBe(edit));
    expect(fake.cards[0]!.description).toBe('Nato chief');
  });

  it('lands on the card heading once the card is deleted', async () => {
    const { fake } = await openCard();
    press(screen.getByRole('button', { name: 'Delete card' }));
    press(
      within(screen.getByRole('group', { name: 'Confirm deletion' })).getByRole('button', { name: 'Yes, delete card' }),
    );
    await screen.findByRole('button', { name: 'Create card' });
    const heading = screen.getByRole('heading', { level: 2, name: 'Jens Stoltenberg' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(fake.cards).toHaveLength(0);
  });

  it('lands on the card heading once another card is merged in', async () => {
    const other = makeCard({ id: 'stoltenberg-2', name: 'J. Stoltenberg', aliases: [], keys: [] });
    const { fake } = await openCard([makeCard(), other]);
    press(screen.getByRole('button', { name: 'Merge with…' }));
    fireEvent.click(await screen.findByRole('radio', { name: /J\. Stoltenberg/ }));
    press(screen.getByRole('button', { name: 'Merge cards' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Merge cards' })).toBeNull());
    const heading = screen.getByRole('heading', { level: 2, name: 'Jens Stoltenberg' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(fake.cards.map((c) => c.id)).toEqual(['jens-stoltenberg']);
  });

  it('moves to the new view\'s first line after "Run on this page"', async () => {
    const fake = fakeDeps({ tab: null });
    fake.deps.injectContentScript.mockImplementation(async () => fake.setTab(natoPage));
    render(<App deps={fake.deps} />);
    press(await screen.findByRole('button', { name: 'Run on this page' }));
    const line = await screen.findByText(/^4 names on/);
    await waitFor(() => expect(document.activeElement).toBe(line));
  });

  it('moves to the new view\'s first line after "Scan the whole page"', async () => {
    const fake = fakeDeps({ tab: { noArticle: true, url: 'https://example.com/', title: 'Front page' } });
    render(<App deps={fake.deps} />);
    const scan = await screen.findByRole('button', { name: 'Scan the whole page' });
    fake.setTab(natoPage); // the scan's answer
    press(scan);
    const line = await screen.findByText(/^4 names on/);
    await waitFor(() => expect(document.activeElement).toBe(line));
  });
});
