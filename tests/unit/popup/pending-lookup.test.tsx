import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../entrypoints/popup/App';
import { fakeDeps, natoPage } from './fake-deps';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The popup on the Nato page, whose worker answers "pending" to the first `slowFor` getCards of Nato. */
async function openPending(slowFor: number) {
  const fake = fakeDeps({ tab: natoPage });
  const plain = fake.deps.sendToBackground.getMockImplementation()!;
  const asked: { retry?: boolean }[] = [];
  fake.deps.sendToBackground.mockImplementation(async (type: string, payload: any) => {
    if (type !== 'getCard') return plain(type, payload);
    asked.push(payload);
    if (asked.length > slowFor) return plain(type, payload);
    return { ok: true, value: { card: null, notes: [], seenIn: 0, lookup: { status: 'pending' } } };
  });
  render(<App deps={fake.deps} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Nato, 9 mentions' }));
  await screen.findByText('Looking this name up on Wikipedia…');
  vi.useFakeTimers();
  return asked;
}

/** Lets time pass, half a second at a time, until `done` (at most `max` seconds). */
async function until(done: () => boolean, max: number): Promise<void> {
  for (let ms = 0; !done() && ms < max * 1000; ms += 500)
    await act(async () => {
      await vi.advanceTimersByTimeAsync(500);
    });
  expect(done()).toBe(true);
}

const stillWaiting = () => screen.queryByText('Still waiting for Wikipedia.') !== null;

describe('popup card while a Wikipedia look-up is pending', () => {
  it('says it is still waiting after the quick asks, offers "Check again", and keeps asking slowly', async () => {
    const asked = await openPending(1000);
    await until(stillWaiting, 20);
    expect(asked).toHaveLength(9);
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
    await until(() => asked.length > 9, 15);
  });

  it('"Check again" asks at once, then quickly again', async () => {
    const asked = await openPending(1000);
    await until(stillWaiting, 20);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(asked.at(-1)?.retry).toBe(true);
    expect(screen.getByText('Looking this name up on Wikipedia…')).toBeTruthy();
    const after = asked.length;
    await until(() => asked.length > after, 2);
  });
});
