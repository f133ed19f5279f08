import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { type CardReply, HoverCard, type SendFn } from '../../../components/HoverCard';
import type { Result } from '../../../lib/messaging/protocol';
import { makeCard } from './fixtures';

afterEach(cleanup);

const entity = {
  key: 'person:jens stoltenberg',
  name: 'Jens Stoltenberg',
  kind: 'person' as const,
  aliases: [],
  count: 2,
};
const anchor = () => ({ left: 10, top: 10, right: 100, bottom: 30 });
const reply = (description: string): CardReply => ({ card: makeCard({ description }), notes: [], seenIn: 1 });

/** A send whose getCard answers come from `answers`, one per call, each when the test resolves it. */
function deferredSend() {
  const pending: ((r: Result<CardReply>) => void)[] = [];
  const send = vi.fn(() => new Promise((resolve) => pending.push(resolve as (r: Result<CardReply>) => void)));
  return { send: send as unknown as SendFn, answer: (r: Result<CardReply>) => pending.shift()?.(r) };
}

const card = (send: SendFn, cache: Map<string, CardReply>) => (
  <HoverCard entity={entity} anchor={anchor} send={send} onClose={() => {}} renderNotes={() => null} cache={cache} />
);

describe('HoverCard with the page cache', () => {
  it('shows a card hovered before at once, then what the background says now', async () => {
    const cache = new Map<string, CardReply>();
    const first = deferredSend();
    render(card(first.send, cache));
    expect(screen.getByText('Loading…')).toBeTruthy();
    first.answer({ ok: true, value: reply('Secretary General of Nato') });
    await waitFor(() => expect(screen.getByText('Secretary General of Nato')).toBeTruthy());
    cleanup();

    // The worker may be asleep: the next hover does not wait for it.
    const second = deferredSend();
    render(card(second.send, cache));
    expect(screen.getByText('Secretary General of Nato')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    second.answer({ ok: true, value: reply('Chair of the Munich Security Conference') });
    await waitFor(() => expect(screen.getByText('Chair of the Munich Security Conference')).toBeTruthy());
    expect(cache.get(entity.key)?.card?.description).toBe('Chair of the Munich Security Conference');
  });

  it('keeps the cached card when asking again fails', async () => {
    const cache = new Map([[entity.key, reply('Secretary General of Nato')]]);
    const { send, answer } = deferredSend();
    render(card(send, cache));
    answer({ ok: false, error: "Backstory's background worker did not answer" });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByText('Secretary General of Nato')).toBeTruthy();
    expect(screen.queryByText(/did not answer/)).toBeNull();
  });

  it('says what failed when nothing was cached', async () => {
    const { send, answer } = deferredSend();
    render(card(send, new Map()));
    answer({ ok: false, error: "Backstory's background worker did not answer" });
    await waitFor(() => expect(screen.getByText(/did not answer/)).toBeTruthy());
  });
});
