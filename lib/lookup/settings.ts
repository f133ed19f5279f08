/**
 * The reader's look-up settings in browser.storage.local: `lookups` (on unless turned off) and
 * `lookupBaseUrl` (https://en.wikipedia.org unless a mirror or a test server is set).
 */
import { browser } from 'wxt/browser';
import { readSettings } from '../settings/store';

/** Production Wikipedia. */
export const DEFAULT_BASE_URL = 'https://en.wikipedia.org';

/** The settings a look-up needs. */
export interface LookupSettings {
  enabled: boolean;
  baseUrl: string;
}

/**
 * A usable base URL from a stored value: https anywhere, plain http only on this machine
 * (a test server); no path, query or trailing slash. Null when unusable.
 */
export function normaliseBaseUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || !raw.trim()) return null;
  try {
    const u = new URL(raw.trim());
    const local = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) return null;
    if (u.username || u.password) return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** A minimal view of storage.local, so tests can pass their own. */
export interface SettingsStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
}

/**
 * Reads the settings; anything missing or malformed falls back to the default. Look-ups are off
 * when either the local `lookups` key or the reader's settings (`settings`: the newer of the synced
 * and local copies) say so: turned off on another device, they stop here at once, before the
 * worker mirrors the synced copy into the local key.
 */
export async function readLookupSettings(
  storage: SettingsStorage = browser.storage.local,
  settings: () => Promise<{ lookups: boolean }> = () => readSettings(),
): Promise<LookupSettings> {
  let stored: Record<string, unknown> = {};
  try {
    stored = await storage.get(['lookups', 'lookupBaseUrl']);
  } catch {
    // Unreadable storage: the defaults are the documented behaviour.
  }
  // Unreadable settings leave the local key to decide.
  const inSettings = (): Promise<boolean> =>
    settings().then(
      (s) => s.lookups,
      () => true,
    );
  return {
    enabled: stored.lookups !== false && (await inSettings()),
    baseUrl: normaliseBaseUrl(stored.lookupBaseUrl) ?? DEFAULT_BASE_URL,
  };
}

/** Backstory's version from the manifest (for the Api-User-Agent header). */
export function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version || '0.0.0';
  } catch {
    return '0.0.0';
  }
}
