import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, normaliseSite, parseSettings, siteDisabled } from '@/lib/settings/schema';
import {
  readSettings,
  SETTINGS_KEY,
  type SettingsAreas,
  type StorageChanges,
  watchSettings,
  writeSettings,
} from '@/lib/settings/store';

/** An in-memory storage area that can be told to refuse writes (sync over quota, or switched off). */
function area(name: string, emit: (changes: StorageChanges, area: string) => void, opts: { failSet?: boolean } = {}) {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(keys: string[]) {
      return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items: Record<string, unknown>) {
      if (opts.failSet) throw new Error('QUOTA_BYTES quota exceeded');
      const changes: StorageChanges = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data[k], newValue: v };
        data[k] = structuredClone(v);
      }
      emit(changes, name);
    },
  };
}

function areas(opts: { failSync?: boolean; noSync?: boolean } = {}) {
  const listeners = new Set<(c: StorageChanges, a: string) => void>();
  const emit = (c: StorageChanges, a: string) => {
    for (const l of listeners) l(c, a);
  };
  const sync = area('sync', emit, { failSet: opts.failSync });
  const local = area('local', emit);
  const all: SettingsAreas = {
    sync: opts.noSync ? undefined : sync,
    local,
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
  return { all, sync, local, listeners };
}

describe('settings schema', () => {
  it('gives the defaults for nothing stored, and keeps good fields when others are bad', () => {
    expect(parseSettings(undefined)).toEqual({ ...DEFAULT_SETTINGS });
    const s = parseSettings({
      hoverDelayMs: -5,
      kinds: ['place', 'martian', 'person'],
      markStyle: 'blink',
      lookups: false,
      disabledSites: 'bbc',
    });
    expect(s.hoverDelayMs).toBe(300);
    expect(s.kinds).toEqual(['person', 'place']);
    expect(s.markStyle).toBe('underline');
    expect(s.lookups).toBe(false);
    expect(s.disabledSites).toEqual([]);
    expect(parseSettings({ hoverDelayMs: 2001 }).hoverDelayMs).toBe(300);
    expect(parseSettings({ hoverDelayMs: 0 }).hoverDelayMs).toBe(0);
  });

  it('reads site names the way a reader types them', () => {
    expect(normaliseSite('https://www.BBC.co.uk/news/world-123')).toBe('bbc.co.uk');
    expect(normaliseSite(' theguardian.com ')).toBe('theguardian.com');
    expect(normaliseSite('127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseSite('')).toBeNull();
    expect(normaliseSite('not a site')).toBeNull();
    expect(parseSettings({ disabledSites: ['www.bbc.co.uk', 'bbc.co.uk', 42, '??'] }).disabledSites).toEqual([
      'bbc.co.uk',
    ]);
  });

  it('turns a site off with its subdomains, and nothing else', () => {
    const s = { disabledSites: ['bbc.co.uk'] };
    expect(siteDisabled(s, 'bbc.co.uk')).toBe(true);
    expect(siteDisabled(s, 'www.bbc.co.uk')).toBe(true);
    expect(siteDisabled(s, 'news.bbc.co.uk')).toBe(true);
    expect(siteDisabled(s, 'notbbc.co.uk')).toBe(false);
    expect(siteDisabled(s, 'theguardian.com')).toBe(false);
  });
});

describe('settings store', () => {
  it('writes to sync and local, and mirrors `lookups` where the look-up code reads it', async () => {
    const { all, sync, local } = areas();
    const saved = await writeSettings({ lookups: false, markStyle: 'background' }, all, () => 1000);
    expect(saved).toMatchObject({ lookups: false, markStyle: 'background', hoverDelayMs: 300, updatedAt: 1000 });
    expect(sync.data[SETTINGS_KEY]).toEqual(saved);
    expect(local.data[SETTINGS_KEY]).toEqual(saved);
    expect(local.data.lookups).toBe(false);
    expect(await readSettings(all)).toEqual(saved);
  });

  it('keeps working in storage.local when sync refuses or is missing', async () => {
    for (const opts of [{ failSync: true }, { noSync: true }]) {
      const { all, local } = areas(opts);
      await writeSettings({ hoverDelayMs: 800 }, all, () => 5);
      expect((local.data[SETTINGS_KEY] as { hoverDelayMs: number }).hoverDelayMs).toBe(800);
      expect((await readSettings(all)).hoverDelayMs).toBe(800);
    }
  });

  it('reads the newer copy when sync and local disagree', async () => {
    const { all, sync, local } = areas();
    sync.data[SETTINGS_KEY] = { ...DEFAULT_SETTINGS, hoverDelayMs: 100, updatedAt: 10 };
    local.data[SETTINGS_KEY] = { ...DEFAULT_SETTINGS, hoverDelayMs: 900, updatedAt: 20 };
    expect((await readSettings(all)).hoverDelayMs).toBe(900);
    // A later write always wins, even when the clock went backwards.
    const next = await writeSettings({ hoverDelayMs: 400 }, all, () => 1);
    expect(next.updatedAt).toBe(21);
    expect((await readSettings(all)).hoverDelayMs).toBe(400);
  });

  it('keeps both of two changes written together (each write builds on the one before)', async () => {
    const { all } = areas();
    const [first, second] = await Promise.all([
      writeSettings({ hoverDelayMs: 650 }, all, () => 100),
      writeSettings({ markStyle: 'background' }, all, () => 100),
    ]);
    expect(first).toMatchObject({ hoverDelayMs: 650, markStyle: 'underline' });
    expect(second).toMatchObject({ hoverDelayMs: 650, markStyle: 'background', updatedAt: 101 });
    expect(await readSettings(all)).toEqual(second);
  });

  it('still applies later writes after one that storage.local refused', async () => {
    const { all, local } = areas({ noSync: true });
    const set = local.set.bind(local);
    let refuse = true;
    local.set = async (items) => {
      if (refuse) {
        refuse = false;
        throw new Error('disk full');
      }
      return set(items);
    };
    const failed = writeSettings({ hoverDelayMs: 700 }, all, () => 10);
    const later = writeSettings({ lookups: false }, all, () => 20);
    await expect(failed).rejects.toThrow('disk full');
    expect(await later).toMatchObject({ hoverDelayMs: 300, lookups: false });
  });

  it('tells watchers about changes to either copy, and stops when asked', async () => {
    const { all, listeners } = areas();
    const seen = vi.fn();
    const stop = watchSettings(seen, all);
    await writeSettings({ kinds: ['person'] }, all, () => 50);
    await vi.waitFor(() => expect(seen).toHaveBeenCalled());
    expect(seen.mock.lastCall?.[0].kinds).toEqual(['person']);
    stop();
    expect(listeners.size).toBe(0);
  });
});
