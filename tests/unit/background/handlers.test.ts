import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { nameKey, type ArticleEntity, type BlockSpan, type EntityKind, type SpotResult } from '@/lib/entity';
import { keysFor } from '@/lib/db/card-keys';
import { BackstoryDB } from '@/lib/db/schema';
import type { Card } from '@/lib/db/records';
import { countMentions } from '@/lib/db/mentions';
import { mentionsOf } from '@/lib/db/page-mentions';
import type { KnownName } from '@/lib/db/cards';
import type { Sender } from '@/lib/messaging/serve';
import { createHandlers, type SpotDetector } from '@/entrypoints/background/handlers';
import { lazyOnce } from '@/entrypoints/background/lazy-once';

/**
 * A tiny detector: finds the known names (and their aliases) plus a fixed list of extra
 * names literally in the blocks, one entity per name.
 */
class FakeDetector implements SpotDetector {
  known: KnownName[] = [];
  setKnownNamesCalls = 0;
  constructor(private extra: { name: string; kind: EntityKind }[] = []) {}
  setKnownNames(names: KnownName[]): void {
    this.known = names;
    this.setKnownNamesCalls++;
  }
  spot(blocks: string[]): SpotResult {
    const entities: ArticleEntity[] = [];
    const spans: BlockSpan[] = [];
    const taken = (block: number, start: number, end: number) =>
      spans.some((s) => s.block === block && s.start < end && start < s.end);
    for (const n of [...this.known, ...this.extra.map((e) => ({ ...e, aliases: [] }))]) {
      const key = `${n.kind}:${nameKey(n.name)}`;
      let count = 0;
      const seenForms: string[] = [];
      // Longest form first, so "Stoltenberg" inside "Jens Stoltenberg" is not counted twice.
      for (const form of [n.name, ...n.aliases].sort((a, b) => b.length - a.length)) {
        blocks.forEach((text, block) => {
          for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
            const wholeWord = !/\w/.test(text.charAt(at - 1)) && !/\w/.test(text.charAt(at + form.length));
            if (!wholeWord || taken(block, at, at + form.length)) continue;
            spans.push({ block, start: at, end: at + form.length, entityKey: key });
            count++;
            if (form !== n.name && !seenForms.includes(form)) seenForms.push(form);
          }
        });
      }
      if (count > 0) entities.push({ key, name: n.name, kind: n.kind, aliases: seenForms, count });
    }
    spans.sort((a, b) => a.block - b.block || a.start - b.start);
    return { entities, spans };
  }
}

function starter(id: string, name: string, kind: EntityKind, aliases: string[] = []): Card {
  return {
    id,
    name,
    kind,
    aliases,
    keys: keysFor(name, aliases),
    description: `${name}.`,
    summary: '',
    source: 'starter',
    edited: false,
    createdAt: 1,
    updatedAt: 1,
  };
}

async function setup(
  extra: { name: string; kind: EntityKind }[] = [],
  siteOff?: (url: string) => Promise<boolean>,
  injectArticle?: (sender: Sender) => Promise<void>,
  injectCardUi?: (sender: Sender) => Promise<boolean>,
) {
  const db = new BackstoryDB(`bg-${crypto.randomUUID()}`);
  await db.open();
  await db.cards.bulkAdd([
    starter('nato', 'Nato', 'organization', ['NATO']),
    starter('russia', 'Russia', 'place', ['Russian Federation']),
    starter('jens-stoltenberg', 'Jens Stoltenberg', 'person', ['Stoltenberg']),
  ]);
  const detector = new FakeDetector(extra);
  const load = vi.fn(async () => detector);
  const getDetector = lazyOnce(load);
  const log = vi.fn();
  const { handlers, cardsChanged, cardsRead, mentionsSettled } = createHandlers({
    db,
    getDetector,
    log,
    siteOff,
    injectArticle,
    injectCardUi,
  });
  return { db, detector, load, handlers, cardsChanged, cardsRead, log, mentionsSettled };
}

const tab = (incognito = false): Sender => ({ id: browser.runtime.id, tab: { id: 4, incognito } as Sender['tab'] });
const page = { url: 'https://news.test/nato-russia#comments', title: 'Nato and Russia' };
const blocks = [
  'Nato expelled eight Russian diplomats. Russia closed its mission to Nato on Monday.',
  'Jens Stoltenberg said dialogue was needed. Mr Stoltenberg met Yulia Skripal.',
];

function value<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('spotBlocks', () => {
  it('spots, attaches card ids, records one mention per card with its first sentence', async () => {
    const { db, handlers, mentionsSettled } = await setup([{ name: 'Yulia Skripal', kind: 'person' }]);
    const result = value(await handlers.spotBlocks({ blocks, page }, tab()));
    const byName = Object.fromEntries(result.entities.map((e) => [e.name, e]));
    expect(byName['Nato']).toMatchObject({ cardId: 'nato', count: 2 });
    expect(byName['Russia']?.cardId).toBe('russia');
    expect(byName['Jens Stoltenberg']).toMatchObject({ cardId: 'jens-stoltenberg', count: 2 });
    expect(byName['Yulia Skripal']?.cardId).toBeUndefined();
    expect(result.spans.length).toBe(6);

    // Mentions are written after the reply, so marking never waits for the disk.
    await mentionsSettled();
    const mentions = (await db.pageMentions.toArray()).flatMap(mentionsOf);
    expect(mentions.map((m) => m.cardId).sort()).toEqual(['jens-stoltenberg', 'nato', 'russia']);
    const russia = mentions.find((m) => m.cardId === 'russia');
    expect(russia).toMatchObject({
      url: 'https://news.test/nato-russia',
      site: 'news.test',
      title: 'Nato and Russia',
      sentence: 'Russia closed its mission to Nato on Monday.',
    });

    // Reading the same page again adds nothing; another page counts as a second sighting.
    await handlers.spotBlocks({ blocks, page }, tab());
    await mentionsSettled();
    expect(await countMentions(db)).toBe(3);
    // getCard waits for the pending write: the page just read already counts.
    await handlers.spotBlocks({ blocks: ['Nato met.'], page: { url: 'https://other.test/b', title: 'B' } }, tab());
    expect(value(await handlers.getCard({ name: 'NATO', kind: 'organization', aliases: [] }, tab())).seenIn).toBe(2);
  });

  it('records nothing for an incognito tab', async () => {
    const { db, handlers, mentionsSettled } = await setup();
    const result = value(await handlers.spotBlocks({ blocks, page }, tab(true)));
    expect(result.entities.length).toBe(3);
    await mentionsSettled();
    expect(await countMentions(db)).toBe(0);
  });

  it('loads the detector once and refreshes its known names only when cards change', async () => {
    const { handlers, detector, load, cardsChanged } = await setup();
    await handlers.spotBlocks({ blocks, page }, tab());
    await handlers.spotBlocks({ blocks, page }, tab());
    expect(load).toHaveBeenCalledTimes(1);
    expect(detector.setKnownNamesCalls).toBe(1);
    expect(detector.known.map((k) => k.name).sort()).toEqual(['Jens Stoltenberg', 'Nato', 'Russia']);

    // A card made by the reader is known on the next spot.
    value(await handlers.createCard({ name: 'Yulia Skripal', kind: 'person', aliases: [] }, tab()));
    const again = value(await handlers.spotBlocks({ blocks, page }, tab()));
    expect(detector.setKnownNamesCalls).toBe(2);
    expect(again.entities.find((e) => e.name === 'Yulia Skripal')?.cardId).toMatch(/^reader-/);

    cardsChanged();
    await handlers.spotBlocks({ blocks, page }, tab());
    expect(detector.setKnownNamesCalls).toBe(3);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("reads the cards once for a page's batches that arrive together, and again after a failed read", async () => {
    const { db, handlers, detector } = await setup();
    const read = vi.spyOn(db.cards, 'toArray').mockRejectedValueOnce(new DOMException('gone', 'UnknownError'));
    // The first read fails: every batch waiting on it gets the reason, none keeps it.
    const failed = await Promise.all([1, 2].map(() => handlers.spotBlocks({ blocks, page }, tab())));
    expect(failed.every((r) => !r.ok && r.error.includes('could not load its name detector'))).toBe(true);
    const replies = await Promise.all([1, 2, 3, 4, 5].map(() => handlers.spotBlocks({ blocks, page }, tab())));
    expect(replies.every((r) => r.ok && r.value.entities.length === 3)).toBe(true);
    expect(read).toHaveBeenCalledTimes(2);
    expect(detector.setKnownNamesCalls).toBe(1);
  });

  it('a slow read of the cards does not put back names older than a later read', async () => {
    const { db, handlers, detector, cardsChanged } = await setup();
    const before = await db.cards.toArray();
    let release: (cards: Card[]) => void = () => {};
    const read = vi.spyOn(db.cards, 'toArray');
    read.mockImplementationOnce((() => new Promise<Card[]>((r) => (release = r))) as never);
    const slow = handlers.spotBlocks({ blocks, page }, tab());
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(1));
    // The reader makes a card meanwhile: the next request reads the cards again, and finishes first.
    value(await handlers.createCard({ name: 'Yulia Skripal', kind: 'person', aliases: [] }, tab()));
    cardsChanged();
    value(await handlers.spotBlocks({ blocks, page }, tab()));
    release(before);
    value(await slow);
    expect(detector.known.map((k) => k.name)).toContain('Yulia Skripal');
    const again = value(await handlers.spotBlocks({ blocks, page }, tab()));
    expect(again.entities.find((e) => e.name === 'Yulia Skripal')?.cardId).toMatch(/^reader-/);
  });

  it('pageStarting loads the detector and its names before the first spot, and warms it up once', async () => {
    const { db, handlers, detector, load } = await setup();
    await db.cards.update('nato', { summary: 'Nato is a military alliance of European and North American states.' });
    const spot = vi.spyOn(detector, 'spot');
    expect(await handlers.pageStarting({}, tab())).toEqual({ ok: true, value: { ready: true } });
    expect(load).toHaveBeenCalledTimes(1);
    expect(detector.known.map((k) => k.name).sort()).toEqual(['Jens Stoltenberg', 'Nato', 'Russia']);
    await vi.waitFor(() => expect(spot).toHaveBeenCalledWith([expect.stringContaining('military alliance')]));
    await handlers.pageStarting({}, tab());
    await new Promise((r) => setTimeout(r, 20));
    expect(spot).toHaveBeenCalledTimes(1);
    spot.mockClear();
    const read = vi.spyOn(db.cards, 'toArray');
    value(await handlers.spotBlocks({ blocks, page }, tab()));
    expect(read).not.toHaveBeenCalled();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('pageStarting from a site the reader turned Backstory off on injects and loads nothing', async () => {
    const siteOff = vi.fn(async (url: string) => new URL(url).hostname === 'off.test');
    const inject = vi.fn(async (_sender: Sender) => {});
    const { handlers, load } = await setup([], siteOff, inject);
    const from = (url: string): Sender => ({ ...tab(), url });
    expect(await handlers.pageStarting({}, from('https://off.test/story'))).toEqual({
      ok: true,
      value: { ready: false },
    });
    expect(load).not.toHaveBeenCalled();
    expect(inject).not.toHaveBeenCalled();
    expect(await handlers.pageStarting({}, from('https://news.test/story'))).toEqual({
      ok: true,
      value: { ready: true },
    });
    expect(load).toHaveBeenCalledTimes(1);
    expect(siteOff).toHaveBeenCalledWith('https://news.test/story');
    expect(inject).toHaveBeenCalledWith(from('https://news.test/story'));
  });

  it('pageStarting injects the article script before the detector has loaded, and survives a failed injection', async () => {
    let loaded = false;
    const inject = vi.fn(async (_sender: Sender) => {
      // The article script reads the page while the detector loads: it is not kept waiting.
      expect(loaded).toBe(false);
      throw new Error('No tab with id: 4.');
    });
    const { handlers, load, log } = await setup([], undefined, inject);
    load.mockImplementation(async () => {
      await new Promise((r) => setTimeout(r, 10));
      loaded = true;
      return new FakeDetector([]);
    });
    expect(await handlers.pageStarting({}, tab())).toEqual({ ok: true, value: { ready: true } });
    expect(inject).toHaveBeenCalledTimes(1);
    expect(inject.mock.results[0]?.type).toBe('return');
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('No tab with id: 4.')));
  });

  it("loadCardUi injects the card's UI into the sender's page, and says why when it cannot", async () => {
    const inject = vi.fn(async (sender: Sender) => sender.tab !== undefined);
    const { handlers } = await setup([], undefined, undefined, inject);
    expect(await handlers.loadCardUi({}, tab())).toEqual({ ok: true, value: { injected: true } });
    expect(inject).toHaveBeenCalledWith(tab());
    expect(await handlers.loadCardUi({}, { id: browser.runtime.id })).toEqual({
      ok: false,
      error: 'The hover card is only shown on pages.',
    });
    inject.mockRejectedValueOnce(new Error('Frame with ID 0 was removed.'));
    expect(await handlers.loadCardUi({}, tab())).toEqual({
      ok: false,
      error: 'The hover card could not be loaded: Frame with ID 0 was removed.',
    });
  });

  it("a watch's reading of the cards in use changes nothing; another id or alias is a change", async () => {
    const { db, handlers, detector, cardsRead } = await setup();
    value(await handlers.spotBlocks({ blocks, page }, tab()));
    cardsRead(await db.cards.toArray());
    value(await handlers.spotBlocks({ blocks, page }, tab()));
    expect(detector.setKnownNamesCalls).toBe(1);

    await db.cards.update('nato', { aliases: ['NATO', 'the Alliance'] });
    cardsRead(await db.cards.toArray());
    value(await handlers.spotBlocks({ blocks, page }, tab()));
    expect(detector.setKnownNamesCalls).toBe(2);
    expect(detector.known.find((k) => k.name === 'Nato')?.aliases).toEqual(['NATO', 'the Alliance']);

    // Same names under another id (a card deleted and made again): the index must point at the new one.
    const nato = await db.cards.get('nato');
    await db.transaction('rw', db.cards, async () => {
      await db.cards.delete('nato');
      if (nato) await db.cards.add({ ...nato, id: 'nato-2' });
    });
    cardsRead(await db.cards.toArray());
    const again = value(await handlers.spotBlocks({ blocks, page }, tab()));
    expect(again.entities.find((e) => e.name === 'Nato')?.cardId).toBe('nato-2');
  });

  it('reports a detector that cannot load, and retries on the next message', async () => {
    const db = new BackstoryDB(`bg-${crypto.randomUUID()}`);
    const load = vi
      .fn()
      .mockRejectedValueOnce(new Error('model file tagger.bin is missing (HTTP 404)'))
      .mockResolvedValue(new FakeDetector());
    const { handlers } = createHandlers({ db, getDetector: lazyOnce(load) });
    expect(await handlers.spotBlocks({ blocks, page }, tab())).toEqual({
      ok: false,
      error: 'Backstory could not load its name detector: model file tagger.bin is missing (HTTP 404)',
    });
    expect((await handlers.spotBlocks({ blocks, page }, tab())).ok).toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('still returns the marks when mentions cannot be written', async () => {
    const { db, handlers, log, mentionsSettled } = await setup();
    vi.spyOn(db.pageMentions, 'bulkPut').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const result = await handlers.spotBlocks({ blocks, page }, tab());
    expect(result.ok && result.value.entities.length).toBe(3);
    await mentionsSettled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('mentions not recorded'));
  });
});

describe('cards and notes', () => {
  it("getPageCards gives a page's cards by id with this page counted in seenIn, no notes, unknown ids left out", async () => {
    const { handlers } = await setup();
    value(await handlers.saveNote({ cardId: 'nato', body: 'Founded 1949', page }, tab()));
    const spotted = value(await handlers.spotBlocks({ blocks, page }, tab()));
    const ids = spotted.entities.flatMap((e) => (e.cardId ? [e.cardId] : []));
    expect(ids.sort()).toEqual(['jens-stoltenberg', 'nato', 'russia']);
    const got = value(await handlers.getPageCards({ cardIds: [...ids, 'no-such-card', 'nato'] }, tab()));
    expect(got.cards.map((c) => c.card.id).sort()).toEqual(['jens-stoltenberg', 'nato', 'russia']);
    // The mentions of the page just spotted are written first, as for getCard.
    expect(got.cards.every((c) => c.seenIn === 1)).toBe(true);
    expect(JSON.stringify(got)).not.toContain('Founded 1949');
  });

  it('getCard returns the card, its notes and seenIn; null for an unknown name', async () => {
    const { handlers } = await setup();
    expect(value(await handlers.getCard({ name: 'Warsaw Pact', kind: 'organization', aliases: [] }, tab()))).toEqual({
      card: null,
      notes: [],
      seenIn: 0,
    });
    const saved = value(await handlers.saveNote({ cardId: 'nato', body: 'Founded 1949', page }, tab()));
    // The site is derived from the URL, so the notebook can filter by it.
    expect(saved.note.page).toEqual({ ...page, site: new URL(page.url).hostname });
    // The note frame (an extension page inside the tab) gets the notes.
    const frame: Sender = { ...tab(), url: browser.runtime.getURL('/note-frame.html'), frameId: 2 };
    const got = value(await handlers.getCard({ name: "Nato's", kind: 'organization', aliases: [] }, frame));
    expect(got.card?.id).toBe('nato');
    expect(got.notes.map((n) => n.body)).toEqual(['Founded 1949']);
    expect(got.seenIn).toBe(0);
    // The content script gets the card but never the note text.
    const inPage = value(await handlers.getCard({ name: 'Nato', kind: 'organization', aliases: [] }, tab()));
    expect(inPage.card?.id).toBe('nato');
    expect(inPage.notes).toEqual([]);
  });

  it('createCard, saveNote (create, edit, reject) and deleteNote', async () => {
    const { db, handlers } = await setup();
    const { card } = value(
      await handlers.createCard({ name: 'Yulia Skripal', kind: 'person', aliases: ['Ms Skripal'] }, tab()),
    );
    expect(card).toMatchObject({ source: 'reader', edited: true });
    const { note } = value(await handlers.saveNote({ cardId: card.id, body: 'Daughter of Sergei' }, tab()));
    value(await handlers.saveNote({ cardId: card.id, noteId: note.id, body: 'Daughter of Sergei Skripal' }, tab()));
    expect(await handlers.saveNote({ cardId: card.id, noteId: note.id, body: '   ' }, tab())).toEqual({
      ok: false,
      error: 'A note cannot be empty.',
    });
    expect((await db.notes.get(note.id))?.body).toBe('Daughter of Sergei Skripal');
    // An editor (the hover card's note frame) opened on the first version does not overwrite the second.
    const stale = { cardId: card.id, noteId: note.id, body: 'Daughter', baseUpdatedAt: note.updatedAt };
    expect(await handlers.saveNote(stale, tab())).toEqual({
      ok: false,
      error: expect.stringContaining('changed elsewhere meanwhile'),
    });
    expect((await db.notes.get(note.id))?.body).toBe('Daughter of Sergei Skripal');
    const kept = (await db.notes.get(note.id))!;
    expect(value(await handlers.deleteNote({ noteId: note.id }, tab()))).toEqual({ deleted: true });
    expect(await db.notes.count()).toBe(0);
    // "Undo": the note comes back as it was, id and dates included; once back, again is a no-op.
    const restore = { note: { ...kept, cardIds: kept.cardIds ?? [], tags: kept.tags ?? [] } };
    expect(value(await handlers.restoreNote(restore, tab()))).toEqual({ restored: true });
    expect(await db.notes.get(note.id)).toEqual(kept);
    expect(value(await handlers.restoreNote(restore, tab()))).toEqual({ restored: false });
  });
});
