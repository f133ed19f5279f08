import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  ADDED_SITES_SCRIPT_ID,
  enableIn,
  listAddedSites,
  type RegisteredScript,
  removeAllAddedSites,
  removeSite,
  requiredOrigins,
  type SiteAccessApi,
  siteOfPattern,
  siteOfUrl,
  sitePatterns,
  syncSiteScripts,
} from '../../../lib/sites/site-access';

/**
 * The browser's permissions and scripting APIs as the extension sees them (fakeBrowser leaves both
 * unimplemented): granted origins, and registered scripts with Chrome's "duplicate id" rule.
 */
function fakeApi(granted: string[]) {
  const origins = new Set(granted);
  const scripts = new Map<string, RegisteredScript>();
  const api: SiteAccessApi = {
    permissions: {
      getAll: async () => ({ origins: [...origins] }),
      contains: async (p) => p.origins.every((o) => origins.has(o)),
      remove: async (p) => {
        const had = p.origins.every((o) => origins.has(o));
        for (const o of p.origins) origins.delete(o);
        return had;
      },
    },
    scripting: {
      getRegisteredContentScripts: async (f) => [...scripts.values()].filter((s) => !f?.ids || f.ids.includes(s.id)),
      registerContentScripts: async (list) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
      },
      unregisterContentScripts: async (f) => {
        for (const id of f?.ids ?? [...scripts.keys()]) {
          if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
        }
      },
    },
  };
  return { api, origins, scripts };
}

const REQUIRED = ['https://en.wikipedia.org/*', '*://*.bbc.co.uk/*', '*://bbc.co.uk/*', 'http://127.0.0.1/*'];

describe('site access: which sites the reader added', () => {
  it('names the site of a page, and only of web pages', () => {
    expect(siteOfUrl('https://www.Example.com/news/1')).toBe('example.com');
    expect(siteOfUrl('http://10.0.0.2:8080/a')).toBe('10.0.0.2');
    expect(siteOfUrl('chrome://extensions')).toBeNull();
    expect(siteOfUrl('file:///tmp/a.html')).toBeNull();
    expect(siteOfUrl(undefined)).toBeNull();
    expect(siteOfUrl('not a url')).toBeNull();
  });

  it('asks for the site and its subdomains (an IP address alone), and reads them back', () => {
    expect(sitePatterns('example.com')).toEqual(['*://example.com/*', '*://*.example.com/*']);
    expect(sitePatterns('10.0.0.2')).toEqual(['*://10.0.0.2/*']);
    for (const p of sitePatterns('example.com')) expect(siteOfPattern(p)).toBe('example.com');
    expect(siteOfPattern('*://*/*')).toBeNull();
    expect(siteOfPattern('<all_urls>')).toBeNull();
  });

  it('lists granted origins beyond what the manifest asks for at install', async () => {
    const { api } = fakeApi([...REQUIRED, ...sitePatterns('example.com'), '*://local.news.test/*']);
    expect(await listAddedSites(api, REQUIRED)).toEqual(['example.com', 'local.news.test']);
  });

  it('reads the required origins from a manifest (MV3 host permissions, MV2 origin permissions, matches)', () => {
    expect(
      requiredOrigins({
        host_permissions: ['https://en.wikipedia.org/*'],
        permissions: ['storage', 'https://a.test/*'],
        content_scripts: [{ matches: ['*://bbc.co.uk/*'] }],
      }),
    ).toEqual(['https://en.wikipedia.org/*', 'https://a.test/*', '*://bbc.co.uk/*']);
  });

  it('turns a site back on by removing it and its parent domains from the "off" list', () => {
    expect(enableIn(['example.com', 'bbc.co.uk', 'other.org'], 'news.example.com')).toEqual(['bbc.co.uk', 'other.org']);
    expect(enableIn(['ample.com'], 'example.com')).toEqual(['ample.com']);
  });
});

describe('site access: the registered content script follows the granted permissions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('registers one script for the added sites, none when there are none', async () => {
    const fake = fakeApi(REQUIRED);
    expect(await syncSiteScripts(fake.api, REQUIRED)).toEqual([]);
    expect(fake.scripts.size).toBe(0);

    for (const o of sitePatterns('example.com')) fake.origins.add(o);
    const matches = await syncSiteScripts(fake.api, REQUIRED);
    expect(matches).toEqual(sitePatterns('example.com'));
    const script = fake.scripts.get(ADDED_SITES_SCRIPT_ID);
    expect(script?.matches).toEqual(matches);
    expect(script?.js).toEqual(['page-start.js']);
    expect(script?.runAt).toBe('document_start');
  });

  it('leaves out built-in news sites (the static script runs there already)', async () => {
    const fake = fakeApi([
      ...REQUIRED,
      ...sitePatterns('theguardian.com'),
      ...sitePatterns('localhost'),
      ...sitePatterns('example.org'),
    ]);
    expect(await syncSiteScripts(fake.api, REQUIRED)).toEqual(sitePatterns('example.org'));
  });

  it('follows a revoked permission: the site is unregistered', async () => {
    const fake = fakeApi([...REQUIRED, ...sitePatterns('example.com'), ...sitePatterns('example.org')]);
    await syncSiteScripts(fake.api, REQUIRED);
    expect(await removeSite(fake.api, 'example.com')).toBe(true);
    await syncSiteScripts(fake.api, REQUIRED);
    expect(fake.scripts.get(ADDED_SITES_SCRIPT_ID)?.matches).toEqual(sitePatterns('example.org'));
    await removeSite(fake.api, 'example.org');
    await syncSiteScripts(fake.api, REQUIRED);
    expect(fake.scripts.size).toBe(0);
  });

  it('queues overlapping syncs, so two permission events never register the same id twice', async () => {
    const fake = fakeApi([...REQUIRED, ...sitePatterns('example.com')]);
    const results = await Promise.all([
      syncSiteScripts(fake.api, REQUIRED),
      syncSiteScripts(fake.api, REQUIRED),
      syncSiteScripts(fake.api, REQUIRED),
    ]);
    expect(results.every((m) => m.length === 2)).toBe(true);
    expect(fake.scripts.size).toBe(1);
  });

  it('a failed sync does not stop the next one', async () => {
    const fake = fakeApi([...REQUIRED, ...sitePatterns('example.com')]);
    const register = fake.api.scripting.registerContentScripts;
    fake.api.scripting.registerContentScripts = async () => {
      throw new Error('quota');
    };
    await expect(syncSiteScripts(fake.api, REQUIRED)).rejects.toThrow('quota');
    fake.api.scripting.registerContentScripts = register;
    expect(await syncSiteScripts(fake.api, REQUIRED)).toEqual(sitePatterns('example.com'));
  });
});

describe('site access: delete everything', () => {
  it('gives back every added site and keeps the permissions the manifest asked for', async () => {
    const { api, origins } = fakeApi([...REQUIRED, ...sitePatterns('example.com'), ...sitePatterns('news.test')]);
    expect(await removeAllAddedSites(api, REQUIRED)).toBe(2);
    expect([...origins].sort()).toEqual([...REQUIRED].sort());
    expect(await listAddedSites(api, REQUIRED)).toEqual([]);
  });
});
