// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { TimelinePanel } from '../../../components/Timeline';

const entities = [
  { key: 'place:moscow', name: 'Moscow', kind: 'place', aliases: [], count: 1 },
  { key: 'place:crimea', name: 'Crimea', kind: 'place', aliases: [], count: 1 },
];
const blocks = [
  'Russia closed its mission on Monday.',
  'Relations have been strained since 2014 when Moscow annexed Crimea.',
];

describe('TimelinePanel', () => {
  it('draws entries oldest first with the article date marked, reveals passages and opens entities', async () => {
    const reveal = vi.fn(async () => true);
    const onChoose = vi.fn();
    render(
      <TimelinePanel
        load={async () => ({ ok: true, value: { blocks, published: '2021-10-20' } })}
        entities={entities}
        reveal={reveal}
        onChooseEntity={onChoose}
      />,
    );
    const list = await screen.findByRole('list', { name: 'Timeline' });
    const dates = [...list.querySelectorAll(':scope > li > h3')].map((h) => h.textContent);
    expect(dates).toEqual(['2014', 'Monday 18 October 2021', 'Wednesday 20 October 2021']);
    fireEvent.click(screen.getByRole('button', { name: '2014: Moscow annexed Crimea' }));
    await waitFor(() => expect(reveal).toHaveBeenCalledWith({ block: 1, start: 0, end: blocks[1]!.length }));
    expect(await screen.findByText('Shown on the page.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open card: Crimea' }));
    expect(onChoose).toHaveBeenCalledWith(entities[1]);
  });

  it('says so when the tab cannot give its text, and when there are no dates', async () => {
    const { unmount } = render(
      <TimelinePanel
        load={async () => ({ ok: false, error: 'no answer' })}
        entities={[]}
        reveal={async () => false}
        onChooseEntity={() => undefined}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/no answer/);
    unmount();
    render(
      <TimelinePanel
        load={async () => ({ ok: true, value: { blocks: ['Nothing dated.'] } })}
        entities={[]}
        reveal={async () => false}
        onChooseEntity={() => undefined}
      />,
    );
    expect(await screen.findByText('No dates found in this article.')).toBeTruthy();
  });
});
