/**
 * Reading and writing the reader's settings. They live under one key, `settings`, in
 * browser.storage.sync (so they follow the reader between browsers) AND in storage.local (sync may be
 * missing, disabled or over quota); reading takes the newer copy. `lookups` is also written to
 * storage.local on its own, because the look-up code reads it there.
 */
import { browser } from 'wxt/browser';
import { parseSettings, type Settings } from './schema';

/** The key the settings are stored under, in both areas. */
export const SETTINGS_KEY = 'settings';

/** The part of a storage area the store uses (browser.storage.local / .sync, or a test fake). */
export interface StorageAreaLike {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** A change as storage.onChanged reports it. */
export type StorageChanges = Record<string, { newValue?: unknown; oldValue?: unknown }>;

/** Where the settings are kept. */
export interface SettingsAreas {
  sync?: StorageAreaLike;
  local: StorageAreaLike;
  onChanged?: {
    addListener(fn: (changes: StorageChanges, area: string) => void): void;
    removeListener(fn: (changes: StorageChanges, area: string) => void): void;
  };
}

/** The extension's real storage (sync only where the browser offers it). */
export function browserAreas(): SettingsAreas {
  const storage = browser.storage;
  return { sync: storage.sync ?? undefined, local: storage.local, onChanged: storage.onChanged };
}

async function readArea(area: StorageAreaLike | undefined): Promise<Settings | null> {
  if (!area) return null;
  try {
    const got = await area.get([SETTINGS_KEY]);
    return got[SETTINGS_KEY] === undefined ? null : parseSettings(got[SETTINGS_KEY]);
  } catch {
    return null; // an unreadable area is as good as an empty one
  }
}

/** The current settings: the newer of the sync and local copies, defaults when neither exists. */
export async function readSettings(areas: SettingsAreas = browserAreas()): Promise<Settings> {
  const [sync, local] = await Promise.all([readArea(areas.sync), readArea(areas.local)]);
  if (sync && local) return sync.updatedAt >= local.updatedAt ? sync : local;
  return sync ?? local ?? parseSettings({});
}

/**
 * Merges `patch` into the current settings, validates the result and stores it in both areas.
 * Resolves to what was stored; rejects only when even storage.local refuses it.
 */
export async function writeSettings(
  patch: Partial<Settings>,
  areas: SettingsAreas = browserAreas(),
  now: () => number = Date.now,
): Promise<Settings> {
  const current = await readSettings(areas);
  const next = parseSettings({ ...current, ...patch, updatedAt: Math.max(now(), current.updatedAt + 1) });
  try {
    await areas.sync?.set({ [SETTINGS_KEY]: next });
  } catch {
    // Sync off, over quota or missing: the local copy below is still the reader's setting.
  }
  await areas.local.set({ [SETTINGS_KEY]: next, lookups: next.lookups });
  return next;
}

/**
 * Calls `onChange` with the current settings whenever either copy changes (another tab, the options
 * page, another device). Returns the function that stops watching.
 */
export function watchSettings(
  onChange: (settings: Settings) => void,
  areas: SettingsAreas = browserAreas(),
): () => void {
  const events = areas.onChanged;
  if (!events) return () => undefined;
  const listener = (changes: StorageChanges, area: string) => {
    if (!(SETTINGS_KEY in changes) || (area !== 'sync' && area !== 'local')) return;
    void readSettings(areas).then(onChange, () => undefined);
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}
