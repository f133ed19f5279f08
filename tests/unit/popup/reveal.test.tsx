import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { App } from '../../../entrypoints/popup/App';
import type { EntityKind } from '../../../lib/entity';
import { fakeDeps, natoPage } from './fake-deps';

afterEach(cleanup);

/** Presses "Show on page" for Jens Stoltenberg on a tab that answers `revealed`, with `kinds` marked. */
async function showOnPage(revealed: boolean, kinds: EntityKind[]) {
  const fake = fakeDeps({ tab: natoPage });
  const sendToTab = fake.deps.sendToTab.getMockImplementation()!;
  fake.deps.sendToTab.mockImplementation(async (tabId, type) =>
    type === 'revealEntity' ? { ok: true, value: { revealed } } : sendToTab(tabId, type),
  );
  render(<App deps={{ ...fake.deps, markedKinds: vi.fn(async () => kinds) }} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Jens Stoltenberg, 4 mentions' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Show on page' }));
  const status = () => screen.getAllByRole('status').map((s) => s.textContent ?? '');
  await waitFor(() => expect(status().join('')).not.toBe(''));
  return status().find((s) => s !== '');
}

describe('popup: Show on page', () => {
  it('names the reason when the reader does not mark that kind', async () => {
    expect(await showOnPage(false, ['organization', 'place', 'event'])).toBe(
      'People are not marked on pages (Options).',
    );
  });

  it('says it could not when the kind is marked but the name is gone', async () => {
    expect(await showOnPage(false, ['person', 'organization'])).toBe('Could not show it on the page.');
  });

  it('says it was shown when the page showed it', async () => {
    expect(await showOnPage(true, ['person'])).toBe('Shown on the page.');
  });
});
