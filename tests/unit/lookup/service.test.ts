// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackstoryDB } from '@/lib/db/schema';
import { createLookupService } from '@/lib/lookup/service';
import { RequestQueue } from '@/lib/lookup/queue';
import { REFRESH_AFTER_MS, saveLookup } from '@/lib/db/lookups';
import { lookupKey } from '@/lib/db/lookup-key';
import { deleteCard, updateCard } from '@/lib/db/card-edits';
import { saveNote } from '@/lib/db/notes';
import { installStarterCards } from '@/lib/db/starter';
import { createHandlers, type SpotDetector } from '@/entrypoints/background/handlers';
import type { Sender } from '@/lib/messaging/serve';
import { startWikiServer, type WikiServer } from './wiki-server';

let server: WikiServer;
beforeAll(async () => {
  server = await startWikiServer();
});
afterAll(() => server.close());

/** Nothing listens on port 9 of this machine: every request is refused, as when offline. */
const OFFLINE = 'http://127.0.0.1:9';

async function setup(opts: { enabled?: boolean; now?: () => number; baseUrl?: () => string } = {}) {
  const db = new BackstoryDB(`lookup-${crypto.randomUUID()}`);
  await db.open();
  const saved: string[] = [];
  const lookup = createLookupService({
    db,
    settings: async () => ({ enabled: opts.enabled ?? true, baseUrl: opts.baseUrl?.() ?? server.baseUrl }),
    version: '1.2.3',
    queue: new RequestQueue({ baseDelayMs: 10 }),
    timeoutMs: 400,
    now: opts.now,
    onCardSaved: (c) => saved.push(c.id),
  });
  return { db, lookup, saved };
}

const requestsFor = (title: string) =>
  server.seen.filter((s) => s.path.endsWith(`/${title.replace(/ /g, '_')}`)).length;

describe('look-up service', () => {
  it('caches a found article as a wikipedia card with fetchedAt, and answers from the cache next time', async () => {
    const { lookup, saved } = await setup();
    const r = await lookup.lookUp({ name: 'Yulia Skripal', kind: 'person' }, []);
    expect(r.lookup.status).toBe('found');
    expect(r.card).toMatchObject({
      id: 'wp-q90000001',
      name: 'Yulia Skripal',
      kind: 'person',
      source: 'wikipedia',
      edited: false,
      wikidata: 'Q90000001',
    });
    expect(r.card?.image).toMatch(/^https:\/\/upload\.wikimedia\.org\//);
    expect(typeof r.card?.fetchedAt).toBe('number');
    expect(saved).toEqual(['wp-q90000001']);
    const before = requestsFor('Yulia Skripal');
    const again = await lookup.lookUp({ name: 'yulia skripal', kind: 'person' }, []);
    expect(again.card?.id).toBe('wp-q90000001');
    expect(requestsFor('Yulia Skripal')).toBe(before);
  });

  it('sends nothing when look-ups are off', async () => {
    const { lookup } = await setup({ enabled: false });
    const before = server.seen.length;
    expect(await lookup.lookUp({ name: 'Porton Down', kind: 'place' }, [])).toEqual({
      card: null,
      lookup: { status: 'off' },
    });
    await lookup.prefetch([{ name: 'Porton Down', kind: 'place' }], []);
    expect(server.seen.length).toBe(before);
  });

  it('writes nothing when Wikipedia misbehaves, and says so', async () => {
    const { db, lookup } = await setup();
    for (const name of ['Malformed Name', 'Html Name', 'Huge Name', 'Stalling Name']) {
      const r = await lookup.lookUp({ name, kind: 'person' }, []);
      expect(r.card, name).toBeNull();
      expect(r.lookup.status, name).toBe('failed');
    }
    expect(await db.cards.count()).toBe(0);
    expect(await db.lookups.count()).toBe(0);
    // Each says once, in its own words, whether Wikipedia was reached at all.
    const said = async (name: string, base?: string) => {
      const other = base ? (await setup({ baseUrl: () => base })).lookup : lookup;
      const r = await other.lookUp({ name, kind: 'person' }, []);
      return r.lookup.status === 'failed' ? r.lookup.error : r.lookup.status;
    };
    expect(await said('Html Name')).toBe('Wikipedia answered, but the answer was text/html, not JSON.');
    expect(await said('Quiet Village', OFFLINE)).toMatch(/^Could not reach Wikipedia: the network request failed/);
    // The queue kept moving.
    expect((await lookup.lookUp({ name: 'Quiet Village', kind: 'place' }, [])).lookup.status).toBe('found');
  });

  it('answers "pending" when the look-up takes longer than the wait, and finishes in the background', async () => {
    server.failures.set('Busy Name', 1);
    const { db, lookup } = await setup();
    const r = await lookup.lookUp({ name: 'Busy Name', kind: 'person' }, [], { waitMs: 50 });
    expect(r.lookup.status).toBe('pending');
    const later = await lookup.lookUp({ name: 'Busy Name', kind: 'person' }, []); // joins the same request
    expect(later.card?.summary).toBe('Answered after a 429.');
    expect(await db.cards.count()).toBe(1);
  });

  it('remembers "no article" and an ambiguous name with its candidates', async () => {
    const { db, lookup } = await setup();
    expect((await lookup.lookUp({ name: 'Nobody Atall', kind: 'person' }, [])).lookup).toEqual({ status: 'missing' });
    const amb = await lookup.lookUp({ name: 'Salisbury', kind: 'place' }, []);
    expect(amb.lookup.status).toBe('ambiguous');
    expect((await db.lookups.get(lookupKey('place', 'Salisbury')))?.status).toBe('ambiguous');
    expect(await db.cards.count()).toBe(0);
  });

  it("keeps the reader's choice over any automatic one", async () => {
    const { db, lookup } = await setup();
    const chosen = await lookup.choose({ name: 'Salisbury', kind: 'place' }, 'Salisbury, Maryland');
    expect(chosen.card?.name).toBe('Salisbury, Maryland');
    expect((await lookup.readerChoice({ name: 'Salisbury', kind: 'place' }))?.id).toBe('wp-q90000003');
    // A later automatic look-up (context points at Wiltshire) does not replace the choice.
    await lookup.lookUp({ name: 'Salisbury', kind: 'place' }, ['Wiltshire'], { force: true });
    expect((await db.lookups.get(lookupKey('place', 'Salisbury')))?.chosenByReader).toBe(true);
    expect((await lookup.readerChoice({ name: 'Salisbury', kind: 'place' }))?.id).toBe('wp-q90000003');
  });

  it('refreshes a card after 30 days, but never an edited one', async () => {
    let now = Date.now();
    const { db, lookup } = await setup({ now: () => now });
    const first = (await lookup.lookUp({ name: 'Porton Down', kind: 'place' }, [])).card!;
    await db.cards.update(first.id, { summary: 'old text' });
    now += REFRESH_AFTER_MS / 2;
    await lookup.refresh((await db.cards.get(first.id))!);
    expect((await db.cards.get(first.id))?.summary).toBe('old text');
    now += REFRESH_AFTER_MS;
    await lookup.refresh((await db.cards.get(first.id))!);
    expect((await db.cards.get(first.id))?.summary).toContain('science park');
    expect((await db.cards.get(first.id))?.fetchedAt).toBe(now);
    await updateCard(db, { cardId: first.id, description: 'Mine', summary: 'My words', aliases: [] });
    now += REFRESH_AFTER_MS * 2;
    await lookup.refresh((await db.cards.get(first.id))!);
    await lookup.lookUp({ name: 'Porton Down', kind: 'place' }, [], { force: true });
    expect((await db.cards.get(first.id))?.summary).toBe('My words');
  });

  it('prefetch asks about all names in one batched title query', async () => {
    const { db, lookup } = await setup();
    await saveLookup(db, {
      name: 'Nato',
      kind: 'organization',
      status: 'missing',
      candidates: [],
      chosenByReader: false,
      checkedAt: Date.now(),
    });
    const before = server.seen.length;
    await lookup.prefetch(
      [
        { name: 'Quiet Village', kind: 'place' },
        { name: 'Porton Down', kind: 'place' },
        { name: 'Nato', kind: 'organization' }, // cached: not asked again
      ],
      [],
    );
    const titleQueries = server.seen.slice(before).filter((s) => s.params.has('titles'));
    expect(titleQueries.map((s) => s.params.get('titles'))).toEqual(['Quiet Village|Porton Down']);
    expect((await db.cards.toArray()).map((c) => c.name).sort()).toEqual(['Porton Down', 'Quiet Village']);
  });
});

describe('look-up cache: one answer per kind and name', () => {
  const MARQUESS = 'Robert Cecil, 3rd Marquess of Salisbury';

  it('a name looked up as a place does not answer the same name as a person', async () => {
    const { lookup } = await setup();
    const place = await lookup.lookUp({ name: 'Salisbury', kind: 'place' }, ['Wiltshire', 'Porton Down']);
    expect(place.card?.name).toBe('Salisbury, Wiltshire');
    const person = await lookup.lookUp({ name: 'Salisbury', kind: 'person' }, ['British Empire']);
    expect(person.card?.name).toBe(MARQUESS);
    // Each kind keeps its own answer.
    expect((await lookup.lookUp({ name: 'Salisbury', kind: 'place' }, [])).card?.name).toBe('Salisbury, Wiltshire');
  });

  it('a look-up in flight is shared only with the same kind', async () => {
    const { lookup } = await setup();
    const [place, person] = await Promise.all([
      lookup.lookUp({ name: 'Salisbury', kind: 'place' }, []),
      lookup.lookUp({ name: 'Salisbury', kind: 'person' }, ['British Empire']),
    ]);
    expect(place.lookup.status).toBe('ambiguous');
    expect(person.card?.name).toBe(MARQUESS);
  });

  it('a cached "choose one" is settled by a later page whose names make one article clearly best', async () => {
    const { lookup } = await setup();
    expect((await lookup.lookUp({ name: 'Salisbury', kind: 'place' }, [])).lookup.status).toBe('ambiguous');
    // Names that tell the candidates apart no better: the cached choice stands, nothing is fetched.
    const before = server.seen.length;
    const vague = await lookup.lookUp({ name: 'Salisbury', kind: 'place' }, ['Monday', 'Police']);
    expect(vague.lookup.status).toBe('ambiguous');
    expect(server.seen.length).toBe(before);
    // A page about Wiltshire: its card, from the candidates already known (one summary request).
    const settled = await lookup.lookUp({ name: 'Salisbury', kind: 'place' }, ['Wiltshire', 'Porton Down']);
    expect(settled.card?.name).toBe('Salisbury, Wiltshire');
    expect(settled.lookup.status === 'found' && settled.lookup.candidates.map((c) => c.title)).toContain(
      'Salisbury, Maryland',
    );
    expect(server.seen.slice(before).map((s) => s.path)).toEqual(['/api/rest_v1/page/summary/Salisbury%2C_Wiltshire']);
  });

  it('a "choose one" whose best candidate turns out to be no article is not asked again on each hover', async () => {
    const { db, lookup } = await setup();
    const q = { name: 'Salisbury', kind: 'place' as const };
    expect((await lookup.lookUp(q, [])).lookup.status).toBe('ambiguous');
    // The candidate this page's names pick has since been deleted from Wikipedia.
    await db.lookups.update(lookupKey('place', 'Salisbury'), {
      candidates: (await db.lookups.get(lookupKey('place', 'Salisbury')))!.candidates.map((c) =>
        c.title === 'Salisbury, Wiltshire' ? { ...c, title: 'Salisbury (deleted)' } : c,
      ),
    });
    const before = server.seen.length;
    for (let hover = 0; hover < 3; hover++)
      expect((await lookup.lookUp(q, ['Wiltshire', 'Porton Down'])).lookup.status).toBe('ambiguous');
    expect(server.seen.slice(before).map((s) => s.path)).toEqual(['/api/rest_v1/page/summary/Salisbury_(deleted)']);
  });

  it('a stale answer keeps its card while Wikipedia cannot be reached, and is renewed once it can', async () => {
    let now = Date.now();
    let online = true;
    const { db, lookup } = await setup({ now: () => now, baseUrl: () => (online ? server.baseUrl : OFFLINE) });
    // A redirect and a disambiguation page: neither name is the card's own, only the record leads there.
    const redirect = { name: 'North Atlantic Alliance', kind: 'organization' as const };
    const settled = { name: 'Salisbury', kind: 'place' as const };
    expect((await lookup.lookUp(redirect, [])).card?.name).toBe('NATO');
    expect((await lookup.lookUp(settled, ['Wiltshire'])).card?.name).toBe('Salisbury, Wiltshire');
    now += REFRESH_AFTER_MS + 1000;
    online = false;
    for (const [q, name] of [
      [redirect, 'NATO'],
      [settled, 'Salisbury, Wiltshire'],
    ] as const) {
      const r = await lookup.lookUp(q, ['Wiltshire'], { waitMs: 2000 });
      expect(r.card?.name).toBe(name);
      expect(r.lookup.status).toBe('found');
    }
    online = true;
    expect((await lookup.lookUp(redirect, [])).card?.name).toBe('NATO');
    // Asked again behind the answer: the record is fresh again.
    await expect
      .poll(async () => (await db.lookups.get(lookupKey('organization', 'North Atlantic Alliance')))?.checkedAt)
      .toBe(now);
  });
});

describe('background getCard with look-ups', () => {
  const detector: SpotDetector = {
    setKnownNames: () => undefined,
    spot: (blocks) => {
      const names = ['Salisbury', 'Wiltshire', 'Quiet Village'];
      const entities = names
        .filter((n) => blocks.some((b) => b.includes(n)))
        .map((n) => ({
          key: `place:${n.toLowerCase()}`,
          name: n,
          kind: 'place' as const,
          aliases: [],
          count: n === 'Salisbury' ? 3 : 1,
        }));
      return { entities, spans: [] };
    },
  };
  const tab: Sender = { id: 'test-extension-id', tab: { id: 9, incognito: false } as Sender['tab'] };
  const popup: Sender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
  const value = <T>(r: { ok: true; value: T } | { ok: false; error: string }): T => {
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };

  it('uses the page names from spotBlocks to choose the article, and prefetches the top names', async () => {
    const { db, lookup } = await setup();
    const { handlers } = createHandlers({ db, getDetector: async () => detector, lookup, log: () => undefined });
    const spot = await handlers.spotBlocks(
      { blocks: ['Salisbury in Wiltshire. Quiet Village.'], page: { url: 'https://n.test/a', title: 'a' } },
      tab,
    );
    expect(spot.ok).toBe(true);
    const r = await handlers.getCard({ name: 'Salisbury', kind: 'place', aliases: [] }, tab);
    expect(r.ok && r.value.card?.name).toBe('Salisbury, Wiltshire');
    expect(r.ok && r.value.lookup?.status).toBe('found');
    // The prefetch made Quiet Village's card without a hover.
    await expect.poll(async () => (await db.cards.toArray()).map((c) => c.name)).toContain('Quiet Village');
  });

  it('a private tab gives the popup no look-up and no context; its notes keep no page', async () => {
    const { db, lookup } = await setup();
    const isPrivateTab = async (id: number) => id === 5;
    const { handlers } = createHandlers({
      db,
      getDetector: async () => detector,
      lookup,
      log: () => undefined,
      isPrivateTab,
    });
    const privateTab: Sender = { id: 'test-extension-id', tab: { id: 5, incognito: true } as Sender['tab'] };
    const blocks = ['Salisbury in Wiltshire. Quiet Village.'];
    expect((await handlers.spotBlocks({ blocks, page: { url: 'https://n.test/p', title: 'p' } }, privateTab)).ok).toBe(
      true,
    );
    const before = server.seen.length;
    // The popup over the private tab names it: database only, nothing sent.
    const asked = await handlers.getCard({ name: 'Quiet Village', kind: 'place', aliases: [], tabId: 5 }, popup);
    expect(asked.ok && asked.value.card).toBeNull();
    expect(server.seen.length).toBe(before);
    // The popup over another page: the private page's names do not steer the choice of article.
    const other = await handlers.getCard({ name: 'Salisbury', kind: 'place', aliases: [] }, popup);
    expect(other.ok && other.value.lookup?.status).toBe('ambiguous');
    // A note written in the private tab (its note frame) keeps no address or title.
    const card = value(await handlers.createCard({ name: 'Quiet Village', kind: 'place', aliases: [] }, popup)).card;
    const noteFrame: Sender = { ...privateTab, url: 'chrome-extension://test-extension-id/note-frame.html' };
    const saved = await handlers.saveNote(
      { cardId: card.id, body: 'Heard it here.', page: { url: 'https://n.test/p', title: 'Secret page' } },
      noteFrame,
    );
    expect(saved.ok && saved.value.note.page).toBeUndefined();
  });

  it('a page cannot file its names under another site, nor pick an article it was not offered', async () => {
    const { db, lookup } = await setup();
    const { handlers } = createHandlers({ db, getDetector: async () => detector, lookup, log: () => undefined });
    const content: Sender = { ...tab, url: 'https://evil.test/story' };
    const forged = await handlers.spotBlocks(
      { blocks: ['Quiet Village.'], page: { url: 'https://n.test/a', title: 'a' } },
      content,
    );
    expect(forged).toEqual({ ok: false, error: 'A page can only send its own address.' });
    // Salisbury is ambiguous: the hover card may pick one of the articles offered, no other.
    expect(
      value(await handlers.getCard({ name: 'Salisbury', kind: 'place', aliases: [] }, content)).lookup?.status,
    ).toBe('ambiguous');
    const hijack = await handlers.chooseArticle({ name: 'Salisbury', kind: 'place', title: 'Porton Down' }, content);
    expect(hijack).toEqual({ ok: false, error: '"Porton Down" was not offered for Salisbury.' });
    const picked = await handlers.chooseArticle(
      { name: 'Salisbury', kind: 'place', title: 'Salisbury, Maryland' },
      content,
    );
    expect(picked.ok && picked.value.card?.name).toBe('Salisbury, Maryland');
  });

  it("chooses by the page's names sent with getCard, which a stopped and restarted worker no longer has", async () => {
    const { db, lookup } = await setup();
    // A fresh worker: no spotBlocks since it started, so it remembers no page.
    const { handlers } = createHandlers({ db, getDetector: async () => detector, lookup, log: () => undefined });
    const r = await handlers.getCard(
      { name: 'Salisbury', kind: 'place', aliases: [], context: ['Wiltshire', 'Quiet Village'] },
      tab,
    );
    expect(r.ok && r.value.card?.name).toBe('Salisbury, Wiltshire');
  });

  it('chooseArticle answers like getCard and the choice wins afterwards', async () => {
    const { db, lookup } = await setup();
    const { handlers } = createHandlers({ db, getDetector: async () => detector, lookup, log: () => undefined });
    const r = await handlers.chooseArticle({ name: 'Salisbury', kind: 'place', title: 'Salisbury, Maryland' }, popup);
    expect(r.ok && r.value.card?.name).toBe('Salisbury, Maryland');
    const again = await handlers.getCard({ name: 'Salisbury', kind: 'place', aliases: [] }, tab);
    expect(again.ok && again.value.card?.name).toBe('Salisbury, Maryland');
    const bad = await handlers.chooseArticle({ name: 'Salisbury', kind: 'place', title: 'Nobody Atall' }, popup);
    expect(bad).toEqual({ ok: false, error: 'Wikipedia has no article "Nobody Atall".' });
  });

  it('a deleted Wikipedia card does not come back by itself; an explicit retry fetches it again', async () => {
    const { db, lookup } = await setup();
    const { handlers } = createHandlers({ db, getDetector: async () => detector, lookup, log: () => undefined });
    const ask = { name: 'Yulia Skripal', kind: 'person' as const, aliases: [] };
    const first = await handlers.getCard(ask, tab);
    const id = first.ok ? first.value.card?.id : undefined;
    expect(id).toBe('wp-q90000001');
    expect((await handlers.deleteCard({ cardId: id! }, tab)).ok).toBe(true);
    const before = requestsFor('Yulia Skripal');
    const hover = await handlers.getCard(ask, tab);
    expect(hover).toEqual({ ok: true, value: { card: null, notes: [], seenIn: 0, lookup: { status: 'deleted' } } });
    await lookup.prefetch([{ name: 'Yulia Skripal', kind: 'person' }], []);
    expect(requestsFor('Yulia Skripal')).toBe(before);
    expect(await db.cards.get(id!)).toBeUndefined();
    // "Look up again" sends retry: the card is fetched and remembered again.
    const retried = await handlers.getCard({ ...ask, retry: true }, tab);
    expect(retried.ok && retried.value.card?.id).toBe(id);
    expect(retried.ok && retried.value.lookup?.status).toBe('found');
    expect(requestsFor('Yulia Skripal')).toBeGreaterThan(before);
    expect((await handlers.getCard(ask, tab)).ok).toBe(true);
    expect(await db.cards.get(id!)).toBeDefined();
  });

  it('a deleted card does not come back through another name of the same article', async () => {
    const { db, lookup } = await setup();
    const { handlers } = createHandlers({ db, getDetector: async () => detector, lookup, log: () => undefined });
    const first = await handlers.getCard({ name: 'Nato', kind: 'organization', aliases: [] }, tab);
    const id = first.ok ? first.value.card?.id : undefined;
    expect(id).toBeDefined();
    expect((await handlers.deleteCard({ cardId: id! }, tab)).ok).toBe(true);
    // Another article calls it by another name, which Wikipedia redirects to the same article.
    const other = await handlers.getCard({ name: 'North Atlantic Alliance', kind: 'organization', aliases: [] }, tab);
    expect(other.ok && other.value).toMatchObject({ card: null, lookup: { status: 'deleted' } });
    await lookup.prefetch([{ name: 'North Atlantic Alliance', kind: 'organization' }], []);
    expect(await db.cards.get(id!)).toBeUndefined();
    const again = await handlers.getCard({ name: 'Nato', kind: 'organization', aliases: [] }, tab);
    expect(again.ok && again.value).toMatchObject({ card: null, lookup: { status: 'deleted' } });
    // The reader's own "Look up again" on the other name brings it back.
    const retried = await handlers.getCard(
      { name: 'North Atlantic Alliance', kind: 'organization', aliases: [], retry: true },
      tab,
    );
    expect(retried.ok && retried.value.card?.id).toBe(id);
  });

  it("a look-up that lands on the article of a card the reader has shows that card, with the reader's notes", async () => {
    const { db, lookup } = await setup();
    const { handlers } = createHandlers({ db, getDetector: async () => detector, lookup, log: () => undefined });
    // Shipped cards: Putin's links to his article (no Wikidata id); Nato's has the article's Wikidata id.
    const shipped = (id: string, name: string, kind: 'person' | 'organization', extra: object) => ({
      ...{ id, name, kind, aliases: [], keys: [], description: 'Shipped', summary: 'Shipped text.' },
      ...{ source: 'starter', edited: false, ...extra },
    });
    await installStarterCards(db, [
      shipped('vladimir-putin', 'Vladimir Putin', 'person', {
        aliases: ['Putin'],
        url: 'https://en.wikipedia.org/wiki/Vladimir_Putin',
      }),
      shipped('nato', 'Nato', 'organization', { wikidata: 'Q90000004' }),
    ]);
    expect((await saveNote(db, { cardId: 'vladimir-putin', body: 'My note on Putin' })).ok).toBe(true);
    // One article spells him "Vladimir V. Putin" throughout, which Wikipedia redirects to his article.
    const spelt = value(await handlers.getCard({ name: 'Vladimir V. Putin', kind: 'person', aliases: [] }, tab));
    expect(spelt.card?.id).toBe('vladimir-putin');
    // Any later hover of Putin, from the popup too: the shipped card and its notes, nothing newer over it.
    const later = value(await handlers.getCard({ name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'] }, popup));
    expect(later.card).toMatchObject({ id: 'vladimir-putin', summary: 'Shipped text.' });
    expect(later.notes.map((n) => n.body)).toEqual(['My note on Putin']);
    const nato = value(
      await handlers.getCard({ name: 'North Atlantic Alliance', kind: 'organization', aliases: [] }, tab),
    );
    expect(nato.card?.id).toBe('nato');
    expect((await db.cards.toArray()).map((c) => c.id).sort()).toEqual(['nato', 'vladimir-putin']);
  });

  it('deleting a card directly in the database also leaves a tombstone the service honours', async () => {
    const { db, lookup } = await setup();
    const r = await lookup.lookUp({ name: 'Quiet Village', kind: 'place' }, []);
    await deleteCard(db, r.card!.id);
    expect(await lookup.lookUp({ name: 'Quiet Village', kind: 'place' }, [])).toEqual({
      card: null,
      lookup: { status: 'deleted' },
    });
  });

  it('a shipped card the reader deleted does not come back when its name is next taken for another kind', async () => {
    const { db, lookup } = await setup();
    await installStarterCards(db, [
      {
        ...{ id: 'quiet-village', name: 'Quiet Village', kind: 'place', aliases: [], keys: [] },
        ...{ description: 'Shipped', summary: 'Shipped text.', source: 'starter', edited: false },
      },
    ]);
    await deleteCard(db, 'quiet-village');
    // The detector takes the name for an organisation on another page: still the name the reader deleted.
    const asOrg = { name: 'Quiet Village', kind: 'organization' } as const;
    expect(await lookup.lookUp(asOrg, [])).toEqual({ card: null, lookup: { status: 'deleted' } });
    await lookup.prefetch([asOrg], []);
    expect(await db.cards.count()).toBe(0);
    // The reader's own "Look up again" asks Wikipedia (which, for a village taken for an
    // organisation, offers it to choose rather than deciding).
    const asked = server.seen.length;
    expect((await lookup.lookUp(asOrg, [], { force: true })).lookup.status).toBe('ambiguous');
    expect(server.seen.length).toBeGreaterThan(asked);
  });

  it('a card standing in for an article another card has is marked checked on refresh, not fetched on every hover', async () => {
    let now = Date.now();
    const { db, lookup } = await setup({ now: () => now });
    const looked = (await lookup.lookUp({ name: 'Porton Down', kind: 'place' }, [])).card!;
    // An older database also holds a shipped card for the same article (the one that wins now).
    await db.cards.put({
      ...{ id: 'porton-down', name: 'Porton Down', kind: 'place', aliases: [], keys: ['porton down'] },
      ...{ description: 'Shipped', summary: 'Shipped text.', source: 'starter', edited: false },
      ...{ createdAt: 1, updatedAt: 1, url: looked.url },
    });
    now += REFRESH_AFTER_MS * 2;
    const stale = (await db.cards.get(looked.id))!;
    const before = requestsFor('Porton Down');
    await lookup.refresh(stale);
    expect(requestsFor('Porton Down')).toBe(before + 1);
    expect((await db.cards.get(looked.id))?.fetchedAt).toBe(now);
    await lookup.refresh((await db.cards.get(looked.id))!);
    expect(requestsFor('Porton Down')).toBe(before + 1);
  });
});
