import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type SettingsApi, SettingsForm } from '@/entrypoints/options/SettingsForm';
import { parseSettings, type Settings } from '@/lib/settings/schema';

afterEach(cleanup);

/** Settings kept in memory, validated the way the real store does. */
function memoryApi(initial: Partial<Settings> = {}): SettingsApi & { current: () => Settings } {
  let current = parseSettings(initial);
  const watchers = new Set<(s: Settings) => void>();
  return {
    current: () => current,
    read: async () => current,
    write: async (patch) => {
      current = parseSettings({ ...current, ...patch });
      for (const w of watchers) w(current);
      return current;
    },
    watch: (fn) => {
      watchers.add(fn);
      return () => watchers.delete(fn);
    },
  };
}

describe('options: settings form', () => {
  it('saves every setting from labelled controls and says so', async () => {
    const api = memoryApi();
    render(<SettingsForm api={api} />);
    const delay = (await screen.findByLabelText('Hover delay (milliseconds)')) as HTMLInputElement;
    expect(delay.value).toBe('300');
    fireEvent.input(delay, { target: { value: '650' } });
    fireEvent.change(delay);
    await screen.findByText('Hover delay set to 650 ms.');
    expect(api.current().hoverDelayMs).toBe(650);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Events' }));
    await waitFor(() => expect(api.current().kinds).toEqual(['person', 'organization', 'place']));
    fireEvent.click(screen.getByRole('radio', { name: 'Background tint' }));
    await waitFor(() => expect(api.current().markStyle).toBe('background'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Look up names on Wikipedia' }));
    await waitFor(() => expect(api.current().lookups).toBe(false));
  });

  it('rejects a bad delay and a bad site with a message, and adds and removes sites', async () => {
    const api = memoryApi({ disabledSites: ['bbc.co.uk'] });
    render(<SettingsForm api={api} />);
    const delay = await screen.findByLabelText('Hover delay (milliseconds)');
    fireEvent.input(delay, { target: { value: '99999' } });
    fireEvent.change(delay);
    expect((await screen.findByRole('alert')).textContent).toMatch(/from 0 to 2000/);
    expect(api.current().hoverDelayMs).toBe(300);

    const site = screen.getByLabelText('Turn Backstory off on a site');
    fireEvent.input(site, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    // Its own alert, beside the delay's (the delay field still holds the bad value).
    expect((await screen.findByText(/is not a site name/)).getAttribute('role')).toBe('alert');

    fireEvent.input(site, { target: { value: 'https://www.theguardian.com/world' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    await screen.findByRole('button', { name: 'Remove theguardian.com' });
    expect(api.current().disabledSites).toEqual(['bbc.co.uk', 'theguardian.com']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove bbc.co.uk' }));
    await waitFor(() => expect(api.current().disabledSites).toEqual(['theguardian.com']));
  });

  it('marks a bad delay invalid, pointing at why, and clears that once it is valid, even if unchanged', async () => {
    const api = memoryApi();
    render(<SettingsForm api={api} />);
    const delay = (await screen.findByLabelText('Hover delay (milliseconds)')) as HTMLInputElement;
    expect(delay.getAttribute('aria-invalid')).toBeNull();
    fireEvent.input(delay, { target: { value: '3000' } });
    fireEvent.change(delay);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/from 0 to 2000/);
    expect(delay.getAttribute('aria-invalid')).toBe('true');
    expect(delay.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);

    fireEvent.input(delay, { target: { value: '300' } }); // back to the delay already in use: nothing to save
    fireEvent.change(delay);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(delay.getAttribute('aria-invalid')).toBeNull();
    expect(delay.getAttribute('aria-describedby')).toBe('opt-delay-help');
    expect(delay.value).toBe('300');
    expect(api.current().hoverDelayMs).toBe(300);
  });

  it('keeps both kinds unticked in quick succession, before the first is stored', async () => {
    const api = memoryApi();
    const write = api.write;
    // storage.sync and storage.local round trips take a few milliseconds each
    api.write = async (patch) => {
      await new Promise((r) => setTimeout(r, 30));
      return write(patch);
    };
    render(<SettingsForm api={api} />);
    const people = (await screen.findByRole('checkbox', { name: 'People' })) as HTMLInputElement;
    const places = screen.getByRole('checkbox', { name: 'Places' }) as HTMLInputElement;
    fireEvent.click(people);
    fireEvent.click(places);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Places will not be marked.'));
    expect(api.current().kinds).toEqual(['organization', 'event']);
    expect(people.checked).toBe(false);
    expect(places.checked).toBe(false);
  });

  it('shows changes made elsewhere (another tab, another device)', async () => {
    const api = memoryApi();
    render(<SettingsForm api={api} />);
    const radio = (await screen.findByRole('radio', { name: 'Off until hover' })) as HTMLInputElement;
    expect(radio.checked).toBe(false);
    await api.write({ markStyle: 'hover' });
    await waitFor(() => expect(radio.checked).toBe(true));
  });
});
