import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { App } from '../../../entrypoints/popup/App';
import { makeCard } from '../components/fixtures';
import { fakeDeps, natoPage } from './fake-deps';

afterEach(cleanup);

/** Writes "Met him in Brussels" on Jens Stoltenberg's card from the popup of a tab. */
async function writeNote(tab: { id: number; incognito?: boolean }) {
  const fake = fakeDeps({ tab: natoPage, cards: [makeCard()] });
  fake.deps.findTab.mockResolvedValue(tab as never);
  render(<App deps={fake.deps} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Jens Stoltenberg, 4 mentions' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Add note' }));
  fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Met him in Brussels' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
  await within(screen.getByRole('list', { name: 'Notes' })).findByText('Met him in Brussels');
  const saveNote = fake.deps.sendToBackground.mock.calls.find(([type]) => type === 'saveNote');
  return saveNote?.[1] as Record<string, unknown>;
}

describe('popup: notes written in a private window', () => {
  it('keep no page address or title', async () => {
    const payload = await writeNote({ id: 42, incognito: true });
    expect(payload).toMatchObject({ cardId: 'jens-stoltenberg', body: 'Met him in Brussels' });
    expect(payload).not.toHaveProperty('page');
  });

  it('in an ordinary window keep the page they were written on', async () => {
    const payload = await writeNote({ id: 42, incognito: false });
    expect(payload.page).toEqual({ url: natoPage.url, title: natoPage.title });
  });

  it("send the popup's tab with getCard, so the worker can tell a private tab", async () => {
    const fake = fakeDeps({ tab: natoPage });
    fake.deps.findTab.mockResolvedValue({ id: 7, incognito: true } as never);
    render(<App deps={fake.deps} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Nato, 9 mentions' }));
    await screen.findByRole('heading', { level: 2, name: 'Nato' });
    expect(fake.deps.sendToBackground).toHaveBeenCalledWith('getCard', {
      name: 'Nato',
      kind: 'organization',
      aliases: [],
      context: ['Jens Stoltenberg', 'Cold War', 'Sergei Skripal'],
      tabId: 7,
    });
  });
});
