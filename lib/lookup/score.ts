/**
 * Choosing the article a name stands for, from what the page says: the detector's kind, the
 * other names on the page, and each candidate's title, description and search rank. The
 * choice is "sure" only when one candidate clearly beats the rest.
 */
import { ENTITY_KINDS, nameKey, type EntityKind } from '../entity';
import type { PageInfo } from './wikipedia';

/** Words in a Wikipedia short description that say what kind of thing the article is about. */
const KIND_HINTS: Record<EntityKind, RegExp> = {
  person:
    /\b(born|died|politician|statesman|stateswoman|actor|actress|singer|footballer|cricketer|player|writer|novelist|journalist|businessman|businesswoman|entrepreneur|president|minister|officer|author|king|queen|prince|princess|diplomat|lawyer|judge|musician|scientist|artist|general|spy|poet|economist|activist|presenter|philosopher|composer|rapper|athlete|coach|bishop|pope|monarch|(?:vice|prime)[- ]minister|secretary[- ]general)\b|\(\s*(?:born\s+)?\d{3,4}\s*[–-]/i,
  place:
    /\b(city|town|village|country|capital|county|state|province|region|island|river|mountain|district|municipality|borough|commune|territory|lake|sea|peninsula|neighbourhood|neighborhood|suburb|port|oblast|emirate|kingdom in|sovereign state)\b/i,
  organization:
    /\b(organi[sz]ation|company|corporation|party|agency|alliance|association|council|committee|bank|newspaper|university|ministry|department|club|institute|foundation|network|broadcaster|armed forces|military|court|parliament|legislature|government|union of|trade union|charity|think tank|band|brand|manufacturer|airline|federation)\b/i,
  event:
    /\b(war|election|summit|crisis|attack|bombing|massacre|battle|treaty|olympics|championship|tournament|cup|conference|invasion|revolution|protests?|incident|poisoning|pandemic|referendum|games|uprising|coup|disaster|earthquake|ceasefire|siege|festival)\b/i,
};

/** The kinds a description points at (often none, sometimes several). */
export function kindsIn(description: string): EntityKind[] {
  return ENTITY_KINDS.filter((k) => KIND_HINTS[k].test(description));
}

/** A title without its disambiguating part: "Georgia (country)" → "Georgia", "Salisbury, Maryland" → "Salisbury". */
export function baseTitle(title: string): string {
  return title
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/,\s+[^,]+$/, '')
    .trim();
}

/** What a candidate is scored against. */
export interface ScoreQuery {
  name: string;
  kind: EntityKind;
  /** The other names on the page (e.g. "Wiltshire", "Sergei Skripal"). */
  context: readonly string[];
}

/** A candidate and its score, with the reasons (for tests and debugging). */
export interface Scored {
  page: PageInfo;
  score: number;
}

const STOP = new Set(['the', 'of', 'and', 'in', 'on', 'for', 'a', 'an', 'to', 'de', 'la', 'le', 'al']);

/** Significant words of the context names, lower-cased. */
function contextWords(context: readonly string[], name: string): Set<string> {
  const own = new Set(nameKey(name).split(' '));
  const words = new Set<string>();
  for (const c of context)
    for (const w of nameKey(c).split(/[^\p{L}\p{N}]+/u)) if (w.length > 2 && !STOP.has(w) && !own.has(w)) words.add(w);
  return words;
}

/** Scores one candidate page for `query`; higher is better. */
export function scoreCandidate(
  page: PageInfo,
  query: ScoreQuery,
  words: ReadonlySet<string> = contextWords(query.context, query.name),
): number {
  let score = 0;
  const kinds = kindsIn(page.description);
  if (kinds.includes(query.kind)) score += 3;
  else if (kinds.length > 0) score -= 3;
  const name = nameKey(query.name);
  const base = nameKey(baseTitle(page.title));
  if (base === name) score += 2;
  else if (base.split(' ').includes(name) || name.split(' ').includes(base)) score += 1;
  // Another name of the page in the candidate's title or description is the strongest clue.
  const about = nameKey(`${page.title} ${page.description}`).split(/[^\p{L}\p{N}]+/u);
  let hits = 0;
  for (const w of new Set(about)) if (words.has(w)) hits++;
  score += Math.min(hits, 2) * 3;
  if (page.rank === 1) score += 1;
  else if (page.rank === 2) score += 0.5;
  if (/^list of\b/i.test(page.title)) score -= 4;
  return score;
}

/** The outcome of a choice among candidates. */
export interface Choice {
  /** The best candidate when it is clearly best, else null. */
  chosen: PageInfo | null;
  /** Every candidate, best first (disambiguation pages left out). */
  ranked: Scored[];
}

/** A sure choice needs at least this score and this lead over the runner-up. */
export const MIN_SCORE = 3;
export const MIN_LEAD = 2;

/** Ranks `pages` for `query` and picks one when the choice is sure. */
export function choose(pages: readonly PageInfo[], query: ScoreQuery): Choice {
  const words = contextWords(query.context, query.name);
  const seen = new Set<string>();
  const ranked = pages
    .filter((p) => !p.disambiguation && !seen.has(p.title) && seen.add(p.title))
    .map((page) => ({ page, score: scoreCandidate(page, query, words) }))
    .sort((a, b) => b.score - a.score);
  const [top, next] = ranked;
  const sure = !!top && top.score >= MIN_SCORE && (!next || top.score - next.score >= MIN_LEAD);
  return { chosen: sure ? top.page : null, ranked };
}
