/**
 * The benchmark notebook: 10,000 notes, 2,000 cards and 50,000 mentions from a fixed-seed
 * generator, so every run (in Node on fake-indexeddb and in Chromium on its real IndexedDB)
 * measures the same notebook. No Node or DOM APIs: both runs import this module.
 */
import type { Card, Mention, Note } from '../../lib/db/records';
import { keysFor } from '../../lib/db/card-keys';

export const CARDS = 2_000;
export const NOTES = 10_000;
export const MENTIONS = 50_000;
/** Names met on one page (real articles name 5 to 30). */
export const MENTIONS_PER_PAGE = 7;
/** Issue 5's targets, in milliseconds. */
export const TARGETS = { firstPage: 200, searchP95: 30, exportMs: 3_000, importMs: 3_000 };
/** Typed letter by letter for the per-keystroke search latency. */
export const QUERIES = ['stoltenberg brussels', 'summit nato', 'kyiv grain deal', 'sanctions oil'];

const WORDS =
  'nato russia summit brussels kyiv sanctions oil gas grain deal council treaty minister election border ceasefire talks envoy pipeline inflation budget parliament court ruling strike protest army navy drone missile embassy trade tariff energy climate refugee aid vote coalition reform'.split(
    ' ',
  );
const NAMES =
  'Stoltenberg Zakharova Macron Scholz Erdogan Zelensky Sunak Biden Lavrov Kallas Rutte Duda Orban Meloni Tusk'.split(
    ' ',
  );
const SITES = ['www.bbc.co.uk', 'www.thenationalnews.com', 'www.ft.com', 'apnews.com', 'www.reuters.com'];
const SYLLABLES = 'ka lo mi ne ro sa tu ve wi zo ar el in on us per tan gor bel dri'.split(' ');

/** The generated records. */
export interface BenchData {
  cards: Card[];
  notes: Note[];
  mentions: Mention[];
}

/**
 * Generates the notebook from seed 42. Each call restarts the generator, so repeated runs
 * (and the Node and browser runs) get identical records.
 */
export function makeBenchData(): BenchData {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  // Real notes draw on thousands of words: mix the news words above with a 6,000-word made-up
  // vocabulary, so word frequencies are not all equally high (every word in every other note).
  const vocab = Array.from({ length: 6_000 }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join(''),
  );
  const word = () => (rand() < 0.25 ? pick(WORDS) : pick(vocab));
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');

  const cards: Card[] = Array.from({ length: CARDS }, (_, i) => {
    const name = `${pick(NAMES)} ${pick(WORDS)} ${i}`;
    return {
      id: `card-${i}`,
      name,
      kind: pick(['person', 'organization', 'place', 'event'] as const),
      aliases: [],
      keys: keysFor(name, []),
      description: sentence(6),
      summary: sentence(30),
      source: i % 10 === 0 ? 'reader' : 'starter',
      edited: i % 10 === 0,
      createdAt: 1,
      updatedAt: 1,
    };
  });

  const t0 = Date.UTC(2023, 0, 1);
  const notes: Note[] = Array.from({ length: NOTES }, (_, i) => {
    const cardIds = [
      ...new Set([
        `card-${Math.floor(rand() * CARDS)}`,
        ...(i % 4 === 0 ? [`card-${Math.floor(rand() * CARDS)}`] : []),
      ]),
    ];
    const site = pick(SITES);
    const at = t0 + i * 3_600_000;
    const note: Note = {
      id: `note-${i}`,
      cardId: cardIds[0] ?? '',
      cardIds,
      body: `${sentence(12)}. ${pick(NAMES)} ${sentence(20)}.`,
      tags: i % 3 === 0 ? [pick(WORDS)] : [],
      page: { url: `https://${site}/news/${i}`, title: `${pick(NAMES)} ${sentence(6)}`, site },
      createdAt: at,
      updatedAt: at,
    };
    if (i % 5 === 0) note.quote = { exact: sentence(15), prefix: sentence(4), suffix: sentence(4) };
    return note;
  });

  // Seven names a page, as the extension records them: every card met on one page shares the
  // page's url, title and site (one recordMentions call per page read).
  let title = '';
  const mentions: Mention[] = Array.from({ length: MENTIONS }, (_, i) => {
    const page = Math.floor(i / MENTIONS_PER_PAGE);
    const site = SITES[page % SITES.length] ?? 'www.bbc.co.uk';
    if (i % MENTIONS_PER_PAGE === 0) title = sentence(6);
    return {
      cardId: `card-${i % CARDS}`,
      url: `https://${site}/news/${page}`,
      title,
      site,
      sentence: sentence(18),
      seenAt: t0 + i * 60_000,
    };
  });
  return { cards, notes, mentions };
}
