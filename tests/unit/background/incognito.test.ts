import { describe, expect, it, vi } from 'vitest';
import type { SpotResult } from '@/lib/entity';
import { keysFor } from '@/lib/db/card-keys';
import { BackstoryDB } from '@/lib/db/schema';
import type { LookupService } from '@/lib/lookup/service';
import type { Sender } from '@/lib/messaging/serve';
import { createHandlers } from '@/entrypoints/background/handlers';

/** Private windows: the worker marks the page but keeps no record of what was read there. */

const blocks = ['Nato met in Brussels. Jens Stoltenberg spoke.', 'Nato again, and Quiet Village.'];
const page = { url: 'https://news.test/private-reading', title: 'Private reading' };
const sender = (incognito: boolean): Sender => ({
  id: 'test-extension-id',
  tab: { id: 5, incognito } as Sender['tab'],
});

/** A detector that finds three fixed names. */
const detector = {
  setKnownNames: () => undefined,
  spot: (): SpotResult => ({
    entities: [
      { key: 'organization:nato', name: 'Nato', kind: 'organization', aliases: [], count: 2 },
      { key: 'person:jens stoltenberg', name: 'Jens Stoltenberg', kind: 'person', aliases: [], count: 1 },
      { key: 'place:quiet village', name: 'Quiet Village', kind: 'place', aliases: [], count: 1 },
    ],
    spans: [{ block: 0, start: 0, end: 4, entityKey: 'organization:nato' }],
  }),
};

async function setup() {
  const db = new BackstoryDB(`incognito-${crypto.randomUUID()}`);
  await db.open();
  await db.cards.add({
    id: 'nato',
    name: 'Nato',
    kind: 'organization',
    aliases: [],
    keys: keysFor('Nato', []),
    description: 'Alliance.',
    summary: '',
    source: 'starter',
    edited: false,
    createdAt: 1,
    updatedAt: 1,
  });
  // Only the calls matter here: the look-up service's own behaviour is tested in tests/unit/lookup.
  const lookup = {
    prefetch: vi.fn(async () => undefined),
    lookUp: vi.fn(async () => ({ card: null, lookup: { status: 'missing' } })),
    readerChoice: vi.fn(async () => null),
    refresh: vi.fn(async () => undefined),
    cached: vi.fn(async () => undefined),
  };
  const { handlers, mentionsSettled } = createHandlers({
    db,
    getDetector: async () => detector,
    lookup: lookup as unknown as LookupService,
    log: () => undefined,
  });
  return { db, lookup, handlers, mentionsSettled };
}

describe('incognito tabs', () => {
  it('get their marks but leave no mention and send no look-up ahead of the reader', async () => {
    const { db, lookup, handlers, mentionsSettled } = await setup();
    const r = await handlers.spotBlocks({ blocks, page }, sender(true));
    expect(r.ok && r.value.entities.map((e) => e.name)).toEqual(['Nato', 'Jens Stoltenberg', 'Quiet Village']);
    expect(r.ok && r.value.entities[0]?.cardId).toBe('nato');
    expect(lookup.prefetch).not.toHaveBeenCalled();
    // Nothing in any table but the cards (mentions, timelines, look-ups, and any table added later),
    // also after the work a spot defers past its reply.
    await mentionsSettled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const table of db.tables.filter((t) => t.name !== 'cards'))
      expect(await table.count(), `table ${table.name}`).toBe(0);
    expect(await db.cards.count()).toBe(1);
  });

  it('the same page in a normal tab is recorded and prefetched (the check above is not vacuous)', async () => {
    const { db, lookup, handlers, mentionsSettled } = await setup();
    await handlers.spotBlocks({ blocks, page }, sender(false));
    await mentionsSettled();
    expect((await db.pageMentions.toArray()).map((p) => [p.cardIds, p.url])).toEqual([[['nato'], page.url]]);
    expect(lookup.prefetch).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const written = [];
    for (const table of db.tables.filter((t) => t.name !== 'cards'))
      if ((await table.count()) > 0) written.push(table.name);
    expect(written).toContain('pageMentions');
  });

  it('a card hovered in a private window comes from the database only: no look-up, nothing cached', async () => {
    const { db, lookup, handlers } = await setup();
    const cardsBefore = await db.cards.count();
    const known = await handlers.getCard({ name: 'Nato', kind: 'organization', aliases: [] }, sender(true));
    expect(known.ok && known.value.card?.id).toBe('nato');
    const unknown = await handlers.getCard({ name: 'Quiet Village', kind: 'place', aliases: [] }, sender(true));
    expect(unknown.ok && unknown.value.card).toBeNull();
    expect(lookup.lookUp).not.toHaveBeenCalled();
    expect(lookup.readerChoice).not.toHaveBeenCalled();
    expect(await db.cards.count()).toBe(cardsBefore);
    expect(await db.lookups.count()).toBe(0);

    // The same hover in a normal window asks the look-up service.
    await handlers.getCard({ name: 'Quiet Village', kind: 'place', aliases: [] }, sender(false));
    expect(lookup.lookUp).toHaveBeenCalledTimes(1);
  });

  it('a choice of article sent from a private window is refused: no look-up, nothing recorded', async () => {
    const { db, lookup, handlers } = await setup();
    const chosen = { name: 'Salisbury', kind: 'place' as const, title: 'Salisbury, Wiltshire' };
    const choose = vi.fn(async () => ({ card: null, lookup: { status: 'missing' } }));
    Object.assign(lookup, { choose, offered: vi.fn(async () => true) });
    const r = await handlers.chooseArticle(chosen, sender(true));
    expect(r).toEqual({ ok: false, error: 'Wikipedia look-ups are not available.' });
    expect(choose).not.toHaveBeenCalled();
    expect(await db.lookups.count()).toBe(0);
    // From a normal window the choice goes to the look-up service.
    await handlers.chooseArticle(chosen, sender(false));
    expect(choose).toHaveBeenCalledTimes(1);
  });
});
