import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { NotebookRow } from '../../../components/NotebookRow';
import { makeNote } from './fixtures';

afterEach(cleanup);

function row(createdAt: number) {
  const note = makeNote({ id: 'n1', body: 'Odd time.', createdAt, updatedAt: createdAt });
  const noop = () => undefined;
  return render(
    <NotebookRow
      note={note}
      entities={[{ id: 'jens-stoltenberg', name: 'Jens Stoltenberg' }]}
      editing={false}
      busy={false}
      onEdit={noop}
      onCancel={noop}
      onSave={async () => null}
      onDelete={noop}
      findCard={async () => null}
    />,
  );
}

describe('NotebookRow date', () => {
  it('shows when the note was written, with its exact time in the markup', () => {
    const { container } = row(Date.UTC(2024, 2, 1));
    expect(container.querySelector('time')?.getAttribute('datetime')).toBe('2024-03-01T00:00:00.000Z');
  });

  it('renders a note whose time no date can hold (stored before import checked times)', () => {
    row(1e20);
    expect(screen.getByText('Odd time.')).toBeTruthy();
    expect(screen.getByText('date unknown')).toBeTruthy();
  });
});
