import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
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

describe('HoverCard while a look-up is pending', () => {
  const nato = { key: 'organization:nato', name: 'NATO', kind: 'organization' as const, aliases: [], count: 4 };
  const pending: CardReply = { card: null, notes: [], seenIn: 0, lookup: { status: 'pending' } };
  const found: CardReply = {
    card: makeCard({ id: 'wp-q7184', name: 'NATO', kind: 'organization', description: 'Military alliance' }),
    notes: [],
    seenIn: 1,
    lookup: { status: 'found', candidates: [] },
  };
  /** A background that answers "pending" to the first `slowFor` getCards, then has the card. */
  function slowBackground(slowFor: number) {
    const asked: { retry?: boolean }[] = [];
    const send = vi.fn(async (_type: string, payload: { retry?: boolean }) => {
      asked.push(payload);
      // A fresh copy each time, as a message reply is.
      return { ok: true, value: structuredClone(asked.length <= slowFor ? pending : found) };
    });
    return { asked, send: send as unknown as SendFn };
  }
  /** Lets time pass, half a second at a time, until `done` (at most `max` seconds); returns the time taken. */
  const until = async (done: () => boolean, max: number) => {
    let ms = 0;
    while (!done() && ms < max * 1000) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(500);
      });
      ms += 500;
    }
    expect(done()).toBe(true);
    return ms;
  };
  const stillWaiting = () => screen.queryByText('Still waiting for Wikipedia.') !== null;
  const shown = () => screen.queryByText('Military alliance') !== null;
  const open = (send: SendFn) =>
    render(<HoverCard entity={nato} anchor={anchor} send={send} onClose={() => {}} renderNotes={() => null} />);

  it('keeps asking after a long wait, says it is still waiting, and shows the card once the background has it', async () => {
    vi.useFakeTimers();
    try {
      const { asked, send } = slowBackground(9);
      open(send);
      // The quick asking is over (the first answer and 8 more, 1.5 s apart): it says so.
      await until(stillWaiting, 20);
      expect(asked).toHaveLength(9);
      expect(screen.getByRole('status').textContent).toBe('Still waiting for Wikipedia.');
      expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
      // It still asks, slowly, and shows the card once the background has it.
      expect(await until(shown, 15)).toBeGreaterThan(5000);
      expect(screen.queryByRole('status')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('"Check again" asks again at once, then quickly again while the look-up is still pending', async () => {
    vi.useFakeTimers();
    try {
      const { asked, send } = slowBackground(11);
      open(send);
      await until(stillWaiting, 20);
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(asked.at(-1)?.retry).toBe(true);
      expect(screen.getByRole('status').textContent).toBe('Looking this name up on Wikipedia…');
      // One more "pending", then the card, at the quick pace again.
      expect(await until(shown, 5)).toBeLessThan(5000);
    } finally {
      vi.useRealTimers();
    }
  });
});
