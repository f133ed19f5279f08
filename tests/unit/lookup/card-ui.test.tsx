import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { CardView } from '@/components/CardView';
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
        lookup={{ status: 'failed', error: 'no answer within 8 s' }}
        onRetry={onRetry}
        onCreateCard={() => undefined}
      />,
    );
    expect(screen.getByText(/Could not reach Wikipedia\. no answer within 8 s/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(onRetry).toHaveBeenCalled());
    rerender(<CardView entity={salisbury} card={null} lookup={{ status: 'missing' }} onCreateCard={() => undefined} />);
    expect(screen.getByText('No article found on Wikipedia.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create card' })).toBeTruthy();
    rerender(<CardView entity={salisbury} card={null} lookup={{ status: 'pending' }} />);
    expect(screen.getByRole('status').textContent).toBe('Looking this name up on Wikipedia…');
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
    await db.notes.add({ id: 'n1', cardId: 'otan', body: 'French name', createdAt: 1, updatedAt: 1 });
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

  it('merges another card into this one, then deletes it after asking', async () => {
    const db = await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Merge with…' }));
    fireEvent.input(screen.getByLabelText('Name of the card that is the same as this one'), {
      target: { value: 'OTAN' },
    });
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

  it('names an unknown card in a failed merge', async () => {
    await mount();
    fireEvent.click(screen.getByRole('button', { name: 'Merge with…' }));
    fireEvent.input(screen.getByLabelText('Name of the card that is the same as this one'), {
      target: { value: 'Warsaw Pact' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Merge cards' }));
    expect((await screen.findByRole('alert')).textContent).toBe('There is no card named "Warsaw Pact".');
  });
});
