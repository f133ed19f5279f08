/**
 * The background's look-up service: turns a name without a card into a Wikipedia card (or an
 * honest "choose one" / "no article" / "could not reach Wikipedia"), caches the answer in Dexie,
 * shares one queue and one request per name, and honours the reader's settings and choices.
 */
import { nameKey, type EntityKind } from '../entity';
import type { BackstoryDB } from '../db/schema';
import type { Card } from '../db/records';
import {
  getLookup,
  isStale,
  lookedUpCard,
  needsRefresh,
  saveLookup,
  saveWikipediaCard,
  titleOfCard,
  wikipediaCardId,
  type LookupRecord,
} from '../db/lookups';
import { RequestQueue } from './queue';
import { resolveName, summarise, type Resolved } from './resolve';
import { readLookupSettings, extensionVersion, type LookupSettings } from './settings';
import type { LookupState } from './types';
import { WikipediaClient, type PageInfo } from './wikipedia';

/** A name to look up, as the detector saw it. */
export interface NameQuery {
  name: string;
  kind: EntityKind;
}

/** A card (or none) with what the look-up said. */
export interface CardLookup {
  card: Card | null;
  lookup: LookupState;
}

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

/** The state a cached record stands for. */
function stateOf(record: LookupRecord): LookupState {
  if (record.status === 'found') return { status: 'found', candidates: record.candidates };
  if (record.status === 'ambiguous') return { status: 'ambiguous', candidates: record.candidates };
  if (record.status === 'deleted') return { status: 'deleted' };
  return { status: 'missing' };
}

/** Builds the service (one per background worker). */
export function createLookupService(deps: LookupServiceDeps) {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  const queue = deps.queue ?? new RequestQueue();
  const settings = deps.settings ?? (() => readLookupSettings());
  const inflight = new Map<string, Promise<CardLookup>>();
  const refreshing = new Set<string>();
  let client: WikipediaClient | null = null;
  let clientBase = '';

  /** The client for the current settings, or null when look-ups are off. */
  async function clientNow(): Promise<WikipediaClient | null> {
    const s = await settings();
    if (!s.enabled) return null;
    if (!client || clientBase !== s.baseUrl) {
      clientBase = s.baseUrl;
      const version = deps.version ?? extensionVersion();
      client = new WikipediaClient({
        baseUrl: s.baseUrl,
        queue,
        version,
        timeoutMs: deps.timeoutMs,
        fetchImpl: deps.fetchImpl,
      });
    }
    return client;
  }

  /**
   * Stores what resolving a name gave and turns it into a CardLookup. `explicit`: the reader asked
   * (a retry or a choice), so even a card they deleted before is made again.
   */
  async function record(
    q: NameQuery,
    r: Resolved,
    chosenByReader = false,
    explicit = chosenByReader,
  ): Promise<CardLookup> {
    const base = { name: q.name, kind: q.kind, chosenByReader, checkedAt: now() };
    if (r.status === 'failed') return { card: null, lookup: { status: 'failed', error: r.error } };
    if (r.status === 'missing') {
      await saveLookup(db, { ...base, status: 'missing', candidates: [] });
      return { card: null, lookup: { status: 'missing' } };
    }
    if (r.status === 'ambiguous') {
      await saveLookup(db, { ...base, status: 'ambiguous', candidates: r.candidates });
      return { card: null, lookup: { status: 'ambiguous', candidates: r.candidates } };
    }
    const card = await saveWikipediaCard(db, r.summary, q.kind, now(), explicit);
    if (!card) {
      // The article's card was deleted: this name now leads to it too, so it gets the same tombstone.
      const deletedCardId = wikipediaCardId(r.summary);
      await saveLookup(db, { ...base, status: 'deleted', deletedCardId, title: r.summary.title, candidates: [] });
      return { card: null, lookup: { status: 'deleted' } };
    }
    await saveLookup(
      db,
      { ...base, status: 'found', cardId: card.id, title: r.summary.title, candidates: r.candidates },
      chosenByReader,
    );
    deps.onCardSaved?.(card);
    return { card, lookup: { status: 'found', candidates: r.candidates } };
  }

  /** One shared look-up per name at a time. */
  function once(q: NameQuery, start: () => Promise<CardLookup>): Promise<CardLookup> {
    const key = nameKey(q.name);
    let job = inflight.get(key);
    if (!job) {
      job = start()
        .catch(
          (error: unknown): CardLookup => ({
            card: null,
            lookup: {
              status: 'failed',
              error: `The look-up failed: ${error instanceof Error ? error.message : String(error)}`,
            },
          }),
        )
        .finally(() => inflight.delete(key));
      inflight.set(key, job);
    }
    return job;
  }

  return {
    /** What the cache says about a name (for alternatives beside a Wikipedia card), if anything. */
    async cached(name: string): Promise<LookupState | undefined> {
      const rec = await getLookup(db, name);
      return rec ? stateOf(rec) : undefined;
    },

    /** True when the cached look-up of `name` offered the article `title` (its pick or a candidate). */
    async offered(name: string, title: string): Promise<boolean> {
      const rec = await getLookup(db, name);
      return !!rec && (rec.title === title || rec.candidates.some((c) => c.title === title));
    },

    /** The card of the article the reader chose for this name, if they chose one. */
    async readerChoice(name: string): Promise<Card | null> {
      const rec = await getLookup(db, name);
      return rec?.chosenByReader ? lookedUpCard(db, rec) : null;
    },

    /**
     * Looks a name up (from the cache when fresh). `waitMs` bounds the wait: a slower look-up
     * answers 'pending' and carries on in the background. `force` ignores the cache.
     */
    async lookUp(
      q: NameQuery,
      context: readonly string[],
      opts: { waitMs?: number; force?: boolean } = {},
    ): Promise<CardLookup> {
      const c = await clientNow();
      if (!c) return { card: null, lookup: { status: 'off' } };
      const rec = await getLookup(db, q.name);
      if (rec && !opts.force && !isStale(rec, now())) {
        const card = await lookedUpCard(db, rec);
        if (card || rec.status !== 'found') return { card, lookup: stateOf(rec) };
      }
      const job = once(q, async () => record(q, await resolveName(c, { ...q, context }), false, opts.force));
      if (opts.waitMs === undefined) return job;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const pending = new Promise<CardLookup>((resolve) => {
        timer = setTimeout(() => resolve({ card: null, lookup: { status: 'pending' } }), opts.waitMs);
      });
      return Promise.race([job, pending]).finally(() => clearTimeout(timer));
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
        const rec = await getLookup(db, q.name);
        if ((!rec || isStale(rec, now())) && !inflight.has(nameKey(q.name))) todo.push(q);
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
      const old = await getLookup(db, q.name);
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
      } finally {
        refreshing.delete(card.id);
      }
    },
  };
}

/** The look-up service's interface. */
export type LookupService = ReturnType<typeof createLookupService>;
