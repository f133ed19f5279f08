/**
 * Match patterns for the article content script: every listed news domain (and its
 * subdomains) plus the local hosts the demo and the tests serve pages from.
 */
import sites from './news-sites.json';

/** Local hosts (demo page, end-to-end tests). */
export const LOCAL_PATTERNS = ['http://127.0.0.1/*', 'http://localhost/*'];

/** `*://*.domain/*` and `*://domain/*` for each domain. */
export function domainPatterns(domains: readonly string[]): string[] {
  return domains.flatMap((d) => [`*://*.${d}/*`, `*://${d}/*`]);
}

/** The news domains Backstory runs on by default. */
export const NEWS_DOMAINS: readonly string[] = sites.domains;

/** Every match pattern of the article content script. */
export function articleMatches(): string[] {
  return [...domainPatterns(NEWS_DOMAINS), ...LOCAL_PATTERNS];
}
