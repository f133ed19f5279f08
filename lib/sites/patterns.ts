/**
 * Match patterns for the article content script: every listed news domain (and its
 * subdomains) plus the local hosts the demo and the tests serve pages from.
 */
import sites from './news-sites.json';

/**
 * True in a store package (`npm run zip`, which sets WXT_STORE_BUILD=1). The local hosts the demo
 * and the end-to-end tests serve pages from are left out of it, so a reader's own local servers
 * (development tools, a router's admin page) are not read unless the reader adds them. Outside a
 * Vite build there is no import.meta.env: wxt.config.ts (which lists the page starter's matches in
 * the manifest) reads the variable from process.env; the command-line scripts, run by tsx, have
 * neither set: not a store build.
 */
export const STORE_BUILD =
  import.meta.env?.WXT_STORE_BUILD === '1' || (typeof process !== 'undefined' && process.env?.WXT_STORE_BUILD === '1');

/** Local hosts (demo page, end-to-end tests); none in a store package. */
export const LOCAL_PATTERNS: readonly string[] = STORE_BUILD ? [] : ['http://127.0.0.1/*', 'http://localhost/*'];

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
