/**
 * The article's publication date, read from the page without any date library (the content script
 * stays small): meta article:published_time (and kin), JSON-LD datePublished, a <time datetime>,
 * or a visible "Updated: October 20, 2021, 4:07 PM" / "Published 20 Oct 2021" line.
 * Returns an ISO string (the page's own, or "YYYY-MM-DD" built from a visible line) or undefined.
 */
import { monthNumber } from '../timeline/calendar';

const META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="date"]',
  'meta[property="og:published_time"]',
];
/** Last resort only: an article updated days later would date its "yesterday" from the update. */
const MODIFIED_META = 'meta[property="article:modified_time"]';
// The date and, if given, the time and zone: a page's value is cut to what it says, so junk after a
// valid start never reaches the worker (whose schema refuses more than 100 characters).
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?/;

/**
 * The ISO date (and time) a page's value starts with, or undefined; a CMS placeholder such as
 * "0000-00-00" is no date, and the search goes on.
 */
function isoStart(value: unknown): string | undefined {
  const iso = typeof value === 'string' ? ISO.exec(value.trim())?.[0] : undefined;
  if (!iso) return undefined;
  const [y, m, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= 31 ? iso : undefined;
}
// "October 20, 2021" or "20 October 2021" (abbreviations allowed) after Updated/Published/Posted.
const LINE =
  /\b(?:updated|published|posted|first published|last updated)\s*(?:on)?\s*:?\s*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)[a-z]*\.?,?\s+)?(?:([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4}))/i;

/** How much of the article's text (from its start) is searched for a visible date line. */
const LINE_SCAN_CHARS = 200_000;

/**
 * The first `max` characters of `el.textContent`, without building the rest: on a book-length page
 * textContent is a multi-megabyte string built in one task, only to be cut.
 */
function leadingText(el: Element, max: number): string {
  const walker = el.ownerDocument.createTreeWalker(el, 0x4);
  const parts: string[] = [];
  let n = 0;
  for (let t = walker.nextNode(); t && n < max; t = walker.nextNode()) {
    const data = (t as Text).data;
    parts.push(data.length > max - n ? data.slice(0, max - n) : data);
    n += data.length;
  }
  return parts.join('');
}

/** Finds datePublished in a JSON-LD value (objects, arrays, @graph), depth-limited. */
function fromJsonLd(value: unknown, depth = 0): string | undefined {
  if (depth > 5 || !value || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = fromJsonLd(v, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const o = value as Record<string, unknown>;
  return (
    isoStart(o.datePublished) ??
    fromJsonLd(o['@graph'], depth + 1) ??
    fromJsonLd(
      Object.values(o).filter((v) => typeof v === 'object'),
      depth + 1,
    )
  );
}

/** "YYYY-MM-DD" from a visible date line, or undefined. */
export function dateFromLine(text: string): string | undefined {
  const m = LINE.exec(text);
  if (!m) return undefined;
  const [monthWord, day, year] = m[1] ? [m[1], m[2], m[3]] : [m[5], m[4], m[6]];
  const month = monthNumber(monthWord ?? '');
  const d = Number(day);
  if (month === 0 || d < 1 || d > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The article's publication date (ISO), looked for inside `root` first for <time> and date lines. */
export function findPublished(doc: Document, root: Element | null): string | undefined {
  try {
    for (const sel of META) {
      const c = isoStart(doc.querySelector(sel)?.getAttribute('content'));
      if (c) return c;
    }
    for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        const found = fromJsonLd(JSON.parse(s.textContent ?? ''));
        if (found) return found;
      } catch {
        /* a page's broken JSON-LD is not our problem */
      }
    }
    for (const scope of root ? [root, doc] : [doc]) {
      const t = isoStart(scope.querySelector('time[datetime]')?.getAttribute('datetime'));
      if (t) return t;
    }
    const scope = root ?? doc.body;
    const line = scope ? dateFromLine(leadingText(scope, LINE_SCAN_CHARS)) : undefined;
    return line ?? isoStart(doc.querySelector(MODIFIED_META)?.getAttribute('content'));
  } catch {
    return undefined;
  }
}
