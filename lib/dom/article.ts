/**
 * Finds the element holding a page's article body, or null when the page has no article.
 *
 * Why our own scoring and not @mozilla/readability: Readability works on a CLONE of the document
 * (it mutates the tree it scores), so on a 1 MB news page it first copies every node (hundreds of
 * thousands of them, several MB of heap, one long blocking task) and then hands back HTML detached
 * from the live page. Backstory needs the opposite: the LIVE element, so marks map to the page's own
 * text nodes, and a read-only pass that never touches the DOM. The scoring below reads only text
 * lengths (never copies text, so a 5 MB text node costs nothing) in one walk of the tree, and the
 * walk can be cut into slices ({@link findArticleSliced}) so it never blocks the page.
 *
 * The score of an element is how much paragraph-like prose it holds minus a penalty for everything
 * else it holds (link lists, furniture, short fragments): the element that best trades "all the
 * article" against "nothing but the article" wins. Markup hints (`article`, `main`,
 * itemprop=articleBody) add a bonus. The winner is then widened to take in the article's own
 * headline and standfirst when they sit just outside it (readers hover names there too).
 */
import { AbortedError, createSlice, type SlicePriority } from './scheduler';
import { collectBlocks, tallyAncestors, type Tally } from './article-stats';

/** Minimum prose (chars) for a page to count as having an article. */
export const MIN_ARTICLE_CHARS = 500;
/** Minimum number of prose blocks for a page to count as having an article. */
export const MIN_ARTICLE_BLOCKS = 3;
/** Weight of non-prose text against prose in the score. */
const JUNK_WEIGHT = 0.6;
/** How many levels above the body the search for the headline climbs. */
const LEAD_LEVELS = 4;

/** Bonus factor for markup that announces the article body. */
function hintBonus(el: Element): number {
  const prop = `${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('property') ?? ''}`;
  if (/articleBody/i.test(prop)) return 0.5;
  const tag = el.tagName;
  if (tag === 'ARTICLE' || el.getAttribute('role') === 'article') return 0.15;
  if (tag === 'MAIN' || el.getAttribute('role') === 'main') return 0.1;
  return 0;
}

/**
 * An explicit itemprop/property=articleBody element near the winner (inside it, or holding it)
 * is the publisher's own answer: take it when it holds at least half of the winner's prose.
 */
function preferArticleBody(best: Element, tallies: Map<Element, Tally>): Element {
  const doc = best.ownerDocument;
  const proseOf = (el: Element): number => tallies.get(el)?.prose ?? 0;
  for (const el of doc.querySelectorAll('[itemprop~="articleBody"], [property~="articleBody"]')) {
    if (el === best || !(best.contains(el) || el.contains(best))) continue;
    if (proseOf(el) >= 0.5 * proseOf(best)) return el;
  }
  return best;
}

/**
 * Publishers often put the headline, standfirst and dateline in a sibling of the body element
 * (ars, tmz): climb a few levels while what each level adds is little, mostly unlinked text, and
 * keep the highest level that brought in more heading text. Related-link lists are linked text,
 * comments and share bars are furniture: neither passes.
 */
function widenToLead(root: Element, tallies: Map<Element, Tally>, body: Element): Element {
  const base = tallies.get(root);
  if (!base) return root;
  let best = root;
  let kept = base;
  let el = root.parentElement;
  for (let i = 0; el && el !== body && i < LEAD_LEVELS; i++, el = el.parentElement) {
    const t = tallies.get(el);
    if (!t || t.visible - base.visible > Math.max(400, 0.2 * base.visible)) break;
    // What this level adds to the last one kept must be (nearly all) headings, with few links.
    const added = t.visible - kept.visible;
    const headings = t.heading - kept.heading;
    if (headings > 0 && headings >= 0.6 * added && t.links - kept.links <= 0.3 * added) {
      best = el;
      kept = t;
    }
  }
  return best;
}

/** The article element and how much text a scan of it would read. */
export interface ArticleFound {
  root: Element;
  /** Characters of text outside furniture (the finder's count, so nobody reads `textContent`). */
  chars: number;
}

/** Scores the tallies and applies the article-body hint, the lead and the minimums. */
function pick(body: Element, tallies: Map<Element, Tally>): ArticleFound | null {
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, t] of tallies) {
    if (t.prose === 0) continue;
    const score = t.prose * (1 + hintBonus(el)) - JUNK_WEIGHT * t.junk;
    // On a tie (a wrapper holding exactly the same text) the inner element wins.
    if (score > bestScore || (score === bestScore && (best as Element | null)?.contains(el))) {
      bestScore = score;
      best = el;
    }
  }
  if (!best) return null;
  best = preferArticleBody(best, tallies);
  const t = tallies.get(best)!;
  // A page of teasers has prose scattered in many small boxes, none of which holds much of it.
  if (t.prose < MIN_ARTICLE_CHARS || t.blocks < MIN_ARTICLE_BLOCKS) return null;
  const root = widenToLead(best, tallies, body);
  return { root, chars: tallies.get(root)?.visible ?? t.visible };
}

/** The whole search as resumable steps: each `yield` is a point where the page may run. */
function* findSteps(doc: Document): Generator<void, ArticleFound | null> {
  const body = doc.body;
  if (!body) return null;
  const stats = yield* collectBlocks(body);
  const tallies = yield* tallyAncestors(body, stats);
  return pick(body, tallies);
}

/**
 * Returns the element holding the article body, or null when the page has none (home page, search
 * results, an app). Read-only: never changes the document. Runs in one go (tests, small pages).
 */
export function findArticle(doc: Document): Element | null {
  const steps = findSteps(doc);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value?.root ?? null;
  }
}

/**
 * {@link findArticle} in short slices (SLICE_MS), yielding to the page between them, so even a
 * 200,000-word page never sees a long task from it; also says how long the article is. Rejects
 * with AbortedError if `signal` aborts. `priority`: see {@link SlicePriority} (the first look after
 * DOMContentLoaded uses 'user-blocking').
 */
export async function findArticleSliced(
  doc: Document,
  signal?: AbortSignal,
  priority?: SlicePriority,
): Promise<ArticleFound | null> {
  if (signal?.aborted) throw new AbortedError();
  const slice = createSlice(signal, undefined, priority);
  const steps = findSteps(doc);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (slice.expired()) await slice.next();
  }
}
