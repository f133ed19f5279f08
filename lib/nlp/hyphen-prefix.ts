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
import { casedAlike } from './known-names';
import type { KnownName } from './spot';

/** Modifier words that say where (a place or a body, never a person): "Washington-based", "London-born". */
const WHERE_ENDS = new Set(
  'based born bound made built headquartered listed registered flagged centred centered wide area native'.split(' '),
);
/** Modifier words a person can stand before too: "Trump-era", "Musk-owned", "Kremlin-backed". */
const WHO_ENDS = new Set(
  (
    'led backed run owned funded controlled held linked allied sponsored educated affiliated aligned era style ' +
    'occupied administered brokered dominated trained raised focused inspired supported organised organized ' +
    'appointed ruled friendly produced oriented'
  ).split(' '),
);
/** Words that start a modifier's span but are not its name: "Two Seattle-based", "President Trump-appointed". */
const OPENERS = new Set(
  (
    'two three four five six seven eight nine ten several some many most both few all former ' +
    'president prime minister senator governor mayor chancellor king queen general gen pope'
  ).split(' '),
);
/** How many capitalised words before the tagger's span may still belong to the name ("Mercer Island-based"). */
const MAX_LEAD = 2;

/** Where a modifier's name may start, and what it then is. */
interface NameStart {
  start: number;
  text: string;
  /** The name's normalised tokens (see normTok). */
  lower: string[];
  /** The tagger's kind for the modifier holds for it: it starts at the tagger's span or before. */
  ownKind: boolean;
}

/** The name before a modifier's hyphen, waiting for a kind. */
export interface HyphenPrefix {
  block: number;
  end: number;
  /**
   * Where the name may start, farthest first: the tagger may have left its first words out
   * ("Mercer" of "Mercer Island-based"), or taken a word before it in ("Two Seattle-based").
   * The last is where the tagger's span starts.
   */
  starts: NameStart[];
  /** The tagger's kind for the whole modifier, unless misc. */
  tagged?: EntityKind;
  /** The modifier says where ("-based"): its name is a place or a body, never a person. */
  where: boolean;
}

/** The modifier word after the hyphen, lower-cased, when it is one ("Based" in a headline too). */
function modifierEnd(word: string): string | null {
  const w = word.toLowerCase();
  return WHERE_ENDS.has(w) || WHO_ENDS.has(w) ? w : null;
}

/** The name before "-based" (or another modifier word) ending span `s` of piece `a`, or null. */
export function hyphenPrefix(a: PieceAnalysis, s: TSpan): HyphenPrefix | null {
  if (s.kind === 'event') return null;
  const { text: words, lower, start, end, nl } = a.info;
  const last = words[s.to - 1]!;
  const hy = last.lastIndexOf('-');
  let ending: string | null, lastLower: string[], stop: number;
  if (hy > 0) {
    // "Pakistan-based", "New York-based": the hyphen is inside the last token.
    ending = modifierEnd(last.slice(hy + 1));
    lastLower = [normTok(last.slice(0, hy))];
    stop = start[s.to - 1]! + hy;
  } else {
    // "U.S.-led": the dotted name, the hyphen and the word are three tokens, written together.
    const i = s.to - 3;
    if (i < s.from || words[s.to - 2] !== '-') return null;
    if (end[i] !== start[i + 1] || end[i + 1] !== start[s.to - 1]) return null;
    ending = modifierEnd(last);
    lastLower = [lower[i]!];
    stop = end[i]!;
  }
  if (!ending) return null;
  const lastFull = hy > 0 ? s.to - 1 : s.to - 3;
  const starts: NameStart[] = [];
  const isInitial = (i: number) => i === 0 || nl[i] === 1 || /^[.!?:"“]$/.test(words[i - 1]!);
  /** A word that is no part of a name after it: a sentence's first ("Two"), a title ("President"). */
  const opener = (i: number) => isInitial(i) || OPENERS.has(lower[i]!);
  // Capitalised words just before the span, inside a sentence, belong to the name ("Mercer Island-based").
  let first = s.from;
  while (first > 0 && s.from - first < MAX_LEAD && !nl[first] && end[first - 1]! + 1 === start[first]) {
    if (!/^\p{Lu}\p{Ll}/u.test(words[first - 1]!) || opener(first - 1)) break;
    first--;
  }
  for (let i = first; i <= lastFull; i++) {
    // Past a word only if it is no part of a name: "Two Seattle-based" is "Seattle"; "Mercer Island", whole.
    if (i > first && !opener(i - 1)) break;
    const text = a.text.slice(start[i]!, stop).replace(/\s+/g, ' ');
    if (!/^\p{Lu}/u.test(text)) continue;
    const toks = [...lower.slice(i, lastFull), ...lastLower];
    starts.push({ start: a.offset + start[i]!, text, lower: toks, ownKind: i <= s.from });
  }
  if (!starts.length) return null;
  const found: HyphenPrefix = { block: a.block, end: a.offset + stop, starts, where: WHERE_ENDS.has(ending) };
  if (s.kind !== 'misc') found.tagged = s.kind;
  return found;
}

/**
 * The name of a modifier and its kind, or null when nothing vouches for one: a reader's card (as
 * the card writes it), a place in the gazetteer (a nationality word is no name: "Russian-backed"),
 * the tagger's own kind for the modifier, or the article's other names (`names`, known once the
 * whole article is tagged). The longest name that something vouches for wins; without `names`,
 * only the longest is tried (null: ask again with them).
 */
export function prefixName(
  p: HyphenPrefix,
  known: PhraseMap<KnownName>,
  gazetteer: Gazetteer,
  names?: PhraseMap<KnownName>,
): Mention | null {
  // Until the article's names are known, only the longest name is tried: "New York-based" must
  // not be taken as "York" (a city) before the article's "New York" is seen.
  const tries = names ? p.starts : p.starts.slice(0, 1);
  for (const at of tries) {
    const words = at.text.split(' ');
    const whole = (map: PhraseMap<KnownName>, cased: boolean) => {
      const m = map.longestAt(at.lower, 0);
      if (!m || m.len !== at.lower.length) return null;
      if (cased && !(m.value.forms ?? [m.value.name]).some((f) => casedAlike(f, words, 0, m.len))) return null;
      return m.value.kind;
    };
    const key = at.lower.join(' ');
    if (gazetteer.isDemonym(key)) continue;
    // The tagger's kind holds for its span, not for a name inside it ("Seattle" of "Two Seattle-based").
    const own = at.ownKind ? p.tagged : undefined;
    const kind =
      whole(known, true) ?? (gazetteer.isPlace(key) ? 'place' : null) ?? own ?? (names ? whole(names, false) : null);
    if (kind && !(p.where && kind === 'person'))
      return { block: p.block, start: at.start, end: p.end, kind, text: at.text };
  }
  return null;
}
