import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allowSite, settingsApi } from '@/entrypoints/options/settings-api';
import { type SettingsApi, SettingsForm } from '@/entrypoints/options/SettingsForm';
import { siteDeps } from '@/entrypoints/popup/site-deps';
import { parseSettings, type Settings, siteDisabled } from '@/lib/settings/schema';
import { readSettings } from '@/lib/settings/store';

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

/** Settings in memory, with `allowSite` answering `allowed` (or throwing it). */
function memoryApi(initial: Partial<Settings>, allowed: boolean | Error) {
  let current = parseSettings(initial);
  const allowSite = vi.fn(async () => {
    if (allowed instanceof Error) throw allowed;
    return allowed;
  });
  const api: SettingsApi = {
    read: async () => current,
    write: async (patch) => (current = parseSettings({ ...current, ...patch })),
    watch: () => () => {},
    allowSite,
  };
  return { api, allowSite, current: () => current };
}

/** Presses Remove beside `site` in "Sites where Backstory is off"; resolves to the status line. */
async function remove(site: string) {
  fireEvent.click(await screen.findByRole('button', { name: `Remove ${site}` }));
  await waitFor(() => expect(screen.getByRole('status').textContent).not.toBe(''));
  return screen.getByRole('status').textContent;
}

describe('options: taking a site off the "off" list', () => {
  it('asks for the site first, and says it runs again once allowed', async () => {
    const { api, allowSite, current } = memoryApi({ disabledSites: ['example.org'] }, true);
    render(<SettingsForm api={api} />);
    expect(await remove('example.org')).toBe('Backstory runs on example.org again.');
    expect(allowSite).toHaveBeenCalledWith('example.org');
    expect(current().disabledSites).toEqual([]);
  });

  it('removes it as asked when the browser refuses access, and says it does not run there', async () => {
    const { api, current } = memoryApi({ disabledSites: ['example.org'] }, false);
    render(<SettingsForm api={api} />);
    expect(await remove('example.org')).toBe(
      'example.org is no longer off, but Backstory was not given access to it, so Backstory does not run there. Add it under "Sites you added" to run it.',
    );
    expect(current().disabledSites).toEqual([]);
  });

  it('removes it when the prompt failed, and says why it does not run there', async () => {
    const { api, current } = memoryApi({ disabledSites: ['example.org'] }, new Error('not in a user gesture'));
    render(<SettingsForm api={api} />);
    expect(await remove('example.org')).toMatch(/the browser did not ask for access to it \(not in a user gesture\)/);
    expect(current().disabledSites).toEqual([]);
  });
});

describe('options: a subdomain while its parent domain is on the "off" list', () => {
  it('says a removed subdomain is still off, naming the parent, without asking the browser', async () => {
    const { api, allowSite, current } = memoryApi({ disabledSites: ['bbc.co.uk', 'news.bbc.co.uk'] }, true);
    render(<SettingsForm api={api} />);
    expect(await remove('news.bbc.co.uk')).toBe('news.bbc.co.uk is still off: bbc.co.uk is on the list.');
    expect(current().disabledSites).toEqual(['bbc.co.uk']);
    expect(siteDisabled(current(), 'news.bbc.co.uk')).toBe(true);
    expect(allowSite).not.toHaveBeenCalled();
  });

  it('says an added subdomain is already off, naming the parent, and does not list it twice', async () => {
    const { api, current } = memoryApi({ disabledSites: ['bbc.co.uk'] }, true);
    render(<SettingsForm api={api} />);
    fireEvent.input(await screen.findByLabelText('Turn Backstory off on a site'), {
      target: { value: 'https://news.bbc.co.uk/world' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Backstory is already off on news.bbc.co.uk: bbc.co.uk is on the list.',
      ),
    );
    expect(current().disabledSites).toEqual(['bbc.co.uk']);
    expect(screen.queryByRole('button', { name: 'Remove news.bbc.co.uk' })).toBeNull();
  });
});

describe('options: keyboard focus after Remove in "Sites where Backstory is off"', () => {
  /** A keyboard press: focus on the button, then activate it (happy-dom's click does not focus). */
  async function press(name: string) {
    const button = await screen.findByRole('button', { name });
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(screen.queryByRole('button', { name })).toBeNull());
  }

  it("goes to the next site's Remove, else the previous one, else the list's heading", async () => {
    const { api } = memoryApi({ disabledSites: ['a.example', 'b.example', 'c.example'] }, true);
    render(<SettingsForm api={api} />);
    await press('Remove b.example');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove c.example' }));
    await press('Remove c.example');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove a.example' }));
    await press('Remove a.example');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Sites where Backstory is off' }));
  });
});

describe('options: the browser side of allowSite', () => {
  /** The browser's permissions, holding `granted`; a prompt answers `grant`. */
  function permissions(granted: Set<string>, grant: boolean) {
    const api = {
      remove: vi.fn(async ({ origins }: { origins: string[] }) => {
        for (const o of origins) granted.delete(o);
        return true;
      }),
      request: vi.fn(async ({ origins }: { origins: string[] }) => {
        if (grant) for (const o of origins) granted.add(o);
        return grant;
      }),
      contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    };
    Object.assign(fakeBrowser, { permissions: api });
    return api;
  }

  it('asks the browser again for an added site the popup turned off (which gave its permission back)', async () => {
    const granted = new Set(['*://example.org/*', '*://*.example.org/*']);
    const api = permissions(granted, true);
    await siteDeps.disable('example.org'); // the popup's "Stop running on this site"
    expect(granted.size).toBe(0);
    render(<SettingsForm api={settingsApi} />);
    expect(await remove('example.org')).toBe('Backstory runs on example.org again.');
    expect(api.request).toHaveBeenCalledWith({ origins: ['*://example.org/*', '*://*.example.org/*'] });
    expect(granted.size).toBe(2);
    expect((await readSettings()).disabledSites).toEqual([]);
  });

  it('asks nothing for a built-in news site', async () => {
    const api = permissions(new Set(), false);
    expect(await allowSite('bbc.co.uk')).toBe(true);
    expect(api.request).not.toHaveBeenCalled();
  });
});
