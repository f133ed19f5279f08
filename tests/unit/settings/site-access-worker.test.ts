import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSiteAccess } from '@/entrypoints/background/site-access';
import { ADDED_SITES_SCRIPT_ID, type RegisteredScript, sitePatterns } from '@/lib/sites/site-access';

/** A browser event whose listeners the test can fire. */
function event() {
  const listeners = new Set<() => void>();
  return {
    addListener: (fn: () => void) => void listeners.add(fn),
    removeListener: (fn: () => void) => void listeners.delete(fn),
    fire: () => {
      for (const fn of listeners) fn();
    },
  };
}

const MANIFEST = {
  host_permissions: ['https://en.wikipedia.org/*'],
  content_scripts: [{ matches: ['*://*.bbc.co.uk/*', '*://bbc.co.uk/*', 'http://127.0.0.1/*'] }],
};

/**
 * fakeBrowser with the permissions and scripting APIs it leaves unimplemented filled in: granted
 * origins start as the manifest's, and registered scripts live in a map.
 */
function installFakes() {
  fakeBrowser.reset();
  const origins = new Set([...MANIFEST.host_permissions, ...MANIFEST.content_scripts[0]!.matches]);
  const scripts = new Map<string, RegisteredScript>();
  const onAdded = event();
  const onRemoved = event();
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.runtime!.getManifest = () => MANIFEST;
  b.permissions = {
    getAll: async () => ({ origins: [...origins] }),
    contains: async (p: { origins: string[] }) => p.origins.every((o) => origins.has(o)),
    remove: async (p: { origins: string[] }) => p.origins.map((o) => origins.delete(o)).every(Boolean),
    onAdded,
    onRemoved,
  };
  b.scripting = {
    getRegisteredContentScripts: async (f?: { ids?: string[] }) =>
      [...scripts.values()].filter((s) => !f?.ids || f.ids.includes(s.id)),
    registerContentScripts: async (list: RegisteredScript[]) => {
      for (const s of list) scripts.set(s.id, s);
    },
    unregisterContentScripts: async (f?: { ids?: string[] }) => {
      for (const id of f?.ids ?? []) scripts.delete(id);
    },
  };
  return { origins, scripts, onAdded, onRemoved };
}

describe('worker: added sites stay registered as the permissions change', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('registers nothing at install, then follows grants and revocations', async () => {
    const fake = installFakes();
    const sites = startSiteAccess();
    expect(await sites.sync()).toEqual([]);
    expect(fake.scripts.size).toBe(0);

    // "Run on this site" in the popup: the browser grants the origins and fires onAdded.
    for (const o of sitePatterns('news.example.test')) fake.origins.add(o);
    fake.onAdded.fire();
    await vi.waitFor(() =>
      expect(fake.scripts.get(ADDED_SITES_SCRIPT_ID)?.matches).toEqual(sitePatterns('news.example.test')),
    );
    expect(await sites.list()).toEqual(['news.example.test']);

    // Revoked in the browser's own settings: onRemoved, and the script goes.
    for (const o of sitePatterns('news.example.test')) fake.origins.delete(o);
    fake.onRemoved.fire();
    await vi.waitFor(() => expect(fake.scripts.size).toBe(0));
    expect(await sites.list()).toEqual([]);
  });

  it('registers again when the worker starts (registrations are not persisted)', async () => {
    const fake = installFakes();
    for (const o of sitePatterns('example.org')) fake.origins.add(o);
    startSiteAccess();
    await vi.waitFor(() => expect(fake.scripts.get(ADDED_SITES_SCRIPT_ID)?.persistAcrossSessions).toBe(false));
  });

  it('a failing registration is logged, never thrown into the worker', async () => {
    const fake = installFakes();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const o of sitePatterns('example.org')) fake.origins.add(o);
    (fakeBrowser.scripting as unknown as Record<string, unknown>).registerContentScripts = async () => {
      throw new Error('Invalid match pattern');
    };
    const sites = startSiteAccess();
    expect(await sites.sync()).toEqual([]);
    expect(warn).toHaveBeenCalled();
  });
});
