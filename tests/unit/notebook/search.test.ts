import { describe, expect, it } from 'vitest';
import type { Card } from '@/lib/db/records';
import { matchesFilters, sitesOf, visibleNotes } from '@/lib/notebook/filters';
import MiniSearch from 'minisearch';
import { type NotebookNote, NoteSearch } from '@/lib/notebook/search';
import { card } from '../db/helpers';
import { DAY, note, T0 } from './fixtures';

const cards = new Map<string, Card>([
  ['nato', card('nato', 'Nato', 'organization', ['North Atlantic Treaty Organization'])],
  ['jens', card('jens', 'Jens Stoltenberg', 'person', ['Stoltenberg'])],
]);
const notes: NotebookNote[] = [
  note('a', 'nato', 'Founded in 1949.', {
    page: { url: 'https://www.bbc.co.uk/a', title: 'Alliance at 75' },
    createdAt: T0,
  }),
  note('b', 'jens', 'Former prime minister of Norway.', {
    page: { url: 'https://www.ft.com/b', title: 'Oslo talks' },
    createdAt: T0 + DAY,
  }),
  note('c', 'jens', 'Led the alliance ten years.', {
    quote: { exact: 'a steady hand in Brussels', prefix: 'He was ', suffix: ' for ten years' },
    tags: ['leaders'],
    createdAt: T0 + 2 * DAY,
  }),
];

describe('NoteSearch', () => {
  it('finds notes by body, quote, tags, entity names and page title, as the reader types', async () => {
    const s = new NoteSearch();
    await s.sync(notes, cards);
    expect(s.search('1949')).toEqual(['a']);
    expect(s.search('brussel')).toEqual(['c']); // quote, prefix of a word
    expect(s.search('leaders')).toEqual(['c']); // tag
    expect(s.search('stolt')?.sort()).toEqual(['b', 'c']); // entity alias, prefix
    expect(s.search('st')).toEqual([]); // no prefix search on two letters
    expect(s.search('oslo')).toEqual(['b']); // page title
    expect(s.search('atlantic')).toEqual(['a']); // entity alias
    expect(s.search('norwya')).toEqual([]); // short typo not forgiven...
    expect(s.search('stoltenbrg')?.sort()).toEqual(['b', 'c']); // ...a long one is
    expect(s.search('alliance norway')).toEqual([]); // every word must match
    expect(s.search('   ')).toBeNull();
  });

  it('ranks as one MiniSearch AND query would, typing letter by letter (finished words cached)', async () => {
    const words = 'nato summit brussels kyiv grain deal oslo treaty sanctions stoltenberg'.split(' ');
    const many: NotebookNote[] = Array.from({ length: 300 }, (_, i) => ({
      id: `n${i}`,
      cardId: '',
      cardIds: [],
      body: Array.from({ length: 1 + (i % 7) }, (_, k) => words[(i * 3 + k * k) % words.length]).join(' '),
      tags: [],
      createdAt: i,
      updatedAt: i,
    }));
    const s = new NoteSearch();
    await s.sync(many, new Map());
    const plain = new MiniSearch<{ id: string; body: string }>({ fields: ['body'] });
    plain.addAll(many.map((n) => ({ id: n.id, body: n.body })));
    for (const q of ['summit brussels', 'kyiv grain deal', 'nato oslo treaty', 'sanctions stoltenberg']) {
      for (let i = 3; i <= q.length; i++) {
        const typed = q.slice(0, i);
        if (/ .{0,2}$/.test(typed)) continue; // a just-begun word waits for its third letter
        const expected = plain
          .search(typed, { combineWith: 'AND', prefix: (t, j, ts) => j === ts.length - 1 && t.length >= 3 })
          .map((r) => r.id);
        const got = s.search(typed) ?? [];
        expect(new Set(got), typed).toEqual(new Set(expected));
        // Same scores up to ties: the order of distinct scores agrees.
        const score = new Map(
          plain
            .search(typed, { combineWith: 'AND', prefix: (t, j, ts) => j === ts.length - 1 && t.length >= 3 })
            .map((r) => [r.id, r.score]),
        );
        const scores = got.map((id) => score.get(id) ?? 0);
        expect(scores, typed).toEqual([...scores].sort((x, y) => y - x));
      }
    }
  });

  it('re-indexes only what changed: edits, deletions, renamed cards', async () => {
    const s = new NoteSearch();
    await s.sync(notes, cards);
    expect(s.search('oslo')).toEqual(['b']); // cached, and must be forgotten below
    const edited = notes.map((n) =>
      n.id === 'a' ? { ...n, body: 'Created in Washington.', updatedAt: n.updatedAt + 1 } : n,
    );
    await s.sync(
      edited.filter((n) => n.id !== 'b'),
      cards,
    );
    expect(s.search('1949')).toEqual([]);
    expect(s.search('washington')).toEqual(['a']);
    expect(s.search('oslo')).toEqual([]);
    expect(s.size).toBe(2);
    const renamed = new Map(cards);
    renamed.set('nato', { ...cards.get('nato')!, name: 'Otan', aliases: [] });
    await s.sync(edited, renamed);
    expect(s.search('otan')).toEqual(['a']);
    expect(s.search('oslo')).toEqual(['b']);
  });
});

describe('NoteSearch and accents', () => {
  const erdogan = new Map<string, Card>([['x', card('x', 'Recep Tayyip Erdoğan', 'person')]]);

  it('finds names written with accents when the reader types them without ("jose", "lodz")', async () => {
    const s = new NoteSearch();
    await s.sync(
      [
        note('a', 'x', 'Met José Andrés in Łódź.'),
        note('b', 'x', 'Straße in Tromsø, Æsir, Œuvre, Þór, Đakovo, Kırıkkale.'),
      ],
      erdogan,
    );
    expect(s.search('José')).toEqual(['a']);
    expect(s.search('jose')).toEqual(['a']);
    expect(s.search('LODZ')).toEqual(['a']);
    // Letters that carry their mark inside (no Unicode decomposition) fold as typed on a plain keyboard.
    expect(s.search('strasse tromso aesir oeuvre thor dakovo kirikkale')).toEqual(['b']);
  });

  it('finds a card name while it is being typed without its accent ("erdog")', async () => {
    const s = new NoteSearch();
    await s.sync([note('a', 'x', 'Talks in Ankara.')], erdogan);
    expect(s.search('erdoğ')).toEqual(['a']);
    expect(s.search('erdog')).toEqual(['a']);
    expect(s.search('erdogn')).toEqual(['a']); // a typo in a long word is still forgiven
  });

  it('matches text pasted decomposed (NFD) with the same word typed composed (NFC), and back', async () => {
    const s = new NoteSearch();
    await s.sync(
      [note('a', 'x', 'Zelenskyy met Sa\u0301nchez in Kyiv.'), note('b', 'x', 'Visit to M\u00fcnchen.')],
      erdogan,
    );
    expect(s.search('s\u00e1nchez')).toEqual(['a']);
    expect(s.search('mu\u0308nchen')).toEqual(['b']);
  });
});

describe('filters', () => {
  it('filter by entity, site and date range, combined', () => {
    const day = (t: number) => new Date(t).toLocaleDateString('en-CA'); // YYYY-MM-DD, local
    expect(notes.filter(matchesFilters({ cardId: 'jens' })).map((n) => n.id)).toEqual(['b', 'c']);
    expect(notes.filter(matchesFilters({ site: 'www.ft.com' })).map((n) => n.id)).toEqual(['b']);
    expect(notes.filter(matchesFilters({ from: day(T0 + DAY) })).map((n) => n.id)).toEqual(['b', 'c']);
    expect(notes.filter(matchesFilters({ to: day(T0 + DAY) })).map((n) => n.id)).toEqual(['a', 'b']);
    expect(notes.filter(matchesFilters({ cardId: 'jens', to: day(T0 + DAY) })).map((n) => n.id)).toEqual(['b']);
    expect(notes.filter(matchesFilters({ cardId: 'nato', site: 'www.ft.com' }))).toEqual([]);
    expect(notes.filter(matchesFilters({ from: 'not a date' }))).toHaveLength(3);
  });

  it('lists notes newest first, or in search order, after the filters', () => {
    expect(visibleNotes(notes, null, {}).map((n) => n.id)).toEqual(['c', 'b', 'a']);
    expect(visibleNotes(notes, ['a', 'c', 'b'], { cardId: 'jens' }).map((n) => n.id)).toEqual(['c', 'b']);
    expect(visibleNotes(notes, ['gone', 'a'], {}).map((n) => n.id)).toEqual(['a']);
  });

  it('lists sites by number of notes', () => {
    const more = [...notes, note('d', 'nato', 'x', { page: { url: 'https://www.ft.com/d', title: 'd' } })];
    expect(sitesOf(more)).toEqual([
      { site: 'www.ft.com', count: 2 },
      { site: 'www.bbc.co.uk', count: 1 },
    ]);
  });
});

// Speed is measured by `npm run bench:notes`, not here: this checks the answers at that size.
describe('search over 10,000 notes', () => {
  it('finds every note with a word, and narrows as the reader types the next one', async () => {
    const words = 'alliance summit sanctions treaty minister election border ceasefire pipeline embassy'.split(' ');
    const many: NotebookNote[] = [];
    for (let i = 0; i < 10_000; i++) {
      const w = (k: number) => words[(i * 7 + k * 3) % words.length];
      many.push(
        note(
          `n${i}`,
          i % 2 ? 'nato' : 'jens',
          `Note ${i}: the ${w(1)} and the ${w(2)} after the ${w(3)} in ${1990 + (i % 30)}.`,
          {
            page: { url: `https://site${i % 40}.example/a${i}`, title: `Story ${i} about the ${w(4)}` },
            createdAt: T0 + i * 1000,
          },
        ),
      );
    }
    const s = new NoteSearch();
    await s.sync(many, cards);
    // What the index holds of a note: its body, page title, and its card's names.
    const names = (id: string) => [cards.get(id)?.name, ...(cards.get(id)?.aliases ?? [])].join(' ');
    const text = (n: NotebookNote) => `${n.body} ${n.page?.title ?? ''} ${names(n.cardId)}`.toLowerCase();
    const withSanctions = many.filter((n) => text(n).includes('sanctions'));
    const hits = s.search('sanctions') ?? [];
    expect(new Set(hits)).toEqual(new Set(withSanctions.map((n) => n.id)));
    // The last word is a prefix while it is being typed: "trea" already means "treaty".
    const both = withSanctions.filter((n) => text(n).includes('treaty'));
    const typed = s.search('sanctions trea') ?? [];
    expect(typed.length).toBeGreaterThan(0);
    expect(new Set(typed)).toEqual(new Set(both.map((n) => n.id)));
  });
});
