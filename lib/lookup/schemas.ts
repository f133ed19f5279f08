/**
 * The parts of Wikipedia's answers Backstory reads, as valibot schemas: anything else in the
 * answer is ignored, and an answer without these parts is rejected rather than half-used.
 */
import * as v from 'valibot';
import type { PageSummary } from './types';

const str = v.string();

/** One page of an `action=query` answer (formatversion=2). */
const queryPage = v.object({
  title: str,
  missing: v.optional(v.boolean()),
  invalid: v.optional(v.boolean()),
  description: v.optional(str),
  index: v.optional(v.number()),
  pageprops: v.optional(v.record(str, v.unknown())),
});

/** An `action=query` answer with pages, title normalisations and redirects. */
export const queryAnswer = v.object({
  query: v.optional(
    v.object({
      normalized: v.optional(v.array(v.object({ from: str, to: str }))),
      redirects: v.optional(v.array(v.object({ from: str, to: str }))),
      pages: v.optional(v.array(queryPage)),
    }),
  ),
});

/** REST page summary. */
export const summaryAnswer = v.object({
  type: str,
  title: str,
  description: v.optional(str),
  extract: v.optional(str),
  thumbnail: v.optional(v.object({ source: str })),
  content_urls: v.optional(v.object({ desktop: v.optional(v.object({ page: str })) })),
  wikibase_item: v.optional(str),
});

/** Longest description and summary kept on a card. */
export const MAX_DESCRIPTION = 300;
export const MAX_SUMMARY = 1500;

/**
 * An HTML tag: "<" right before a tag name (or "/" and one), attributes without "<" or ">".
 * A "<" followed by a space or a digit is a sign in the text ("a < b", "x <3 y"), not a tag.
 */
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;

/**
 * Plain text from text that should already be plain: tags dropped (the extract is shown as
 * text, but a card should not carry markup), whitespace collapsed, cut at `max` characters.
 * Only real tags go: a plain extract may use "<" and ">" as signs, and keeps every word.
 */
export function plainText(text: string, max: number): string {
  const clean = text
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(TAG, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** An https URL on one of `hosts` (or a subdomain), else undefined. */
export function httpsOn(url: string | undefined, hosts: readonly string[]): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    const ok = u.protocol === 'https:' && hosts.some((h) => u.hostname === h || u.hostname.endsWith(`.${h}`));
    return ok ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Validates and cleans a summary answer. Thumbnails are kept only from upload.wikimedia.org;
 * the page link only when it is http(s) (a mirror or test server may be plain http).
 */
export function toSummary(body: unknown): PageSummary | null {
  const parsed = v.safeParse(summaryAnswer, body);
  if (!parsed.success) return null;
  const s = parsed.output;
  const title = plainText(s.title, 300);
  if (!title) return null;
  let pageUrl: string | undefined;
  try {
    const u = new URL(s.content_urls?.desktop?.page ?? '');
    if (u.protocol === 'https:' || u.protocol === 'http:') pageUrl = u.href;
  } catch {
    pageUrl = undefined;
  }
  return {
    title,
    type: s.type,
    description: plainText(s.description ?? '', MAX_DESCRIPTION),
    extract: plainText(s.extract ?? '', MAX_SUMMARY),
    thumbnail: httpsOn(s.thumbnail?.source, ['upload.wikimedia.org']),
    pageUrl,
    wikibaseItem: s.wikibase_item && /^Q\d+$/.test(s.wikibase_item) ? s.wikibase_item : undefined,
  };
}
