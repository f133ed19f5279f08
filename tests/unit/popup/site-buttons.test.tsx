import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { App } from '../../../entrypoints/popup/App';
import type { SiteDeps } from '../../../entrypoints/popup/deps';
import { fakeDeps, natoPage } from './fake-deps';

afterEach(cleanup);

/** The popup on a tab of `url`, with site buttons whose permission prompt answers `grant`. */
function setup(
  url: string,
  grant: boolean | Error,
  tab: NonNullable<Parameters<typeof fakeDeps>[0]>['tab'] = null,
  off = false,
) {
  const fake = fakeDeps({ tab });
  const order: string[] = [];
  const sites: SiteDeps = {
    request: vi.fn(async (site: string) => {
      order.push(`request ${site}`);
      if (grant instanceof Error) throw grant;
      return grant;
    }),
    enable: vi.fn(async (site: string) => void order.push(`enable ${site}`)),
    disable: vi.fn(async (site: string) => void order.push(`disable ${site}`)),
    isOff: vi.fn(async () => off),
  };
  fake.deps.findTab.mockImplementation(async () => ({ id: 42, url }) as never);
  fake.deps.injectContentScript.mockImplementation(async () => {
    order.push('inject');
    fake.setTab(natoPage);
  });
  render(<App deps={{ ...fake.deps, sites }} />);
  return { fake, sites, order };
}

describe('popup: Run on this site / Stop running on this site', () => {
  it('asks for the site, turns it on, then runs on the page at once', async () => {
    const { order } = setup('https://www.example.com/story', true);
    fireEvent.click(await screen.findByRole('button', { name: 'Run on this site' }));
    await screen.findByRole('button', { name: 'Nato, 9 mentions' });
    expect(order).toEqual(['request example.com', 'enable example.com', 'inject']);
  });

  it('keeps "Run on this page" (activeTab) next to it', async () => {
    setup('https://example.com/', true);
    expect(await screen.findByRole('button', { name: 'Run on this page' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run on this site' })).toBeTruthy();
  });

  it('says so when the reader refuses the permission, and runs nowhere', async () => {
    const { order } = setup('https://example.com/', false);
    fireEvent.click(await screen.findByRole('button', { name: 'Run on this site' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not given access to example\.com/);
    expect(order).toEqual(['request example.com']);
  });

  it('reports a browser that cannot ask', async () => {
    setup('https://example.com/', new Error('permissions.request needs a user gesture'));
    fireEvent.click(await screen.findByRole('button', { name: 'Run on this site' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/user gesture/);
  });

  it('offers no site button on pages that are not web pages', async () => {
    setup('chrome://newtab/', true);
    await screen.findByRole('button', { name: 'Run on this page' });
    expect(screen.queryByRole('button', { name: 'Run on this site' })).toBeNull();
  });

  it('stops running on the site from the list view and says what happens next', async () => {
    const { sites } = setup('https://news.example.com/a', true, natoPage);
    fireEvent.click(await screen.findByRole('button', { name: 'Stop running on this site' }));
    expect(await screen.findByText('Backstory is now off on news.example.com.')).toBeTruthy();
    expect(sites.disable).toHaveBeenCalledWith('news.example.com');
    expect(screen.queryByRole('button', { name: 'Stop running on this site' })).toBeNull();
  });

  it('keeps focus on the status once "Stop running on this site" is done', async () => {
    setup('https://news.example.com/a', true, natoPage);
    const stop = await screen.findByRole('button', { name: 'Stop running on this site' });
    stop.focus();
    fireEvent.click(stop);
    const status = await screen.findByText(/Backstory is now off on news\.example\.com/);
    await waitFor(() => expect(document.activeElement).toBe(status));
  });

  it('on a site the reader turned off (run once on this page), says so and offers "Run on this site"', async () => {
    const { sites, order } = setup('https://www.bbc.co.uk/news/1', true, natoPage, true);
    await screen.findByText('Backstory is off on bbc.co.uk. It ran on this page because you asked.');
    expect(screen.queryByRole('button', { name: 'Stop running on this site' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Run on this site' }));
    const status = await screen.findByText('Backstory now runs on bbc.co.uk.');
    expect(order).toEqual(['request bbc.co.uk', 'enable bbc.co.uk']);
    expect(sites.disable).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(status));
    expect(screen.getByRole('button', { name: 'Stop running on this site' })).toBeTruthy();
  });
});
