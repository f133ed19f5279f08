import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddedSites, type AddedSitesApi } from '@/entrypoints/options/AddedSites';

afterEach(cleanup);

/** Sites kept in memory; `grant` answers the permission prompt. */
function fakeSites(initial: string[], grant = true) {
  const sites = new Set(initial);
  const listeners = new Set<() => void>();
  const api: AddedSitesApi = {
    list: vi.fn(async () => [...sites].sort()),
    add: vi.fn(async (s: string) => {
      if (grant) sites.add(s);
      return grant;
    }),
    remove: vi.fn(async (s: string) => void sites.delete(s)),
    watch: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  const changedElsewhere = () => {
    for (const fn of listeners) fn();
  };
  return { api, sites, changedElsewhere };
}

describe('options: sites you added', () => {
  it('lists the added sites and removes one', async () => {
    const { api } = fakeSites(['example.org', 'local.test']);
    render(<AddedSites api={api} />);
    expect(await screen.findByText('example.org')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove example.org from the sites you added' }));
    await waitFor(() => expect(screen.queryByText('example.org')).toBeNull());
    expect(api.remove).toHaveBeenCalledWith('example.org');
    expect(screen.getByRole('status').textContent).toBe('Backstory no longer runs on example.org.');
  });

  it('keeps keyboard focus in the list after Remove: next site, else previous, else the heading', async () => {
    const { api } = fakeSites(['a.example', 'b.example']);
    render(<AddedSites api={api} />);
    const press = async (site: string) => {
      const name = `Remove ${site} from the sites you added`;
      const button = await screen.findByRole('button', { name });
      button.focus(); // a keyboard press (happy-dom's click does not focus)
      fireEvent.click(button);
      await waitFor(() => expect(screen.queryByRole('button', { name })).toBeNull());
    };
    await press('a.example');
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Remove b.example from the sites you added' }),
    );
    await press('b.example');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Sites you added' }));
  });

  it('adds a site typed as a URL, asking the browser for that site only', async () => {
    const { api } = fakeSites([]);
    render(<AddedSites api={api} />);
    await screen.findByText(/None: Backstory runs only on the news sites it knows/);
    fireEvent.input(screen.getByLabelText('Run Backstory on another site'), {
      target: { value: 'https://www.Example.com/news' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Run on site' }));
    expect(await screen.findByText('example.com')).toBeTruthy();
    expect(api.add).toHaveBeenCalledWith('example.com');
  });

  it('refuses a name that is no site, and says so when the reader declines the prompt', async () => {
    const { api } = fakeSites([], false);
    render(<AddedSites api={api} />);
    const field = await screen.findByLabelText('Run Backstory on another site');
    fireEvent.input(field, { target: { value: 'not a site!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run on site' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/is not a site name/);
    expect(api.add).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: 'example.net' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run on site' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/not given access to example\.net/));
  });

  it('follows permissions changed elsewhere (the popup, the browser settings)', async () => {
    const fake = fakeSites([]);
    render(<AddedSites api={fake.api} />);
    await screen.findByText(/None:/);
    fake.sites.add('news.example.test');
    fake.changedElsewhere();
    expect(await screen.findByText('news.example.test')).toBeTruthy();
  });
});
