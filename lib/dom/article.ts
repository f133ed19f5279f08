/**
 * Finds the element holding a page's article body, or null when the page has no article.
 *
 * Why our own scoring and not @mozilla/readability: Readability works on a CLONE of the document
 * (it mutates the tree it scores), so on a 1 MB news page it first copies every node (hundreds of
 * thousands of them, several MB of heap, one long blocking task) and then hands back HTML detached
 * from the live page. Backstory needs the opposite: the LIVE element, so marks map to the page's own
 * text nodes, and a read-only pass that never touches the DOM. The scoring below reads only text
 * lengths (never copies text, so a 5 MB text node costs nothing) in one walk of the tree.
 *
 * The score of an element is how much paragraph-like prose it holds minus a penalty for everything
 * else it holds (link lists, furniture, short fragments): the element that best trades "all the
 * article" against "nothing but the article" wins. Markup hints (`article`, `main`,
 * itemprop=articleBody) add a bonus.
 */
import { isBlock, isFurniture, isSkipped } from './skip';

/** Minimum prose (chars) for a page to count as having an article. */
export const MIN_ARTICLE_CHARS = 500;
/** Minimum number of prose blocks for a page to count as having an article. */
export const MIN_ARTICLE_BLOCKS = 3;
/** Weight of non-prose text against prose in the score. */
const JUNK_WEIGHT = 0.6;

interface Tally {
  prose: number;
  junk: number;
  blocks: number;
}

interface BlockStat {
  chars: number;
  linkChars: number;
  furniture: boolean;
}

/** Characters of visible text in a text node, without copying big ones. */
function textLength(data: string): number {
  if (data.length > 2000) return data.length;
  return data.trim().length;
}

/** True when prose in a block of this size and link share reads as article text. */
function isProse(stat: BlockStat, tag: string): boolean {
  if (stat.furniture) return false;
  const linkShare = stat.linkChars / Math.max(1, stat.chars);
  if (linkShare > 0.35) return false;
  // Short paragraphs still count inside <p>; a bare div needs more to look like prose.
  return tag === 'P' ? stat.chars >= 25 : stat.chars >= 80;
}

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
 * Walks the document once, tallying per block element its text and link text, then rolls the
 * tallies up to every ancestor.
 */
function collectBlocks(body: Element): Map<Element, BlockStat> {
  const stats = new Map<Element, BlockStat>();
  const doc = body.ownerDocument;
  const walker = doc.createTreeWalker(body, 0x1 | 0x4, {
    acceptNode: (n) =>
      n.nodeType === 1 && isSkipped(n as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  // Furniture and link state are inherited down the tree: track them with a stack of ancestors.
  const furniture = new WeakMap<Element, boolean>();
  const inLink = new WeakMap<Element, boolean>();
  const blockOf = new WeakMap<Element, Element>();
  furniture.set(body, false);
  inLink.set(body, false);
  blockOf.set(body, body);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent) continue;
    if (n.nodeType === 1) {
      const el = n as Element;
      furniture.set(el, (furniture.get(parent) ?? false) || isFurniture(el));
      inLink.set(el, (inLink.get(parent) ?? false) || el.tagName === 'A');
      blockOf.set(el, isBlock(el) ? el : (blockOf.get(parent) ?? body));
      continue;
    }
    const len = textLength((n as Text).data);
    if (len === 0) continue;
    const block = blockOf.get(parent) ?? body;
    let stat = stats.get(block);
    if (!stat) {
      stat = { chars: 0, linkChars: 0, furniture: furniture.get(block) ?? false };
      stats.set(block, stat);
    }
    stat.chars += len;
    if (inLink.get(parent)) stat.linkChars += len;
  }
  return stats;
}

/** Scores every ancestor of every block; returns the tallies. */
function tallyAncestors(body: Element, stats: Map<Element, BlockStat>): Map<Element, Tally> {
  const tallies = new Map<Element, Tally>();
  for (const [block, stat] of stats) {
    const prose = isProse(stat, block.tagName) ? stat.chars - stat.linkChars : 0;
    const junk = stat.chars - prose;
    for (let el: Element | null = block; el; el = el.parentElement) {
      let t = tallies.get(el);
      if (!t) tallies.set(el, (t = { prose: 0, junk: 0, blocks: 0 }));
      t.prose += prose;
      t.junk += junk;
      if (prose > 0) t.blocks++;
      if (el === body) break;
    }
  }
  return tallies;
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
 * Returns the element holding the article body, or null when the page has none (home page, search
 * results, an app). Read-only: never changes the document.
 */
export function findArticle(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const tallies = tallyAncestors(body, collectBlocks(body));
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, t] of tallies) {
    if (t.prose === 0) continue;
    const score = t.prose * (1 + hintBonus(el)) - JUNK_WEIGHT * t.junk;
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  if (!best) return null;
  best = preferArticleBody(best, tallies);
  const t = tallies.get(best)!;
  // A page of teasers has prose scattered in many small boxes, none of which holds much of it.
  if (t.prose < MIN_ARTICLE_CHARS || t.blocks < MIN_ARTICLE_BLOCKS) return null;
  return best;
}
