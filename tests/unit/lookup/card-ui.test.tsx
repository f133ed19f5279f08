import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { CardView } from '@/components/CardView';
import { CardTools } from '@/components/CardEditor';
import { mergeCards } from '@/lib/db/card-edits';
import { searchCards } from '@/lib/db/card-search';
import { EntityDetail } from '@/entrypoints/popup/EntityDetail';
import { createHandlers } from '@/entrypoints/background/handlers';
import type { PopupDeps } from '@/entrypoints/popup/deps';
import type { Sender } from '@/lib/messaging/serve';
import { card, freshDb } from '../db/helpers';

afterEach(cleanup);

const salisbury = { name: 'Salisbury', kind: 'place' as const, count: 3 };
const candidates = [
  { title: 'Salisbury, Wiltshire', description: 'Cathedral city in Wiltshire, England' },
  { title: 'Salisbury, Maryland', description: 'City in Maryland, United States' },
];

describe('CardView look-up states', () => {
  it('offers the candidates of an ambiguous name and reports the choice', async () => {
    const onChoose = vi.fn(async () => null);
    render(
      <CardView
        entity={salisbury}
        card={null}
        lookup={{ status: 'ambiguous', candidates }}
        onChoose={onChoose}
        onCreateCard={() => undefined}
      />,
    );
    expect(screen.getByText('Wikipedia has several articles for this name. Choose one:')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Candidate articles' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Salisbury, Wiltshire', 'Salisbury, Maryland']);
    expect(within(list).getByText(/City in Maryland/)).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: 'Salisbury, Maryland' }));
    await waitFor(() => expect(onChoose).toHaveBeenCalledWith('Salisbury, Maryland'));
    expect(screen.getByRole('button', { name: 'Create card' })).toBeTruthy();
  });

  it('shows a failed choice as an alert', async () => {
    render(
      <CardView
        entity={salisbury}
        card={null}
        lookup={{ status: 'ambiguous', candidates }}
        onChoose={async () => 'Could not reach Wikipedia'}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Salisbury, Wiltshire' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not reach Wikipedia');
  });

  it('says when Wikipedia could not be reached, with Retry, and when there is no article', async () => {
    const onRetry = vi.fn(async () => undefined);
    const { rerender } = render(
      <CardView
        entity={salisbury}
        card={null}
        lookup={{ status: 'failed', error: 'Could not reach Wikipedia: no answer within 8 s.' }}
        onRetry={onRetry}
        onCreateCard={() => undefined}
      />,
    );
    // The look-up's own sentence, said once (it already says whether Wikipedia was reached).
    expect(screen.getByText('Could not reach Wikipedia: no answer within 8 s.')).toBeTruthy();
    expect(document.body.textContent?.match(/Could not reach Wikipedia/g)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onRetry).toHaveBeenCalled());
    rerender(<CardView entity={salisbury} card={null} lookup={{ status: 'missing' }} onCreateCard={() => undefined} />);
    expect(screen.getByText('No article found on Wikipedia.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create card' })).toBeTruthy();
    rerender(<CardView entity={salisbury} card={null} lookup={{ status: 'pending' }} />);
    expect(screen.getByRole('status').textContent).toBe('Looking this name up on Wikipedia…');
  });

  it('says the reader deleted the card, offering "Look up again" and "Create card"', async () => {
    const onRetry = vi.fn(async () => undefined);
    render(
      <CardView
        entity={salisbury}
        card={null}
        lookup={{ status: 'deleted' }}
        onRetry={onRetry}
        onCreateCard={() => undefined}
      />,
    );
    expect(screen.getByText(/You deleted the card for this name/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create card' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Look up again' }));
    await waitFor(() => expect(onRetry).toHaveBeenCalledTimes(1));
  });

  it('beside a Wikipedia card, offers the other articles under "Not the right one?"', () => {
    const c = card('wp-q1', 'Salisbury, Wiltshire', 'place', [], {
      source: 'wikipedia',
      image: 'https://upload.wikimedia.org/x.jpg',
    });
    render(
      <CardView
        entity={salisbury}
        card={c}
        lookup={{ status: 'found', candidates: candidates.slice(1) }}
        onChoose={async () => null}
      />,
    );
    expect(screen.getByText('Not the right one?')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Salisbury, Wiltshire' }).getAttribute('src')).toBe(
      'https://upload.wikimedia.org/x.jpg',
    );
  });
});

describe('popup: editing, deleting and merging cards (real handlers, fake-indexeddb)', () => {
  async function mount() {
    const db = await freshDb();
    await db.cards.bulkAdd([card('nato', 'Nato', 'organization', ['NATO']), card('otan', 'OTAN', 'organization')]);
    await db.notes.add({
      id: 'n1',
      cardId: 'otan',
      cardIds: ['otan'],
      body: 'French name',
      createdAt: 1,
      updatedAt: 1,
    });
    const { handlers } = createHandlers({
      db,
      getDetector: async () => ({ spot: () => ({ entities: [], spans: [] }), setKnownNames: () => undefined }),
    });
    const popup: Sender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
    const deps = {
      sendToBackground: (type: string, payload: unknown) =>
        (handlers as Record<string, (p: unknown, s: Sender) => unknown>)[type]!(payload, popup),
      sendToTab: async () => ({ ok: false, error: 'no tab' }),
      findTab: async () => null,
      injectContentScript: async () => undefined,
      sleep: async () => undefined,
    } as unknown as PopupDeps;
    const entity = {
      key: 'organization:nato',
      name: 'Nato',
      kind: 'organization' as const,
      aliases: [],
      count: 2,
      cardId: 'nato',
    };
    render(
      <EntityDetail
        deps={deps}
        tabId={1}
        entity={entity}
        page={{ url: 'https://n.test/', title: 'n' }}
        onBack={() => undefined}
      />,
    );
    await screen.findByRole('heading', { level: 2, name: 'Nato' });
    return db;
  }

  it('edits the description, summary and other names', async () => {
    const db = await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Edit card' }));
    fireEvent.input(screen.getByLabelText('Description'), { target: { value: 'Military alliance' } });
    fireEvent.input(screen.getByLabelText('Summary'), { target: { value: 'My own summary.' } });
    fireEvent.input(screen.getByLabelText('Other names (one per line)'), {
      target: { value: 'NATO\nNorth Atlantic Alliance' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save card' }));
    await screen.findByText('My own summary.');
    expect(await db.cards.get('nato')).toMatchObject({
      description: 'Military alliance',
      aliases: ['NATO', 'North Atlantic Alliance'],
      edited: true,
    });
  });

  it('merges another card, picked from the list, into this one, then deletes it after asking', async () => {
    const db = await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Merge with…' }));
    fireEvent.input(screen.getByLabelText('Find the card that is the same as this one'), { target: { value: 'ota' } });
    fireEvent.click(await screen.findByRole('radio', { name: /^OTAN/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge cards' }));
    await screen.findByText('French name');
    expect(await db.cards.get('otan')).toBeUndefined();
    expect((await db.cards.get('nato'))?.aliases).toEqual(['NATO', 'OTAN']);

    fireEvent.click(screen.getByRole('button', { name: 'Delete card' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete card' }));
    await screen.findByRole('button', { name: 'Create card' });
    expect(await db.cards.count()).toBe(0);
    expect(await db.notes.count()).toBe(0);
  });

  it('says when no other card matches what the reader looks for', async () => {
    await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Merge with…' }));
    fireEvent.input(screen.getByLabelText('Find the card that is the same as this one'), {
      target: { value: 'Warsaw Pact' },
    });
    await screen.findByText('No other card matches “Warsaw Pact”.');
    expect((screen.getByRole('button', { name: 'Merge cards' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('Merge with… picker', () => {
  it('lets the reader search the existing cards and pick the other one', async () => {
    const db = await freshDb();
    const nato = card('nato', 'Nato', 'organization', ['NATO']);
    await db.cards.bulkAdd([
      nato,
      card('otan', 'OTAN', 'organization'),
      card('osce', 'OSCE', 'organization'),
      card('crimea', 'Crimea', 'place'),
    ]);
    const merged = vi.fn(async (otherId: string) => {
      const r = await mergeCards(db, 'nato', otherId);
      return r.ok ? null : r.error;
    });
    render(
      <CardTools
        card={nato}
        onEdit={() => undefined}
        onDelete={async () => null}
        onMerge={async () => 'typed names are not used here'}
        findCards={(q) => searchCards(db, q)}
        onMergeCard={merged}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Merge with…' }));
    const group = await screen.findByRole('group', { name: 'Cards to merge into Nato' });
    // Every other card is offered at first; the card itself never is.
    await waitFor(() => expect(within(group).getAllByRole('radio')).toHaveLength(3));
    expect(within(group).queryByRole('radio', { name: /^Nato/ })).toBeNull();
    const merge = screen.getByRole('button', { name: 'Merge cards' }) as HTMLButtonElement;
    expect(merge.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText('Find the card that is the same as this one'), { target: { value: 'o' } });
    await waitFor(() => expect(within(group).getAllByRole('radio')).toHaveLength(2));
    fireEvent.input(screen.getByLabelText('Find the card that is the same as this one'), { target: { value: 'ot' } });
    const otan = await within(group).findByRole('radio', { name: /^OTAN/ });
    await waitFor(() => expect(within(group).getAllByRole('radio')).toHaveLength(1));
    fireEvent.click(otan);
    expect(merge.disabled).toBe(false);
    fireEvent.click(merge);
    await waitFor(() => expect(merged).toHaveBeenCalledWith('otan'));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Cards to merge into Nato' })).toBeNull());
    expect(await db.cards.get('otan')).toBeUndefined();
    expect((await db.cards.get('nato'))?.aliases).toEqual(['NATO', 'OTAN']);
  });

  it('says when nothing matches and shows a failed merge', async () => {
    const nato = card('nato', 'Nato', 'organization');
    render(
      <CardTools
        card={nato}
        onEdit={() => undefined}
        onDelete={async () => null}
        onMerge={async () => null}
        findCards={async (q) => (q ? [] : [{ id: 'otan', name: 'OTAN', kind: 'organization', description: '' }])}
        onMergeCard={async () => 'The cards were not merged: one of them no longer exists.'}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Merge with…' }));
    fireEvent.click(await screen.findByRole('radio', { name: /OTAN/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge cards' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The cards were not merged: one of them no longer exists.',
    );
    fireEvent.input(screen.getByLabelText('Find the card that is the same as this one'), { target: { value: 'xyz' } });
    expect(await screen.findByText('No other card matches “xyz”.')).toBeTruthy();
  });
});
