/**
 * Things the tagger took for people: a one-word "person" an article only ever writes after "the",
 * and at least once closing a clause ("loaded up the Polaris, one of four schooners", "The Polaris
 * motored out", "the Polaris makes a series of trips"): a boat, a building, a racehorse. A person
 * is named without "the" somewhere in the article; "the Trump administration" alone never closes a
 * clause with the name.
 */
import type { Mention } from './resolve';

/** "the" (any case) as the last word before a position. */
const THE_BEFORE = /(?:^|[^\p{L}\p{N}])the\s+$/iu;
/** Punctuation that closes a clause, right after the name. */
const CLAUSE_AFTER = /^\s*[.,;:!?)]/;
/** How much text before a mention is enough to see its "the". */
const LOOK_BACK = 8;

/** `word` as a literal inside a regular expression. */
function escaped(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when every occurrence of `word` in `blocks` follows "the", and one closes a clause. */
function onlyAThing(word: string, blocks: readonly string[]): boolean {
  const find = new RegExp(`(?<![\\p{L}\\p{N}])${escaped(word)}(?![\\p{L}\\p{N}])`, 'gu');
  let closes = false;
  for (const b of blocks)
    for (const m of b.matchAll(find)) {
      if (!THE_BEFORE.test(b.slice(Math.max(0, m.index - LOOK_BACK), m.index))) return false;
      if (CLAUSE_AFTER.test(b.slice(m.index + word.length, m.index + word.length + 3))) closes = true;
    }
  return closes;
}

/**
 * Drops the person mentions of one-word names that `blocks` (the article) use only for a thing
 * (see the module comment). Returns `mentions` itself when there are none.
 */
export function dropThings(mentions: Mention[], blocks: readonly string[]): Mention[] {
  const asked = new Map<string, boolean>();
  const thing = (m: Mention): boolean => {
    if (m.kind !== 'person' || m.name || /\s/.test(m.text)) return false;
    let known = asked.get(m.text);
    if (known === undefined) {
      // Most one-word names come without "the" before them: one look at this mention settles it.
      const before = blocks[m.block]?.slice(Math.max(0, m.start - LOOK_BACK), m.start) ?? '';
      known = THE_BEFORE.test(before) && onlyAThing(m.text, blocks);
      asked.set(m.text, known);
    }
    return known;
  };
  return mentions.some(thing) ? mentions.filter((m) => !thing(m)) : mentions;
}
