import { describe, expect, it, vi, afterEach } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { CardView, imageSrc, safeHref } from '../../../components/CardView';
import { makeCard } from './fixtures';

afterEach(cleanup);

const stoltenberg = { name: 'Jens Stoltenberg', kind: 'person' as const, count: 4 };

describe('CardView with a card', () => {
  it('shows name, kind, description, summary and a safe onward link', () => {
    render(<CardView entity={stoltenberg} card={makeCard()} seenIn={3} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Jens Stoltenberg' })).toBeTruthy();
    expect(screen.getByText('Person')).toBeTruthy();
    expect(screen.getByText('Secretary General of Nato (2014–2024)')).toBeTruthy();
    expect(screen.getByText(/Norwegian politician/)).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Read more on Wikipedia' });
    expect(link.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Jens_Stoltenberg');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByText('Seen in 3 articles')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create card' })).toBeNull();
    expect(screen.queryByText(/Mentioned/)).toBeNull();
  });

  it('labels each kind in words', () => {
    const { rerender } = render(
      <CardView entity={stoltenberg} card={makeCard({ kind: 'organization', name: 'Nato' })} />,
    );
    expect(screen.getByText('Organisation')).toBeTruthy();
    rerender(<CardView entity={stoltenberg} card={makeCard({ kind: 'place', name: 'Crimea' })} />);
    expect(screen.getByText('Place')).toBeTruthy();
    rerender(<CardView entity={stoltenberg} card={makeCard({ kind: 'event', name: 'Cold War' })} />);
    expect(screen.getByText('Event')).toBeTruthy();
  });

  it('uses "Read more" for non-Wikipedia links and drops javascript: links', () => {
    const { rerender } = render(<CardView entity={stoltenberg} card={makeCard({ url: 'https://www.nato.int/' })} />);
    expect(screen.getByRole('link', { name: 'Read more' })).toBeTruthy();
    rerender(<CardView entity={stoltenberg} card={makeCard({ url: 'javascript:alert(1)' })} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(safeHref('javascript:alert(1)')).toBeNull();
  });

  it('shows the image only when the card has one, with alt = name, and hides it when it fails', () => {
    const { rerender } = render(<CardView entity={stoltenberg} card={makeCard()} />);
    expect(screen.queryByRole('img', { name: 'Jens Stoltenberg' })).toBeNull();
    rerender(<CardView entity={stoltenberg} card={makeCard({ image: 'https://upload.wikimedia.org/x.jpg' })} />);
    const img = screen.getByRole('img', { name: 'Jens Stoltenberg' });
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(img.getAttribute('width')).toBe('72');
    fireEvent.error(img);
    expect(screen.queryByRole('img', { name: 'Jens Stoltenberg' })).toBeNull();
  });

  it('accepts only web, data-image and extension image sources', () => {
    expect(imageSrc('https://upload.wikimedia.org/x.png')).toBe('https://upload.wikimedia.org/x.png');
    // A card from a shared import file must not make every hover on a news page ping another host.
    expect(imageSrc('https://tracker.example/pixel.gif?reader=42')).toBeNull();
    expect(imageSrc('http://upload.wikimedia.org/x.png')).toBeNull();
    expect(imageSrc('chrome-extension://another-extension/x.png')).toBeNull();
    expect(imageSrc('javascript:alert(1)')).toBeNull();
    expect(imageSrc('cards/x.png')).toBeNull();
    expect(imageSrc('/cards/x.png')).toMatch(/\/cards\/x\.png$/);
  });

  it('omits "Seen in" when the entity was never met before', () => {
    render(<CardView entity={stoltenberg} card={makeCard()} seenIn={0} />);
    expect(screen.queryByText(/Seen in/)).toBeNull();
  });
});

describe('CardView without a card', () => {
  it('shows kind, mentions on this page and "Create card"', async () => {
    let done!: () => void;
    const onCreateCard = vi.fn(() => new Promise<void>((r) => (done = r)));
    render(
      <CardView
        entity={{ name: 'Sergei Skripal', kind: 'person', count: 2 }}
        card={null}
        onCreateCard={onCreateCard}
      />,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Sergei Skripal' })).toBeTruthy();
    expect(screen.getByText('Person')).toBeTruthy();
    expect(screen.getByText('Mentioned 2 times on this page')).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Create card' }) as HTMLButtonElement;
    fireEvent.click(button);
    expect(onCreateCard).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(button.disabled).toBe(true));
    fireEvent.click(button); // ignored while the first one runs
    expect(onCreateCard).toHaveBeenCalledTimes(1);
    done();
    await waitFor(() => expect(button.disabled).toBe(false));
  });

  it('says "1 time" for a single mention and has no button without onCreateCard', () => {
    render(<CardView entity={{ name: 'Cold War', kind: 'event', count: 1 }} card={null} />);
    expect(screen.getByText('Mentioned 1 time on this page')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows a failed creation in an alert', async () => {
    render(
      <CardView
        entity={{ name: 'AFP', kind: 'organization', count: 1 }}
        card={null}
        onCreateCard={() => Promise.reject(new Error('database closed'))}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create card' }));
    expect((await screen.findByRole('alert')).textContent).toContain('database closed');
  });
});

describe('CardView dates', () => {
  it('shows when an event happened, each end in a <time>', () => {
    const { container, rerender } = render(
      <CardView
        entity={{ name: 'Brexit', kind: 'event' }}
        card={makeCard({
          name: 'Brexit',
          kind: 'event',
          dates: { start: '2016-06-23', end: '2020-01-31', precision: 'day' },
        })}
      />,
    );
    const line = container.querySelector('.bs-card-dates');
    expect(line?.textContent).toBe('When: 23 June 2016 – 31 January 2020');
    expect([...container.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).toEqual([
      '2016-06-23',
      '2020-01-31',
    ]);
    rerender(<CardView entity={stoltenberg} card={makeCard()} />);
    expect(container.querySelector('.bs-card-dates')).toBeNull();
    rerender(
      <CardView
        entity={stoltenberg}
        card={makeCard({ kind: 'event', dates: { start: '2021-02-30', precision: 'day' } })}
      />,
    );
    expect(container.querySelector('.bs-card-dates')).toBeNull();
  });
});
