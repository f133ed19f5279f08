import { describe, expect, it, vi, afterEach } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { EntityList, entityLabel, groupEntities } from '../../../components/EntityList';
import type { ListEntity } from '../../../components/EntityList';

afterEach(cleanup);

const e = (name: string, kind: ListEntity['kind'], count: number, aliases: string[] = []): ListEntity => ({
  key: `${kind}:${name.toLowerCase()}`,
  name,
  kind,
  count,
  aliases,
});

const entities = [
  e('Moscow', 'place', 2),
  e('Cold War', 'event', 1),
  e('Jens Stoltenberg', 'person', 4, ['Stoltenberg', 'Mr Stoltenberg']),
  e('Russia', 'place', 7),
  e('Crimea', 'place', 2),
  e('Nato', 'organization', 9),
  e('Sergei Skripal', 'person', 1),
];

describe('EntityList', () => {
  it('groups by kind under h2 headings in a fixed order, skipping empty kinds', () => {
    render(<EntityList entities={entities.filter((x) => x.kind !== 'event')} onChoose={vi.fn()} />);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['People', 'Organisations', 'Places']);
  });

  it('lists most-mentioned first, then by name, with "<name>, <N> mention(s)" buttons', () => {
    render(<EntityList entities={entities} onChoose={vi.fn()} />);
    const places = screen.getByRole('heading', { level: 2, name: 'Places' }).nextElementSibling as HTMLElement;
    expect(places.tagName).toBe('UL');
    const names = within(places)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['Russia, 7 mentions', 'Crimea, 2 mentions', 'Moscow, 2 mentions']);
    expect(screen.getByRole('button', { name: 'Cold War, 1 mention' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Jens Stoltenberg, 4 mentions' })).toBeTruthy();
  });

  it('calls onChoose with the entity', () => {
    const onChoose = vi.fn();
    render(<EntityList entities={entities} onChoose={onChoose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Nato, 9 mentions' }));
    expect(onChoose).toHaveBeenCalledWith(entities[5]);
  });

  it('filters by name and alias and says when nothing matches', () => {
    render(<EntityList entities={entities} onChoose={vi.fn()} />);
    const filter = screen.getByLabelText('Filter names');
    fireEvent.input(filter, { target: { value: 'mr stolt' } });
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Jens Stoltenberg, 4 mentions',
    ]);
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['People']);
    fireEvent.input(filter, { target: { value: 'zzz' } });
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.getByText('No names match “zzz”.')).toBeTruthy();
  });

  it('hides the filter for short lists and explains an empty one', () => {
    const { rerender } = render(<EntityList entities={entities.slice(0, 2)} onChoose={vi.fn()} />);
    expect(screen.queryByLabelText('Filter names')).toBeNull();
    rerender(<EntityList entities={[]} onChoose={vi.fn()} />);
    expect(screen.getByText('No names found in this article.')).toBeTruthy();
  });

  it('exposes the pure helpers', () => {
    expect(entityLabel({ name: 'AFP', count: 1 })).toBe('AFP, 1 mention');
    expect(groupEntities(entities).map((g) => g.items.map((x) => x.name))).toEqual([
      ['Jens Stoltenberg', 'Sergei Skripal'],
      ['Nato'],
      ['Russia', 'Crimea', 'Moscow'],
      ['Cold War'],
    ]);
  });
});
