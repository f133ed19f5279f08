import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleMatches, domainPatterns, NEWS_DOMAINS } from '../../../lib/sites/patterns';

describe('content script match patterns', () => {
  it('lists at least 80 news domains, each once, including the major ones', () => {
    expect(NEWS_DOMAINS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(NEWS_DOMAINS).size).toBe(NEWS_DOMAINS.length);
    for (const d of [
      'bbc.co.uk',
      'bbc.com',
      'theguardian.com',
      'nytimes.com',
      'washingtonpost.com',
      'cnn.com',
      'reuters.com',
      'apnews.com',
      'thenationalnews.com',
    ])
      expect(NEWS_DOMAINS).toContain(d);
    for (const d of NEWS_DOMAINS) expect(d).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });

  it('matches each domain and its subdomains, plus the local demo hosts', () => {
    expect(domainPatterns(['bbc.co.uk'])).toEqual(['*://*.bbc.co.uk/*', '*://bbc.co.uk/*']);
    const all = articleMatches();
    expect(all).toContain('http://127.0.0.1/*');
    expect(all).toContain('http://localhost/*');
    expect(all).toContain('*://*.theguardian.com/*');
  });

  describe('in a store package (npm run zip)', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.resetModules();
    });

    it('runs on no local host unless the reader adds it (a dev server, a router admin page)', async () => {
      vi.stubEnv('WXT_STORE_BUILD', '1');
      vi.resetModules();
      const patterns = await import('../../../lib/sites/patterns');
      const access = await import('../../../lib/sites/site-access');
      expect(patterns.articleMatches().filter((p) => /localhost|127\.0\.0\.1/.test(p))).toEqual([]);
      expect(patterns.articleMatches()).toContain('*://*.theguardian.com/*');
      expect(access.isBuiltInSite('localhost')).toBe(false);
      expect(access.isBuiltInSite('127.0.0.1')).toBe(false);
      expect(access.isBuiltInSite('theguardian.com')).toBe(true);
    });
  });
});
