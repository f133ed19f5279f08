/**
 * Sites the reader added ("Run on this site"). The browser's granted optional host permissions are
 * the one source of truth: a site is added when its origins are granted, and the worker keeps one
 * dynamically registered content script whose matches are exactly those origins. Nothing else is
 * stored, so a permission the reader revokes in the browser's own settings removes the site too.
 */
import { NEWS_DOMAINS, STORE_BUILD } from './patterns';
import { normaliseSite } from '../settings/schema';

/** The id of Backstory's one registered content script for added sites. */
export const ADDED_SITES_SCRIPT_ID = 'backstory-added-sites';
/** The article content script as built by WXT (the worker injects it; the popup injects it once). */
export const ARTICLE_SCRIPT_FILE = 'content-scripts/article.js';
/** The page starter as built by WXT: the script that runs on each page and asks for the article script. */
export const PAGE_START_SCRIPT_FILE = 'page-start.js';
/** The hover card's UI as built by WXT (entrypoints/card-ui.ts): injected when the article script asks. */
export const CARD_UI_SCRIPT_FILE = 'card-ui.js';

/** The parts of browser.permissions and browser.scripting this module uses (a fake in unit tests). */
export interface SiteAccessApi {
  permissions: {
    getAll(): Promise<{ origins?: string[] }>;
    contains(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[] }[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
  };
}

/** What is registered for the added sites. */
export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start';
  persistAcrossSessions?: boolean;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The host Backstory would add for a page URL (http and https pages only), or null. */
export function siteOfUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return normaliseSite(u.hostname);
  } catch {
    return null;
  }
}

/**
 * The origins asked for when a site is added: the site and its subdomains, both schemes (the same
 * reach as a built-in news domain, and as a disabled site). An IP address has no subdomains.
 */
export function sitePatterns(site: string): string[] {
  return IPV4.test(site) ? [`*://${site}/*`] : [`*://${site}/*`, `*://*.${site}/*`];
}

/** The site a granted origin pattern names ("*://*.example.com/*" → "example.com"), or null for wildcards. */
export function siteOfPattern(pattern: string): string | null {
  const m = /^(?:\*|https?):\/\/(\*\.)?([^/*]+)\/\*$/.exec(pattern);
  return m?.[2] ? normaliseSite(m[2]) : null;
}

/** True when the static content script already covers `site`: a built-in news domain (or a subdomain), or a local host. */
export function isBuiltInSite(site: string): boolean {
  // The demo and test hosts (LOCAL_PATTERNS), except in a store package.
  if (!STORE_BUILD && (site === 'localhost' || site === '127.0.0.1')) return true;
  return NEWS_DOMAINS.some((d) => site === d || site.endsWith(`.${d}`));
}

/**
 * The sites the reader added: every granted origin that names a host, minus the ones the manifest
 * asks for at install (`required`: host permissions and static content-script matches). Sorted.
 */
export async function listAddedSites(api: SiteAccessApi, required: readonly string[]): Promise<string[]> {
  const { origins = [] } = await api.permissions.getAll();
  const fixed = new Set(required);
  const sites = origins
    .filter((o) => !fixed.has(o))
    .map(siteOfPattern)
    .filter((s): s is string => !!s);
  return [...new Set(sites)].sort();
}

let syncing: Promise<string[]> = Promise.resolve([]);

/**
 * Makes the registered content script match exactly the added sites (built-in ones excluded: the
 * static script already runs there, and twice would mark names twice). Calls are queued, so two
 * permission events in a row cannot register the same id twice. Resolves to the matches registered.
 */
export function syncSiteScripts(api: SiteAccessApi, required: readonly string[]): Promise<string[]> {
  const run = async () => {
    const sites = (await listAddedSites(api, required)).filter((s) => !isBuiltInSite(s));
    const matches = sites.flatMap(sitePatterns);
    const ids = { ids: [ADDED_SITES_SCRIPT_ID] };
    const existing = await api.scripting.getRegisteredContentScripts(ids);
    if (existing.length > 0) await api.scripting.unregisterContentScripts(ids);
    if (matches.length > 0) {
      // Not persisted: the worker registers again on every start from the granted permissions, so a
      // registration can never outlive its permission.
      await api.scripting.registerContentScripts([
        {
          id: ADDED_SITES_SCRIPT_ID,
          matches,
          js: [PAGE_START_SCRIPT_FILE],
          runAt: 'document_start',
          persistAcrossSessions: false,
        },
      ]);
    }
    return matches;
  };
  syncing = syncing.catch(() => []).then(run);
  return syncing;
}

/** Removes the reader's grant for `site` (the worker's permission listener then unregisters it). */
export async function removeSite(api: SiteAccessApi, site: string): Promise<boolean> {
  return api.permissions.remove({ origins: sitePatterns(site) });
}

/** Gives back the permission of every site the reader added ("Delete everything"); resolves to how many. */
export async function removeAllAddedSites(api: SiteAccessApi, required: readonly string[]): Promise<number> {
  const sites = await listAddedSites(api, required);
  for (const site of sites) await removeSite(api, site);
  return sites.length;
}

/** Every origin the manifest asks for at install: host permissions, MV2 origin permissions, static matches. */
export function requiredOrigins(manifest: {
  host_permissions?: string[];
  permissions?: string[];
  content_scripts?: { matches?: string[] }[];
}): string[] {
  return [
    ...(manifest.host_permissions ?? []),
    ...(manifest.permissions ?? []).filter((p) => p.includes('://')),
    ...(manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []),
  ];
}

/** `disabled` without the entries that turn Backstory off on `site` (the site itself or a parent domain). */
export function enableIn(disabled: readonly string[], site: string): string[] {
  return disabled.filter((d) => site !== d && !site.endsWith(`.${d}`));
}
