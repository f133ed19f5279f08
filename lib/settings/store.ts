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
 * The last write in this page or worker, settled or not. Each write starts only once the one before
 * it has finished, so its read sees every earlier patch: two changes made in quick succession
 * (two checkboxes ticked before the first write is stored) both survive instead of the later
 * read-merge-write putting back what the earlier one changed.
 */
let lastWrite: Promise<unknown> = Promise.resolve();

/**
 * Merges `patch` into the current settings, validates the result and stores it in both areas.
 * Writes are applied one at a time, in the order they were asked for, each on top of the one
 * before. Resolves to what was stored; rejects only when even storage.local refuses it (later
 * writes still go ahead).
 */
export function writeSettings(
  patch: Partial<Settings>,
  areas: SettingsAreas = browserAreas(),
  now: () => number = Date.now,
): Promise<Settings> {
  const write = lastWrite.then(() => mergeAndStore(patch, areas, now));
  // A failed write must not block the ones after it; its caller hears of the failure through `write`.
  lastWrite = write.catch(() => undefined);
  return write;
}

async function mergeAndStore(patch: Partial<Settings>, areas: SettingsAreas, now: () => number): Promise<Settings> {
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
