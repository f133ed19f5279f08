/**
 * Names inside hyphenated modifiers: "Pakistan-based", "Kremlin-backed", "U.S.-led", "New York-born".
 * The tagger reads the whole modifier as one misc word (CoNLL labels it so), which hides the name a
 * reader would look up. The name before the hyphen is marked when something vouches for its kind:
 * the reader's cards, the gazetteer's places, or the article naming it elsewhere.
 */
import type { EntityKind } from '../entity';
import type { PieceAnalysis } from './analyze';
import type { TSpan } from './events';
import { type Gazetteer, type PhraseMap, normTok } from './gazetteer';
import type { Mention } from './resolve';
import type { KnownName } from './spot';

/** Words after the hyphen that make the part before it a modifier: "-based", "-led", "-era". */
const MODIFIER_ENDS = new Set(
  (
    'based born led backed run owned funded controlled held bound made linked allied sponsored educated affiliated ' +
    'aligned era style occupied administered brokered dominated headquartered listed registered flagged built ' +
    'trained raised focused inspired supported organised organized appointed ruled friendly produced oriented ' +
    'centred centered wide area native'
  ).split(' '),
);

/** Capitalised words that start a sentence and are never part of the name after them. */
const LEAD_WORDS = new Set(
  'the a an this that these those its his her their our my your in on at by for from with as and but or'.split(' '),
);

/**
 * The first token of the name ending at token `from` (inclusive of it): the tagger may have left
 * the name's first words out of the modifier ("Mercer" of "Mercer Island-based").
 */
function nameStart(a: PieceAnalysis, from: number): number {
  const { text: words, lower, start, end } = a.info;
  let i = from;
  while (
    i > 0 &&
    end[i - 1]! + 1 === start[i] &&
    /^\p{Lu}\p{Ll}/u.test(words[i - 1]!) &&
    !LEAD_WORDS.has(lower[i - 1]!)
  )
    i--;
  return i;
}

/** The name before a modifier's hyphen, waiting for a kind. */
export interface HyphenPrefix {
  block: number;
  start: number;
  end: number;
  text: string;
  /** The name's normalised tokens (see normTok). */
  lower: string[];
  /** The tagger's kind for the whole modifier, unless misc. */
  tagged?: EntityKind;
}

/** The name before "-based" (or another MODIFIER_ENDS word) ending span `s` of piece `a`, or null. */
export function hyphenPrefix(a: PieceAnalysis, s: TSpan): HyphenPrefix | null {
  if (s.kind === 'event') return null;
  const { text: words, lower, start, end } = a.info;
  const first = nameStart(a, s.from);
  const last = words[s.to - 1]!;
  const hy = last.lastIndexOf('-');
  let toks: string[], stop: number;
  if (hy > 0) {
    // "Pakistan-based", "New York-based": the hyphen is inside the last token.
    if (!MODIFIER_ENDS.has(last.slice(hy + 1))) return null;
    toks = [...lower.slice(first, s.to - 1), normTok(last.slice(0, hy))];
    stop = start[s.to - 1]! + hy;
  } else {
    // "U.S.-led": the dotted name, the hyphen and the word are three tokens, written together.
    const i = s.to - 3;
    if (i < s.from || words[s.to - 2] !== '-' || !MODIFIER_ENDS.has(last)) return null;
    if (end[i] !== start[i + 1] || end[i + 1] !== start[s.to - 1]) return null;
    toks = lower.slice(first, i + 1);
    stop = end[i]!;
  }
  const from = start[first]!;
  const text = a.text.slice(from, stop).replace(/\s+/g, ' ');
  if (!/^\p{Lu}/u.test(text)) return null;
  const found: HyphenPrefix = { block: a.block, start: a.offset + from, end: a.offset + stop, text, lower: toks };
  if (s.kind !== 'misc') found.tagged = s.kind;
  return found;
}

/**
 * The kind of a modifier's name, or null when nothing vouches for one: a reader's card, a place
 * in the gazetteer (a nationality word is no name: "Russian-backed"), the tagger's own kind for
 * the modifier, or the article's other names (`names`, known once the whole article is tagged).
 */
export function prefixKind(
  p: HyphenPrefix,
  known: PhraseMap<KnownName>,
  gazetteer: Gazetteer,
  names?: PhraseMap<KnownName>,
): EntityKind | null {
  const whole = (map: PhraseMap<KnownName>) => {
    const m = map.longestAt(p.lower, 0);
    return m && m.len === p.lower.length ? m.value.kind : null;
  };
  const key = p.lower.join(' ');
  return (
    whole(known) ??
    (gazetteer.isPlace(key) ? 'place' : null) ??
    (gazetteer.isDemonym(key) ? null : (p.tagged ?? (names ? whole(names) : null)))
  );
}

/** The mention of a modifier's name as `kind`. */
export function prefixMention(p: HyphenPrefix, kind: EntityKind): Mention {
  return { block: p.block, start: p.start, end: p.end, kind, text: p.text };
}
