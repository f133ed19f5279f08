import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Onboarding } from '@/entrypoints/onboarding/App';
import { readLookupSettings } from '@/lib/lookup/settings';
import { readSettings, watchSettings, writeSettings } from '@/lib/settings/store';

afterEach(cleanup);
beforeEach(() => fakeBrowser.reset());

/** The page wired to the real settings store over fakeBrowser's storage. */
function renderPage(host = async () => 'en.wikipedia.org') {
  render(
    <Onboarding
      settings={{ read: () => readSettings(), write: (p) => writeSettings(p), watch: watchSettings }}
      lookupHost={host}
      optionsUrl="chrome-extension://id/options.html"
    />,
  );
}

describe('onboarding page', () => {
  it('says what look-ups send, where to, and what stays local', async () => {
    renderPage(async () => 'mirror.example.org');
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Backstory' })).toBeTruthy();
    await screen.findByText('mirror.example.org');
    const text = document.body.textContent ?? '';
    expect(text).toMatch(/the name itself/);
    expect(text).toMatch(/not the page's address, not the article, not your notes/);
    expect(text).toMatch(/With look-ups off, nothing leaves your browser/);
    expect(text).toMatch(/except in private windows/);
    expect(screen.getByRole('link', { name: 'Backstory settings' }).getAttribute('href')).toBe(
      'chrome-extension://id/options.html',
    );
  });

  it('turns look-ups off in the same setting the options page and the look-up code use', async () => {
    renderPage();
    const box = (await screen.findByRole('checkbox', { name: 'Look up names on Wikipedia' })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/nothing leaves your browser/));
    expect((await readSettings()).lookups).toBe(false);
    expect((await readLookupSettings()).enabled).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Look-ups are on/));
    expect((await readLookupSettings()).enabled).toBe(true);
  });

  it('shows a change made elsewhere (the options page)', async () => {
    renderPage();
    const box = (await screen.findByRole('checkbox', { name: 'Look up names on Wikipedia' })) as HTMLInputElement;
    await writeSettings({ lookups: false });
    await waitFor(() => expect(box.checked).toBe(false));
  });
});
