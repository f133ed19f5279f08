/**
 * The reader's settings: what they are, their defaults, and how a stored value (possibly from an
 * older version, another device or a hand-edited profile) is read back. Every field falls back to
 * its default on its own, so one bad field never throws the others away.
 */
import * as v from 'valibot';
import { ENTITY_KINDS, type EntityKind } from '../entity';

/** How marked names look on the page: underlined, tinted, or invisible until hovered. */
export const MARK_STYLES = ['underline', 'background', 'hover'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];

/** Bounds of the hover delay (ms): 0 opens at once, 2 s is the longest wait that still feels linked. */
export const HOVER_DELAY_MIN = 0;
export const HOVER_DELAY_MAX = 2000;
/** At most this many disabled sites are kept (storage.sync items are capped at 8 KB). */
export const MAX_SITES = 200;

/** Every setting Backstory has. */
export interface Settings {
  /** How long the pointer rests on a name before its card opens (ms). */
  hoverDelayMs: number;
  /** Which kinds of names are marked on pages. */
  kinds: EntityKind[];
  markStyle: MarkStyle;
  /** Look names up on Wikipedia when they have no card yet. */
  lookups: boolean;
  /** Host names (e.g. "bbc.co.uk") where Backstory does nothing; subdomains included. */
  disabledSites: string[];
  /** When these settings were last written (ms since epoch); the newer copy wins between storage areas. */
  updatedAt: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  hoverDelayMs: 300,
  kinds: [...ENTITY_KINDS],
  markStyle: 'underline',
  lookups: true,
  disabledSites: [],
  updatedAt: 0,
});

/**
 * A host name from what a reader typed: a bare host ("www.bbc.co.uk"), or a URL. Lower-cased,
 * without "www." and a trailing dot. Null when it is not a plausible host name.
 */
export function normaliseSite(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `https://${text}`;
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.$/, '').replace(/^www\./, '');
  // Letters, digits and hyphens in dot-separated labels; IPv4 addresses pass this too.
  if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(host))
    return null;
  return host;
}

const kinds = v.pipe(
  v.array(v.unknown()),
  v.transform((list) => ENTITY_KINDS.filter((k) => list.includes(k))),
);
const sites = v.pipe(
  v.array(v.unknown()),
  v.transform((list) => {
    const hosts = list.map((s) => (typeof s === 'string' ? normaliseSite(s) : null)).filter((s): s is string => !!s);
    return [...new Set(hosts)].slice(0, MAX_SITES);
  }),
);

/** The stored form; each field falls back to its default when missing or malformed. */
export const SettingsSchema = v.object({
  hoverDelayMs: v.fallback(
    v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_MIN), v.maxValue(HOVER_DELAY_MAX)),
    DEFAULT_SETTINGS.hoverDelayMs,
  ),
  kinds: v.fallback(kinds, () => [...DEFAULT_SETTINGS.kinds]),
  markStyle: v.fallback(v.picklist(MARK_STYLES), DEFAULT_SETTINGS.markStyle),
  lookups: v.fallback(v.boolean(), DEFAULT_SETTINGS.lookups),
  disabledSites: v.fallback(sites, () => []),
  updatedAt: v.fallback(v.pipe(v.number(), v.finite(), v.minValue(0)), 0),
});

/** Settings from any stored value: never throws; anything unusable becomes the default. */
export function parseSettings(raw: unknown): Settings {
  const input = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  const out = v.parse(SettingsSchema, input);
  return { ...out, kinds: [...out.kinds], disabledSites: [...out.disabledSites] };
}

/**
 * The "off" list entry that turns Backstory off on `hostname`: the host itself when listed, else
 * its nearest listed parent domain (so the options page can name the entry that keeps a subdomain
 * off). Null when Backstory may run there.
 */
export function disablingEntry(settings: Pick<Settings, 'disabledSites'>, hostname: string): string | null {
  const host = normaliseSite(hostname);
  if (!host) return null;
  let found: string | null = null;
  for (const site of settings.disabledSites) {
    if (host === site) return site;
    if (host.endsWith(`.${site}`) && (!found || site.length > found.length)) found = site;
  }
  return found;
}

/** True when Backstory must do nothing on `hostname` (it or a parent domain is disabled). */
export function siteDisabled(settings: Pick<Settings, 'disabledSites'>, hostname: string): boolean {
  return disablingEntry(settings, hostname) !== null;
}
