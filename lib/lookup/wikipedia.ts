/**
 * A small Wikipedia client: page facts for many titles in one request, search with
 * descriptions, and the REST page summary. Every request goes through the shared RequestQueue
 * and carries the Api-User-Agent header Wikimedia asks for.
 */
import * as v from 'valibot';
import { getJson, type HttpOutcome } from './http';
import type { RequestQueue } from './queue';
import { queryAnswer, toSummary } from './schemas';
import type { PageSummary } from './types';

/** Facts about one page from `action=query`. */
export interface PageInfo {
  title: string;
  description: string;
  disambiguation: boolean;
  /** Rank in search results (1 = first), when it came from a search. */
  rank?: number;
}

/** A call that either gives its value or says why not. */
export type Fetched<T> = { ok: true; value: T } | { ok: false; error: string };

/** The outcome of a summary request: a 404 is "missing", not an error. */
export type SummaryFetched = { ok: true; summary: PageSummary } | { ok: false; missing: boolean; error: string };

/** Options of {@link WikipediaClient}. */
export interface WikipediaOptions {
  /** e.g. "https://en.wikipedia.org" (no trailing slash). */
  baseUrl: string;
  queue: RequestQueue;
  /** Backstory's version, for the Api-User-Agent header. */
  version: string;
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

/** The action API accepts at most this many titles per request. */
export const MAX_TITLES = 50;

/** Api-User-Agent value: who is calling, per https://meta.wikimedia.org/wiki/User-Agent_policy. */
export function userAgent(version: string): string {
  return `Backstory/${version} (browser extension that explains names in news articles)`;
}

/** An answer Backstory cannot read (it arrived, so Wikipedia was reached). */
const UNEXPECTED = 'Wikipedia gave an unexpected answer.';

/** A wait as a reader says it: "40 s", "3 min", "2 h". */
function inWords(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 90) return `${s} s`;
  return s < 90 * 60 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
}

/**
 * Why a request gave nothing, as the sentence the reader sees: the one place that says whether
 * Wikipedia was reached at all.
 */
function describe(outcome: Exclude<HttpOutcome, { kind: 'json' }>): string {
  if (outcome.kind === 'http') return `Wikipedia answered HTTP ${outcome.status}.`;
  if (outcome.kind === 'failed') return `Could not reach Wikipedia: ${outcome.reason}.`;
  if (outcome.kind === 'held')
    return `Wikipedia asked Backstory to pause; it can ask again in ${inWords(outcome.waitMs)}.`;
  return `Wikipedia answered, but ${outcome.reason}.`;
}

/** Talks to one Wikipedia (or a server answering like it). */
export class WikipediaClient {
  constructor(private readonly opts: WikipediaOptions) {}

  private get(path: string, params?: Record<string, string>): Promise<HttpOutcome> {
    const url = new URL(`${this.opts.baseUrl}${path}`);
    for (const [k, val] of Object.entries(params ?? {})) url.searchParams.set(k, val);
    return this.opts.queue.run(() =>
      getJson(url.href, {
        headers: { 'Api-User-Agent': userAgent(this.opts.version), Accept: 'application/json' },
        timeoutMs: this.opts.timeoutMs ?? 8000,
        maxBytes: this.opts.maxBytes ?? 1_000_000,
        fetchImpl: this.opts.fetchImpl,
      }),
    );
  }

  private async query(
    params: Record<string, string>,
  ): Promise<Fetched<{ pages: PageInfo[]; resolved: Map<string, string> }>> {
    const outcome = await this.get('/w/api.php', {
      action: 'query',
      format: 'json',
      formatversion: '2',
      prop: 'description|pageprops',
      ppprop: 'disambiguation',
      ...params,
    });
    if (outcome.kind !== 'json') return { ok: false, error: describe(outcome) };
    const parsed = v.safeParse(queryAnswer, outcome.body);
    if (!parsed.success) return { ok: false, error: UNEXPECTED };
    const q = parsed.output.query;
    const pages: PageInfo[] = (q?.pages ?? [])
      .filter((p) => !p.missing && !p.invalid)
      .map((p) => ({
        title: p.title,
        description: p.description ?? '',
        disambiguation: !!p.pageprops && 'disambiguation' in p.pageprops,
        rank: p.index,
      }));
    // Where each asked title ended up after normalisation and redirects.
    const resolved = new Map<string, string>();
    for (const step of [...(q?.normalized ?? []), ...(q?.redirects ?? [])]) resolved.set(step.from, step.to);
    return { ok: true, value: { pages, resolved } };
  }

  /**
   * Facts about many titles, batched MAX_TITLES per request. Maps each asked title to its page
   * (after normalisation and redirects) or null when Wikipedia has no such page.
   */
  async pages(titles: readonly string[]): Promise<Fetched<Map<string, PageInfo | null>>> {
    const out = new Map<string, PageInfo | null>();
    for (let i = 0; i < titles.length; i += MAX_TITLES) {
      const batch = titles.slice(i, i + MAX_TITLES);
      const r = await this.query({ titles: batch.join('|'), redirects: '1' });
      if (!r.ok) return r;
      const { pages, resolved } = r.value;
      const byTitle = new Map(pages.map((p) => [p.title, p]));
      for (const asked of batch) {
        let title = asked;
        for (let hops = 0; hops < 3 && resolved.has(title); hops++) title = resolved.get(title)!;
        out.set(asked, byTitle.get(title) ?? null);
      }
    }
    return { ok: true, value: out };
  }

  /** Search results for `text` with their descriptions, best first. */
  async search(text: string, limit = 6): Promise<Fetched<PageInfo[]>> {
    const r = await this.query({ generator: 'search', gsrsearch: text, gsrlimit: String(limit), gsrnamespace: '0' });
    if (!r.ok) return r;
    return { ok: true, value: [...r.value.pages].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)) };
  }

  /** The REST summary of a page (redirects followed). */
  async summary(title: string): Promise<SummaryFetched> {
    const path = `/api/rest_v1/page/summary/${encodeURIComponent(title.replace(/ /g, '_'))}`;
    const outcome = await this.get(path);
    if (outcome.kind === 'http' && outcome.status === 404)
      return { ok: false, missing: true, error: 'No article found' };
    if (outcome.kind !== 'json') return { ok: false, missing: false, error: describe(outcome) };
    const summary = toSummary(outcome.body);
    return summary ? { ok: true, summary } : { ok: false, missing: false, error: UNEXPECTED };
  }
}
