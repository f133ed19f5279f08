/**
 * Which page elements Backstory must never read, which ones start a new block of text, and which
 * ones look like page furniture (navigation, share bars, comments, ads) rather than article text.
 * Shared by the article finder and the text-block walker so both agree on what "text" means.
 */

import { AD_NETWORK_WORDS, ARTICLE_WORDS, FURNITURE_ROLES, FURNITURE_TAGS, FURNITURE_WORDS } from './furniture-words';

/** The tag name of the extension's own UI host element. */
export const HOST_TAG = 'backstory-host';

/** Elements whose text is never the article's prose (or is the reader's own typing). */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'BUTTON',
  'HEAD',
  'TITLE',
  'LINK',
  'META',
  HOST_TAG.toUpperCase(),
]);

/** Block-level tags: each starts its own text block (paragraph, heading, list item, caption...). */
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'FIGCAPTION',
  'FIGURE',
  'TD',
  'TH',
  'TR',
  'TABLE',
  'CAPTION',
  'DT',
  'DD',
  'DL',
  'UL',
  'OL',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'FORM',
  'FIELDSET',
  'LEGEND',
  'HR',
  'BODY',
  'CENTER',
]);

const tagNameGetter = Object.getOwnPropertyDescriptor(Element.prototype, 'tagName')?.get;

/**
 * An element's tag name, upper case. Read through the prototype: a <form> with a control named
 * "tagName" makes `form.tagName` that control, since a form's named controls override its own
 * properties (WebIDL [LegacyOverrideBuiltIns]), and a hostile page must not make the scan throw.
 */
export function tagOf(el: Element): string {
  const tag: unknown = tagNameGetter ? tagNameGetter.call(el) : el.tagName;
  return typeof tag === 'string' ? tag.toUpperCase() : '';
}

/** True for elements whose subtree is never read (scripts, code, form fields, editable areas, our host) or is hidden. */
export function isSkipped(el: Element): boolean {
  return isNeverRead(el) || isHiddenByMarkup(el);
}

/** True for elements whose subtree is never read: scripts, code, form fields, editable areas, SVG, aria-hidden, our host. */
export function isNeverRead(el: Element): boolean {
  if (SKIP_TAGS.has(tagOf(el))) return true;
  try {
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true; // SVG, MathML
    // Most elements of a page carry no attribute at all: skip the attribute reads (hot path).
    if (!el.hasAttributes()) return false;
    const editable = el.getAttribute('contenteditable');
    // aria-hidden: decoration (icon glyphs, a visual copy of the headline), never text to read.
    return (editable !== null && editable !== 'false') || el.getAttribute('aria-hidden') === 'true';
  } catch {
    return true; // a form whose controls shadow these methods: not read, rather than no marks at all
  }
}

/**
 * True for an element its own markup hides (`hidden`, an inline display: none): cheap to check on
 * every element, unlike the stylesheets' verdict (isHidden). The page may show it later.
 */
export function isHiddenByMarkup(el: Element): boolean {
  try {
    if (!el.hasAttributes()) return false;
    if (el.hasAttribute('hidden')) return true;
    const style = (el as HTMLElement).style;
    return !!style && style.display === 'none';
  } catch {
    return true; // see isNeverRead
  }
}

/**
 * True when the page's stylesheets give the element `display: none`. Computing style costs a
 * little, so callers use it on block-level elements only (ancestors are checked before
 * descendants, so a hidden container hides its subtree). `visibility: hidden` is ignored on
 * purpose: pages use it on <body> as an anti-flicker mask until their scripts have run.
 */
export function isHidden(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  try {
    const cs = view.getComputedStyle(el);
    return cs.display === 'none';
  } catch {
    return false;
  }
}

/** A selector for the elements that start a new text block. */
export const BLOCK_SELECTOR = [...BLOCK_TAGS].map((t) => t.toLowerCase()).join(',');

/** True for elements that start a new text block. */
export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(tagOf(el));
}

function tokens(s: string): string[] {
  return s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True for navigation, asides, share bars, comments, related links, ads and similar furniture. */
export function isFurniture(el: Element): boolean {
  const tag = tagOf(el);
  // An article's own <header> holds its headline and standfirst, which readers hover too; a
  // site's masthead <header> has no <h1> and sits outside <article>.
  if (tag === 'HEADER' && (el.querySelector('h1') || el.parentElement?.closest('article'))) return false;
  if (FURNITURE_TAGS.has(tag)) return true;
  if (!el.hasAttributes()) return false;
  // Elements that announce the article are never furniture, whatever their class says.
  if (tag === 'MAIN' || tag === 'ARTICLE' || /articleBody/i.test(el.getAttribute('itemprop') ?? '')) return false;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  const cls = typeof el.className === 'string' ? el.className : (el.getAttribute('class') ?? '');
  const key = `${cls} ${el.id}`;
  if (key === ' ') return false;
  let verdict = namesSeen.get(key);
  if (verdict === undefined) {
    verdict = furnitureNames(key);
    // Pages repeat the same few class lists thousands of times; a bounded cache spares the regexes.
    if (namesSeen.size > 5000) namesSeen.clear();
    namesSeen.set(key, verdict);
  }
  return verdict;
}

/** Verdicts already reached for a "class id" string. */
const namesSeen = new Map<string, boolean>();

/** True when class/id words name furniture (ad networks first, then article words, then the rest). */
function furnitureNames(key: string): boolean {
  const words = tokens(key);
  if (words.length === 0) return false;
  if (words.some((w) => AD_NETWORK_WORDS.has(w))) return true;
  if (words.some((w) => ARTICLE_WORDS.has(w))) return false;
  return words.some((w) => FURNITURE_WORDS.has(w));
}
