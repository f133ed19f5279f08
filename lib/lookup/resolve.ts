/**
 * From a name on a page to one Wikipedia article, or to a short list when the name is ambiguous:
 * the exact title first (cheap, and batched for many names), a search scored against the page
 * when the exact title is a disambiguation page, missing, or of the wrong kind.
 */
import type { Candidate, PageSummary } from './types';
import { choose, kindsIn, type ScoreQuery } from './score';
import type { PageInfo, WikipediaClient } from './wikipedia';

/** How many candidates the reader is offered. */
export const MAX_CANDIDATES = 5;

/** What resolving a name gave. */
export type Resolved =
  | { status: 'found'; summary: PageSummary; candidates: Candidate[] }
  | { status: 'ambiguous'; candidates: Candidate[] }
  | { status: 'missing' }
  | { status: 'failed'; error: string };

const asCandidate = (p: PageInfo): Candidate => ({ title: p.title, description: p.description });

/** True when the page's description says it is about another kind of thing than the detector saw. */
function wrongKind(page: PageInfo, query: ScoreQuery): boolean {
  const kinds = kindsIn(page.description);
  return kinds.length > 0 && !kinds.includes(query.kind);
}

/**
 * Resolves `query.name`. `exact` is what a batched title query already said about the name
 * (a page, or null for none); undefined asks for it here.
 */
export async function resolveName(
  client: WikipediaClient,
  query: ScoreQuery,
  exact?: PageInfo | null,
): Promise<Resolved> {
  let page = exact;
  if (page === undefined) {
    const r = await client.pages([query.name]);
    if (!r.ok) return { status: 'failed', error: r.error };
    page = r.value.get(query.name) ?? null;
  }
  if (page && !page.disambiguation && !wrongKind(page, query)) {
    const found = await summarise(client, page.title, []);
    // The REST summary can still say "disambiguation" (a page the query did not flag): search.
    if (found.status !== 'disambiguation') return found;
    page = { ...page, disambiguation: true };
  }
  const s = await client.search(query.name);
  if (!s.ok) return { status: 'failed', error: s.error };
  const pool = page && !page.disambiguation ? [page, ...s.value] : s.value;
  const choice = choose(pool, query);
  if (choice.ranked.length === 0) return { status: 'missing' };
  const candidates = choice.ranked.slice(0, MAX_CANDIDATES).map((c) => asCandidate(c.page));
  if (!choice.chosen) return { status: 'ambiguous', candidates };
  const chosen = choice.chosen.title;
  const found = await summarise(
    client,
    chosen,
    page?.disambiguation ? candidates.filter((c) => c.title !== chosen) : [],
  );
  return found.status === 'disambiguation' ? { status: 'ambiguous', candidates } : found;
}

/** The summary of `title`, as a Resolved (or 'disambiguation' when the page turns out to be one). */
export async function summarise(
  client: WikipediaClient,
  title: string,
  candidates: Candidate[],
): Promise<Resolved | { status: 'disambiguation' }> {
  const r = await client.summary(title);
  if (!r.ok) return r.missing ? { status: 'missing' } : { status: 'failed', error: r.error };
  if (r.summary.type === 'disambiguation') return { status: 'disambiguation' };
  return { status: 'found', summary: r.summary, candidates };
}

/**
 * The candidate a page's names make clearly best among those an earlier look-up offered for
 * `query.name` (when it had no such names to go by), or null when they settle nothing. Only the
 * titles and descriptions already known are scored: nothing is fetched.
 */
export function pickAmong(candidates: readonly Candidate[], query: ScoreQuery): string | null {
  if (query.context.length === 0) return null;
  // The old search rank is not kept with the candidates: the page's names decide.
  const pages: PageInfo[] = candidates.map((c) => ({ ...c, disambiguation: false }));
  return choose(pages, query).chosen?.title ?? null;
}
