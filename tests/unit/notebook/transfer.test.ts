import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildExport, exportFileName, exportJson, exportMarkdownZip } from '@/lib/notebook/export';
import { MAX_IMPORT_BYTES } from '@/lib/notebook/format';
import { importBackstory, summariseImport } from '@/lib/notebook/import';
import { deleteCard, mergeCards } from '@/lib/db/card-edits';
import { MERGED_KEY_PREFIX } from '@/lib/db/lookups';
import { countMentions, countSeenIn, storeMentions } from '@/lib/db/mentions';
import type { Card, Note } from '@/lib/db/records';
import type { BackstoryDB } from '@/lib/db/schema';
import { card, freshDb } from '../db/helpers';
import { DAY, fillNotebook, mention, note, snapshot, T0 } from './fixtures';

const NOW = new Date(Date.UTC(2024, 4, 1, 12, 30));

describe('export as JSON', () => {
  it("writes a versioned file with the reader's cards, every note and every mention", async () => {
    const db = await freshDb();
    await fillNotebook(db);
    const data = JSON.parse(await exportJson(db, NOW));
    expect(data.format).toBe('backstory');
    expect(data.version).toBe(2);
    expect(data.exportedAt).toBe('2024-05-01T12:30:00.000Z');
    // Kyiv is a plain starter card with no note: not the reader's, not exported.
    expect(data.cards.map((c: { id: string }) => c.id)).toEqual(['jens-stoltenberg', 'nato', 'reader-1']);
    expect(data.notes.map((n: { id: string }) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(data.mentions).toHaveLength(3);
    expect(data.mentions[0]).not.toHaveProperty('id');
    expect(exportFileName('json', NOW)).toBe('backstory-2024-05-01.json');
  });
});

describe('import', () => {
  it('round-trips an export into an empty notebook and reports what it added', async () => {
    const from = await freshDb();
    await fillNotebook(from);
    const text = await exportJson(from, NOW);
    const to = await freshDb();
    const res = await importBackstory(to, new Blob([text], { type: 'application/json' }));
    expect(res).toEqual({
      ok: true,
      report: {
        cards: { added: 3, updated: 0, skipped: 0 },
        notes: { added: 3, updated: 0, skipped: 0 },
        mentions: { added: 3, updated: 0, skipped: 0 },
        leftOut: { cards: 0, notes: 0, mentions: 0 },
      },
    });
    const a = await snapshot(from);
    const b = await snapshot(to);
    expect(b.notes).toEqual(a.notes);
    expect(b.cards).toEqual(a.cards.filter((c) => c.id !== 'kyiv'));
    expect(b.pages).toEqual(a.pages);
    // Exporting the imported notebook gives the same file again.
    expect(JSON.parse(await exportJson(to, NOW))).toEqual(JSON.parse(text));
  });

  it('skips what is already there, updates what the file has newer, keeps what is newer here', async () => {
    const db = await freshDb();
    await fillNotebook(db);
    const data = await buildExport(db, NOW);
    const again = await importBackstory(db, JSON.stringify(data));
    expect(again.ok && again.report.notes).toEqual({ added: 0, updated: 0, skipped: 3 });
    expect(again.ok && again.report.mentions).toEqual({ added: 0, updated: 0, skipped: 3 });

    data.notes[0] = { ...data.notes[0]!, body: 'Edited elsewhere, later', updatedAt: T0 + 10 * DAY };
    data.notes[1] = { ...data.notes[1]!, body: 'Older copy', updatedAt: T0 };
    data.notes.push({
      id: 'n9',
      cardId: 'kyiv',
      cardIds: ['kyiv'],
      tags: [],
      body: 'A note on a card only this notebook has',
      createdAt: T0,
      updatedAt: T0,
    });
    const res = await importBackstory(db, JSON.stringify(data));
    expect(res.ok && res.report.notes).toEqual({ added: 1, updated: 1, skipped: 2 });
    expect((await db.notes.get('n1'))?.body).toBe('Edited elsewhere, later');
    expect((await db.notes.get('n2'))?.body).toBe('Article 5: an attack on one is an attack on all.');
    expect((await db.notes.get('n9'))?.cardId).toBe('kyiv');
    expect(res.ok && summariseImport(res.report)).toBe(
      'Import done. Notes: 1 added, 1 updated, 2 unchanged; Cards: 0 added, 0 updated, 3 unchanged; Places you met names: 0 added, 0 updated, 3 unchanged.',
    );
  });

  it('recomputes card keys, so an imported card is found by its names', async () => {
    const db = await freshDb();
    const data = await buildExport(db, NOW);
    data.cards.push({
      id: 'reader-x',
      name: 'Kaja Kallas',
      kind: 'person',
      aliases: ['Ms Kallas'],
      keys: ['wrong'],
      description: '',
      summary: '',
      source: 'reader',
      edited: true,
      createdAt: T0,
      updatedAt: T0,
    });
    expect((await importBackstory(db, JSON.stringify(data))).ok).toBe(true);
    expect((await db.cards.get('reader-x'))?.keys).toEqual(['kaja kallas', 'ms kallas']);
  });

  it("brings back the reader's edit of a starter card into a new browser's fresher starter copy", async () => {
    const db = await freshDb();
    const shipped = {
      id: 'nato',
      name: 'Nato',
      kind: 'organization' as const,
      aliases: [],
      keys: ['nato'],
      description: 'Military alliance',
      summary: 'Shipped summary.',
      source: 'starter' as const,
      edited: false,
      createdAt: T0,
      updatedAt: T0 + 30 * DAY, // installed after the export was made
    };
    await db.cards.add(shipped);
    const data = await buildExport(db, NOW);
    data.cards = [{ ...shipped, summary: 'My own summary.', edited: true, updatedAt: T0 + DAY }];
    const r = await importBackstory(db, JSON.stringify(data));
    expect(r.ok).toBe(true);
    expect(await db.cards.get('nato')).toMatchObject({ summary: 'My own summary.', edited: true });
    // Imported again, the edited copy is the same age: skipped, not applied twice.
    const again = await importBackstory(db, JSON.stringify(data));
    expect(again.ok && again.report.cards).toEqual({ added: 0, updated: 0, skipped: 1 });
  });

  it("keeps the reader's edit when the file has a fresher, untouched copy of the card", async () => {
    const db = await freshDb();
    const mine = {
      id: 'nato',
      name: 'Nato',
      kind: 'organization' as const,
      aliases: ['North Atlantic Alliance'],
      keys: ['nato', 'north atlantic alliance'],
      description: 'My own words',
      summary: 'My own summary.',
      source: 'starter' as const,
      edited: true,
      createdAt: T0,
      updatedAt: T0 + DAY,
    };
    await db.cards.add(mine);
    const data = await buildExport(db, NOW);
    // The other browser's starter copy, rewritten by an update after the edit here.
    data.cards = [{ ...mine, aliases: [], summary: 'Shipped summary.', edited: false, updatedAt: T0 + 30 * DAY }];
    const r = await importBackstory(db, JSON.stringify(data));
    expect(r.ok && r.report.cards).toEqual({ added: 0, updated: 0, skipped: 1 });
    expect(await db.cards.get('nato')).toMatchObject({ summary: 'My own summary.', edited: true });
  });
});

describe('import of mentions', () => {
  it('merges flat mentions into the stored page records, one per card per page, first sighting kept', async () => {
    const db = await freshDb();
    await fillNotebook(db);
    const data = await buildExport(db, NOW);
    const page = 'https://www.thenationalnews.com/world/nato';
    data.mentions = [
      // Already there (stored earlier): skipped, the stored sentence stays.
      { ...data.mentions[1]!, sentence: 'Another sentence.', seenAt: T0 + 9 * DAY },
      // A new card on a stored page, twice in the file: added once, the first one kept.
      {
        cardId: 'jens-stoltenberg',
        url: page,
        title: 'Other title',
        site: 'x.test',
        sentence: 'First.',
        seenAt: T0 + 4 * DAY,
      },
      {
        cardId: 'jens-stoltenberg',
        url: page,
        title: 'Other title',
        site: 'x.test',
        sentence: 'Second.',
        seenAt: T0 + 5 * DAY,
      },
      // A new page.
      {
        cardId: 'kyiv',
        url: 'https://apnews.com/k',
        title: 'K',
        site: 'apnews.com',
        sentence: 'Kyiv.',
        seenAt: T0 + 6 * DAY,
      },
    ];
    const res = await importBackstory(db, JSON.stringify(data));
    expect(res.ok && res.report.mentions).toEqual({ added: 2, updated: 0, skipped: 2 });
    expect(await db.pageMentions.get(page)).toMatchObject({
      title: 'Title of https://www.thenationalnews.com/world/nato',
      seenAt: T0 + DAY,
      cardIds: ['nato', 'kyiv', 'jens-stoltenberg'],
      sentences: ['Nato said on Tuesday.', expect.any(String), 'First.'],
      seenAts: [T0 + DAY, T0 + DAY, T0 + 4 * DAY],
    });
    expect(await db.pageMentions.get('https://apnews.com/k')).toEqual({
      url: 'https://apnews.com/k',
      title: 'K',
      site: 'apnews.com',
      seenAt: T0 + 6 * DAY,
      cardIds: ['kyiv'],
      sentences: ['Kyiv.'],
      seenAts: [T0 + 6 * DAY],
    });
    expect(await countMentions(db)).toBe(5);
  });

  it('a failed mentions write rolls back the cards and notes written with it', async () => {
    const db = await freshDb();
    await fillNotebook(db);
    const data = await buildExport(db, NOW);
    await db.transaction('rw', db.cards, db.notes, db.pageMentions, () =>
      Promise.all([db.cards.clear(), db.notes.clear(), db.pageMentions.clear()]),
    );
    const before = await snapshot(db);
    db.pageMentions.bulkPut = (() =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as never;
    const res = await importBackstory(db, JSON.stringify(data));
    expect(!res.ok && res.error).toMatch(/storage for Backstory is full/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('import after the reader deleted or merged cards', () => {
  const NATIONAL = 'https://www.thenationalnews.com/world/nato';
  const AP = 'https://apnews.com/alliance';
  /** A note on one card as an export file holds it. */
  const fileNote = (id: string, cardId: string, body: string) => ({
    ...note(id, cardId, body),
    cardIds: [cardId],
    tags: [],
  });

  /** The notebook fixtures plus "North Atlantic Alliance", a duplicate of Nato with note n9, met on AP. */
  async function withDuplicate(db: BackstoryDB): Promise<void> {
    await fillNotebook(db);
    await db.cards.put(card('nato-dup', 'North Atlantic Alliance', 'organization'));
    await db.notes.put(note('n9', 'nato-dup', 'The alliance, as the Times calls it.'));
    await storeMentions(db, [mention('nato-dup', AP)]);
  }

  it('does not bring back mentions of a card the reader deleted, in counts or on pages', async () => {
    const db = await freshDb();
    await fillNotebook(db); // Kyiv: a starter card met on one page, no notes (so not in the file)
    const backup = await exportJson(db, NOW);
    expect((await deleteCard(db, 'kyiv')).ok).toBe(true);
    const before = await countMentions(db);

    const res = await importBackstory(db, backup);
    expect(res.ok && res.report.leftOut).toEqual({ cards: 0, notes: 0, mentions: 1 });
    expect(await db.cards.get('kyiv')).toBeUndefined();
    expect(await countSeenIn(db, 'kyiv')).toBe(0);
    expect(await countMentions(db)).toBe(before);
    expect((await db.pageMentions.get(NATIONAL))?.cardIds).toEqual(['nato']);
    expect(res.ok && summariseImport(res.report)).toMatch(
      / Left out, as you deleted or merged those cards here: 1 place you met a name\.$/,
    );
  });

  it('keeps a card merged into another merged: its notes and mentions go to the kept card', async () => {
    const db = await freshDb();
    await withDuplicate(db);
    const data = await buildExport(db, NOW); // an earlier backup, with the duplicate
    expect((await mergeCards(db, 'nato', 'nato-dup')).ok).toBe(true);
    // Edited elsewhere after the backup was made: the newer words come in, on the kept card.
    const n9 = data.notes.findIndex((n) => n.id === 'n9');
    data.notes[n9] = { ...data.notes[n9]!, body: 'Edited later.', updatedAt: T0 + 9 * DAY };
    const res = await importBackstory(db, JSON.stringify(data));
    expect(res.ok && res.report.leftOut).toEqual({ cards: 1, notes: 0, mentions: 0 });
    expect(await db.cards.get('nato-dup')).toBeUndefined();
    expect(await db.notes.get('n9')).toMatchObject({ body: 'Edited later.', cardId: 'nato', cardIds: ['nato'] });
    expect((await db.pageMentions.get(AP))?.cardIds).toEqual(['nato']);
    expect(await countSeenIn(db, 'nato-dup')).toBe(0);
  });

  it('follows merges of merges to the card kept last', async () => {
    const db = await freshDb();
    await withDuplicate(db);
    const data = await buildExport(db, NOW);
    await db.cards.put(card('otan', 'OTAN', 'organization'));
    expect((await mergeCards(db, 'nato', 'nato-dup')).ok).toBe(true);
    expect((await mergeCards(db, 'otan', 'nato')).ok).toBe(true);
    data.notes.push(fileNote('n10', 'nato-dup', 'Written elsewhere on the duplicate.'));
    const res = await importBackstory(db, JSON.stringify(data));
    expect(res.ok && res.report.leftOut).toEqual({ cards: 2, notes: 0, mentions: 0 });
    expect(await db.cards.bulkGet(['nato', 'nato-dup'])).toEqual([undefined, undefined]);
    expect((await db.notes.get('n10'))?.cardIds).toEqual(['otan']);
    expect(await countSeenIn(db, 'otan')).toBe(3);
  });

  it('sends notes of a card merged before merges named the kept card to the one card with its name', async () => {
    const db = await freshDb();
    await withDuplicate(db);
    const data = await buildExport(db, NOW);
    expect((await mergeCards(db, 'nato', 'nato-dup')).ok).toBe(true);
    const key = `${MERGED_KEY_PREFIX}nato-dup`;
    const { mergedInto: _, ...older } = (await db.lookups.get(key))!;
    await db.lookups.put(older);
    data.notes.push(fileNote('n10', 'nato-dup', 'Written elsewhere on the duplicate.'));
    const res = await importBackstory(db, JSON.stringify(data));
    expect(res.ok && res.report.leftOut).toEqual({ cards: 1, notes: 0, mentions: 0 });
    expect((await db.notes.get('n10'))?.cardIds).toEqual(['nato']);

    // With two cards of that name, neither is sure: the card counts as deleted.
    await db.cards.put(card('band', 'North Atlantic Alliance', 'organization'));
    data.notes.push(fileNote('n11', 'nato-dup', 'Another.'));
    data.mentions.push(mention('nato-dup', 'https://apnews.com/other'));
    const again = await importBackstory(db, JSON.stringify(data));
    expect(again.ok && again.report.leftOut).toEqual({ cards: 1, notes: 1, mentions: 2 });
    expect(await db.notes.get('n11')).toBeUndefined();
  });

  it('treats notes on a card the reader deleted as deleting it did: quotes stay, other links stay', async () => {
    const db = await freshDb();
    await fillNotebook(db);
    const quote = { exact: 'Kyiv said no', prefix: '', suffix: '' };
    await db.notes.bulkPut([
      note('q', 'kyiv', 'A quote', { quote }),
      note('p', 'kyiv', 'Only about Kyiv'),
      note('m', 'nato', 'About both', { cardIds: ['nato', 'kyiv'] }),
    ]);
    const data = await buildExport(db, NOW); // Kyiv, noted, is in the file
    expect((await deleteCard(db, 'kyiv')).ok).toBe(true);
    for (const [i, n] of data.notes.entries())
      if (n.id === 'q' || n.id === 'm') data.notes[i] = { ...n, body: `${n.body}, edited`, updatedAt: T0 + 9 * DAY };

    const res = await importBackstory(db, JSON.stringify(data));
    expect(res.ok && res.report.leftOut).toEqual({ cards: 1, notes: 1, mentions: 1 });
    expect(await db.cards.get('kyiv')).toBeUndefined();
    expect(await db.notes.get('q')).toMatchObject({ body: 'A quote, edited', quote, cardIds: [], cardId: '' });
    expect(await db.notes.get('m')).toMatchObject({ body: 'About both, edited', cardIds: ['nato'], cardId: 'nato' });
    // Words only about a card the reader deleted need that card: left out, and said so.
    expect(await db.notes.get('p')).toBeUndefined();
    expect(res.ok && summariseImport(res.report)).toMatch(
      / Left out, as you deleted or merged those cards here: 1 card, 1 note, 1 place you met a name\.$/,
    );
  });
});

describe('import refuses a bad file and leaves the database exactly as it was', () => {
  async function refused(source: Blob | string | ((text: string) => string), opts?: { maxBytes?: number }) {
    const db = await freshDb();
    await fillNotebook(db);
    const before = await snapshot(db);
    const text = await exportJson(db, NOW);
    const input = typeof source === 'function' ? source(text) : source;
    const res = await importBackstory(db, input, opts);
    expect(await snapshot(db)).toEqual(before);
    if (res.ok) throw new Error('expected a refusal');
    return res.error;
  }
  const edit = (change: (d: any) => void) => (text: string) => {
    const d = JSON.parse(text);
    change(d);
    return JSON.stringify(d);
  };

  it('not JSON', async () => {
    expect(await refused('{"format": "backstory", ')).toMatch(/^The file is not JSON \(.+\)\.$/);
  });
  it('JSON that is not an object', async () => {
    expect(await refused('[1, 2]')).toMatch(/expected an object at the top level/);
  });
  it('another format', async () => {
    expect(await refused(edit((d) => (d.format = 'pocket')))).toBe(
      'This is not a Backstory export: format is "pocket", expected "backstory".',
    );
  });
  it('another version', async () => {
    expect(await refused(edit((d) => (d.version = 3)))).toBe(
      'This export is version 3; this Backstory reads versions 1 and 2.',
    );
  });
  it('a record of the wrong type, saying which record and field', async () => {
    expect(await refused(edit((d) => (d.notes[2].body = 12)))).toBe(
      'The file was not imported: notes[2].body: Invalid type: Expected string but received 12.',
    );
  });
  it('a missing field', async () => {
    expect(await refused(edit((d) => delete d.cards[1].kind)).then((e) => e)).toMatch(
      /^The file was not imported: cards\[1\]\.kind: /,
    );
  });
  it('an invalid value in a mention', async () => {
    expect(await refused(edit((d) => (d.mentions[1].seenAt = -5)))).toMatch(
      /^The file was not imported: mentions\[1\]\.seenAt: /,
    );
  });
  it('a time no date can hold (the notebook and the Markdown export would fail on it)', async () => {
    expect(await refused(edit((d) => (d.notes[1].createdAt = 1e20)))).toMatch(
      /^The file was not imported: notes\[1\]\.createdAt: /,
    );
    expect(await refused(edit((d) => (d.mentions[0].seenAt = 8.64e15 + 1)))).toMatch(/mentions\[0\]\.seenAt: /);
  });
  it('an empty note body', async () => {
    expect(await refused(edit((d) => (d.notes[0].body = '')))).toMatch(/notes\[0\]\.body: /);
  });
  it('a duplicate id', async () => {
    expect(await refused(edit((d) => (d.notes[2].id = 'n1')))).toBe(
      'The file was not imported: notes[2].id: duplicate id "n1" (also notes[0]).',
    );
  });
  it('a note whose card exists nowhere', async () => {
    expect(await refused(edit((d) => (d.notes[1].cardIds = ['nato', 'ghost'])))).toBe(
      'The file was not imported: notes[1].cardIds[1]: there is no card "ghost" in the file or in this notebook.',
    );
  });
  it('a file over 50 MB, before reading it', async () => {
    const big = new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]);
    expect(await refused(big)).toBe('The file is too large to import (50 MB; the limit is 50 MB).');
    expect(await refused((t) => t, { maxBytes: 100 })).toMatch(/^The file is too large to import/);
  });
  it('a write that fails half-way rolls back the cards already written', async () => {
    const db = await freshDb();
    await fillNotebook(db);
    const data = await buildExport(db, NOW);
    await db.cards.clear();
    await db.notes.clear();
    const before = await snapshot(db);
    // The notes write fails, as a full disk would make it, after the cards were written.
    db.notes.bulkPut = (() =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as never;
    const res = await importBackstory(db, JSON.stringify(data));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error).toMatch(/storage for Backstory is full/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('export as Markdown', () => {
  it('zips one file per entity with notes or reader edits, and one for pages', async () => {
    const db = await freshDb();
    await fillNotebook(db);
    const files = unzipSync(await exportMarkdownZip(db, NOW));
    expect(Object.keys(files).sort()).toEqual([
      'backstory/entities/jens-stoltenberg.md',
      'backstory/entities/maria-zakharova.md',
      'backstory/entities/nato.md',
      'backstory/pages.md',
    ]);
    const nato = strFromU8(files['backstory/entities/nato.md']!);
    expect(nato).toContain('# Nato');
    expect(nato).toContain('Also known as: NATO, North Atlantic Treaty Organization');
    // Newest note first, each with the page it was written on.
    expect(nato.indexOf('Article 5')).toBeLessThan(nato.indexOf('Founded in 1949'));
    expect(nato).toContain('from [Nato at 75](<https://www.bbc.co.uk/news/world-1>)');
    const pages = strFromU8(files['backstory/pages.md']!);
    expect(pages).toMatch(
      /## \[Nato and Russia\]\(<https:\/\/www\.thenationalnews\.com\/world\/nato>\)\n\n\*2024-03-02 00:00\* \(edited 2024-03-03 00:00\) on \*\*Nato\*\*/,
    );
    expect(pages).toContain('## Not written on a page');
    expect(pages.indexOf('Spokeswoman')).toBeGreaterThan(pages.indexOf('## Not written on a page'));
  });

  /** The Markdown file of a reader's card "Acme" with one note on it, each with `over` fields. */
  async function acmeMarkdown(cardOver: Partial<Card>, noteOver: Partial<Note> = {}, body = 'A note.') {
    const db = await freshDb();
    await db.cards.put(card('a', 'Acme', 'organization', [], { source: 'reader', ...cardOver }));
    await db.notes.put(note('n1', 'a', body, noteOver));
    return strFromU8(unzipSync(await exportMarkdownZip(db, NOW))['backstory/entities/acme.md']!);
  }

  /** The lines of `md` that start a Markdown block (a heading, list, quote, rule or code). */
  const blockLines = (md: string) => md.split('\n').filter((l) => /^(\s*[-+>#=]|\s*\d+[.)]|\s{4})/.test(l));

  it("escapes a card's summary: no emphasis, link, heading, list or quote of its own", async () => {
    const md = await acmeMarkdown({
      summary:
        '*Bold* _here_ [click](javascript:alert(1)) AT&amp;T\n- not a list\n> not a quote\n\n# Not a heading\n\n1. Not a list\n\n---',
    });
    expect(md).toContain(
      '\\*Bold\\* \\_here\\_ \\[click\\](javascript:alert(1)) AT\\&amp;T - not a list \\> not a quote\n\n' +
        '\\# Not a heading\n\n1\\. Not a list\n\n\\---\n',
    );
    expect(blockLines(md)).toEqual(['# Acme', '## Notes', '---']);
  });

  it("keeps a card's url inside its link: spaces, brackets, > and a trailing backslash encoded", async () => {
    const md = await acmeMarkdown({ url: 'https://en.wikipedia.org/wiki/Acme_(company) x>y\\' });
    expect(md).toContain('[Read more](<https://en.wikipedia.org/wiki/Acme_(company)%20x%3Ey%5C>)\n');
    const page = await acmeMarkdown({}, { page: { url: 'https://x.test/path\\', title: 'Page' } });
    expect(page).toContain('from [Page](<https://x.test/path%5C>)\n');
  });

  it("escapes a note's quote (the page's words) and tags", async () => {
    const md = await acmeMarkdown(
      {},
      {
        quote: { exact: '- a dash\n[x](javascript:alert(1)) *y*', prefix: '', suffix: '' },
        tags: ['a*b', 'snake_case'],
      },
    );
    expect(md).toContain(' #a\\*b #snake\\_case\n');
    expect(md).toContain('\n> \\- a dash \\[x\\](javascript:alert(1)) \\*y\\*\n');
    expect(blockLines(md)).toEqual(['# Acme', '## Notes', '---', '> \\- a dash \\[x\\](javascript:alert(1)) \\*y\\*']);
  });

  it("exports the note body as the reader wrote it: it is the reader's own Markdown", async () => {
    const md = await acmeMarkdown({}, {}, 'My **own** [link](https://a.test/)\n\n- a list of mine');
    expect(md).toContain('\nMy **own** [link](https://a.test/)\n\n- a list of mine\n');
  });

  it('still exports a stored note whose time no date can hold, marked "unknown date"', async () => {
    const db = await freshDb();
    await fillNotebook(db);
    // Written before import checked times: the rest of the export must not be lost over it.
    await db.notes.update('n3', { createdAt: 1e20, updatedAt: 1e20 });
    const files = unzipSync(await exportMarkdownZip(db, NOW));
    expect(strFromU8(files['backstory/entities/maria-zakharova.md']!)).toContain('*unknown date*');
  });

  it('exports such a note in the JSON backup with a time a date can hold, so the backup imports again', async () => {
    const db = await freshDb();
    await fillNotebook(db);
    await db.notes.update('n3', { createdAt: 1e20, updatedAt: 1e20 });
    const file = JSON.parse(await exportJson(db, NOW));
    expect(file.notes.find((n: { id: string }) => n.id === 'n3')).toMatchObject({
      createdAt: 8.64e15,
      updatedAt: 8.64e15,
    });
    const other = await freshDb();
    const result = await importBackstory(other, JSON.stringify(file));
    expect(result.ok).toBe(true);
    expect((await other.notes.get('n3'))?.body).toBe((await db.notes.get('n3'))?.body);
  });
});
