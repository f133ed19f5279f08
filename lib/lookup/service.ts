/**
 * The background's look-up service: turns a name without a card into a Wikipedia card (or an
 * honest "choose one" / "no article" / "could not reach Wikipedia"), caches the answer in Dexie
 * per kind and name, shares one queue and one request per kind and name, and honours the
 * reader's settings and choices.
 */
import type { BackstoryDB } from '../db/schema';
import type { Card } from '../db/records';
import { getLookup, getLookupOrTombstone, isStale, lookedUpCard, titleOfCard } from '../db/lookups';
import { lookupKey } from '../db/lookup-key';
import { needsRefresh, saveWikipediaCard } from '../db/wikipedia-cards';
import { answerOf, saveResolved, stateOf, type CardLookup, type NameQuery } from './answers';
import { currentClient } from './current-client';
import { OnePerName, within } from './one-per-name';
import { RequestQueue } from './queue';
import { pickAmong, resolveName, summarise, type Resolved } from './resolve';
import { readLookupSettings, type LookupSettings } from './settings';
import type { LookupState } from './types';
import type { PageInfo } from './wikipedia';

/** Everything the service depends on; tests pass a local server's settings and short timeouts. */
export interface LookupServiceDeps {
  db: BackstoryDB;
  settings?: () => Promise<LookupSettings>;
  version?: string;
  queue?: RequestQueue;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Called after a look-up wrote a card (so the detector learns its name). */
  onCardSaved?: (card: Card) => void;
}

/** The answer stands when asking again failed or is still running: the reader keeps what they had. */
function orKnown(answer: CardLookup, known: CardLookup): CardLookup {
  return answer.lookup.status === 'failed' || answer.lookup.status === 'pending' ? known : answer;
}

/** Builds the service (one per background worker). */
export function createLookupService(deps: LookupServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const queue = deps.queue ?? new RequestQueue();
  const settings = deps.settings ?? (() => readLookupSettings());
  const jobs = new OnePerName();
  /** One shared look-up per kind and name at a time. */
  const once = (q: NameQuery, start: () => Promise<CardLookup>) => jobs.run(lookupKey(q.kind, q.name), start);
  /**
   * Candidates a page's names picked for a cached "choose one" that turned out to be no article or
   * a list: not asked for again on every hover (until the worker restarts).
   */
  const unsettling = new Set<string>();
  const refreshing = new Set<string>();
  /** The client for the current settings, or null when look-ups are off. */
  const clientNow = currentClient({
    settings,
    queue,
    version: deps.version,
    timeoutMs: deps.timeoutMs,
    fetchImpl: deps.fetchImpl,
  });

  /**
   * Stores what resolving a name gave. `explicit`: the reader asked (a retry or a choice), so
   * even a card they deleted before is made again.
   */
  function record(q: NameQuery, r: Resolved, chosenByReader = false, explicit = chosenByReader) {
    return saveResolved(db, q, r, { now: now(), chosenByReader, explicit, onCardSaved: deps.onCardSaved });
  }

  return {
    /** What the cache says about a name (for alternatives beside a Wikipedia card), if anything. */
    async cached(q: NameQuery): Promise<LookupState | undefined> {
      const rec = await getLookup(db, q);
      return rec ? stateOf(rec) : undefined;
    },

    /** True when the cached look-up of a name offered the article `title` (its pick or a candidate). */
    async offered(q: NameQuery, title: string): Promise<boolean> {
      const rec = await getLookup(db, q);
      return !!rec && (rec.title === title || rec.candidates.some((c) => c.title === title));
    },

    /** The card of the article the reader chose for this name, if they chose one. */
    async readerChoice(q: NameQuery): Promise<Card | null> {
      const rec = await getLookup(db, q);
      return rec?.chosenByReader ? lookedUpCard(db, rec) : null;
    },

    /**
     * Looks a name up (from the cache when fresh). `waitMs` bounds the wait: a slower look-up
     * answers 'pending' and carries on in the background. `force` ignores the cache.
     * A stale record still answers (its card is in the database) while it is asked again behind
     * it, so an unreachable Wikipedia never takes a card away; a cached "choose one" is settled
     * again when this page's names make one candidate clearly best.
     */
    async lookUp(
      q: NameQuery,
      context: readonly string[],
      opts: { waitMs?: number; force?: boolean } = {},
    ): Promise<CardLookup> {
      const c = await clientNow();
      if (!c) return { card: null, lookup: { status: 'off' } };
      const resolve = async () => record(q, await resolveName(c, { ...q, context }), false, opts.force);
      const rec = opts.force ? undefined : await getLookupOrTombstone(db, q);
      const known = rec ? await answerOf(db, rec) : null;
      if (!rec || !known) return within(once(q, resolve), opts.waitMs);
      if (isStale(rec, now())) {
        void once(q, resolve);
        return known;
      }
      const pick = rec.status === 'ambiguous' ? pickAmong(rec.candidates, { ...q, context }) : null;
      const tried = `${lookupKey(q.kind, q.name)}\n${pick}`;
      if (!pick || unsettling.has(tried)) return known;
      const settle = async () => {
        const r = await summarise(
          c,
          pick,
          rec.candidates.filter((x) => x.title !== pick),
        );
        if (r.status === 'found') return record(q, r);
        // Asking again only helps when Wikipedia could not be reached.
        if (r.status !== 'failed') unsettling.add(tried);
        return known;
      };
      return orKnown(await within(once(q, settle), opts.waitMs), known);
    },

    /**
     * Looks up several names ahead of need (the page's most-mentioned names without a card):
     * one batched title query, then one resolution per name, all through the queue.
     */
    async prefetch(queries: readonly NameQuery[], context: readonly string[]): Promise<void> {
      const c = await clientNow();
      if (!c) return;
      const todo: NameQuery[] = [];
      for (const q of queries) {
        const rec = await getLookupOrTombstone(db, q);
        if ((!rec || isStale(rec, now())) && !jobs.has(lookupKey(q.kind, q.name))) todo.push(q);
      }
      if (todo.length === 0) return;
      const pages = await c.pages(todo.map((q) => q.name));
      if (!pages.ok) return;
      await Promise.all(
        todo.map((q) => {
          const exact: PageInfo | null = pages.value.get(q.name) ?? null;
          return once(q, async () => record(q, await resolveName(c, { ...q, context }, exact)));
        }),
      );
    },

    /** The reader picked `title` for a name: fetch it, make its card, and remember the choice. */
    async choose(q: NameQuery, title: string): Promise<CardLookup> {
      const c = await clientNow();
      if (!c) return { card: null, lookup: { status: 'off' } };
      const old = await getLookup(db, q);
      const r = await summarise(
        c,
        title,
        (old?.candidates ?? []).filter((x) => x.title !== title),
      );
      if (r.status === 'disambiguation')
        return { card: null, lookup: { status: 'failed', error: `"${title}" is itself a list of articles.` } };
      return record(q, r, true);
    },

    /** Refreshes a Wikipedia card older than 30 days (never an edited one). Resolves when done. */
    async refresh(card: Card): Promise<void> {
      if (!needsRefresh(card, now()) || refreshing.has(card.id)) return;
      refreshing.add(card.id);
      try {
        const title = await titleOfCard(db, card.id);
        const c = title ? await clientNow() : null;
        if (!c || !title) return;
        const r = await c.summary(title);
        const saved = r.ok && r.summary.type !== 'disambiguation';
        const fresh = saved ? await saveWikipediaCard(db, r.summary, card.kind, now()) : null;
        if (fresh) deps.onCardSaved?.(fresh);
        // Another card stands for the article (a starter card an older database duplicated): this
        // one is not rewritten, so it is marked as checked, not asked for again on every hover.
        if (fresh && fresh.id !== card.id) await db.cards.update(card.id, { fetchedAt: now() });
      } finally {
        refreshing.delete(card.id);
      }
    },
  };
}

/** The look-up service's interface. */
export type LookupService = ReturnType<typeof createLookupService>;
