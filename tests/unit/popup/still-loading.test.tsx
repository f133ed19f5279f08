import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { App } from '../../../entrypoints/popup/App';
import type { PageState } from '../../../lib/messaging/protocol';
import { fakeDeps, natoPage } from './fake-deps';

afterEach(cleanup);

/** What the content script answers while the page is still loading (tab-api's stillLooking). */
const looking: PageState = { url: natoPage.url, title: natoPage.title, entities: [] };

/** The popup on a tab that answers `looking` until the `after`-th wait, then `then`. */
function setup(after: number, then: Parameters<ReturnType<typeof fakeDeps>['setTab']>[0]) {
  const fake = fakeDeps({ tab: looking });
  let waits = 0;
  fake.deps.sleep.mockImplementation(async () => {
    if (++waits === after) fake.setTab(then);
  });
  render(<App deps={fake.deps} />);
  return fake;
}

describe('popup opened while the page is still loading', () => {
  it('keeps asking, then lists the names once the article is marked', async () => {
    setup(12, natoPage);
    await screen.findByRole('button', { name: 'Nato, 9 mentions' });
    expect(screen.queryByText('No article found on this page.')).toBeNull();
  });

  it('says "still looking" rather than "no names" while it asks', async () => {
    const fake = fakeDeps({ tab: looking });
    let release = () => {};
    let waits = 0;
    // The 8th wait never ends on its own: the popup is caught asking again.
    fake.deps.sleep.mockImplementation(() =>
      ++waits === 8 ? new Promise<void>((r) => (release = r)) : Promise.resolve(),
    );
    render(<App deps={fake.deps} />);
    expect((await screen.findByText('Looking for names on this page…')).getAttribute('role')).toBe('status');
    expect(screen.queryByText('No names found in this article.')).toBeNull();
    fake.setTab({ noArticle: true, url: natoPage.url, title: natoPage.title });
    release();
    expect(await screen.findByText('No article found on this page.')).toBeTruthy();
  });

  it('settles on "no names" when the page never has any', async () => {
    const fake = fakeDeps({ tab: looking });
    render(<App deps={fake.deps} />);
    expect(await screen.findByText('No names found in this article.')).toBeTruthy();
  });

  it('keeps the list growing while the page is still marking, and stops asking once it is done', async () => {
    // Opened after the first batch: one name so far, and the page says more are coming.
    const first: PageState = { ...natoPage, entities: natoPage.entities.slice(1, 2), marking: true };
    const fake = fakeDeps({ tab: first });
    let waits = 0;
    fake.deps.sleep.mockImplementation(async () => {
      if (++waits === 3) fake.setTab({ ...natoPage, marking: false });
    });
    render(<App deps={fake.deps} />);
    await screen.findByText(/^4 names on/);
    const asked = () => fake.deps.sendToTab.mock.calls.filter(([, type]) => type === 'getPageState').length;
    const settledAt = asked();
    await new Promise((r) => setTimeout(r, 50));
    expect(asked()).toBe(settledAt);
  });

  it('does not ask again when the first answer is a finished list', async () => {
    const fake = fakeDeps({ tab: { ...natoPage, marking: false } });
    render(<App deps={fake.deps} />);
    await screen.findByText(/^4 names on/);
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.deps.sendToTab.mock.calls.filter(([, type]) => type === 'getPageState')).toHaveLength(1);
  });
});
