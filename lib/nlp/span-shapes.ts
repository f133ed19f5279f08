/**
 * Span rules about the words at a name's edges, which the tagger takes into a name or leaves out of
 * it: a sentence's opening preposition ("From Kodiak"), a doctor's letters after the name ("Katie
 * Allen, MD") and a body named for the people it serves ("Murdoch Children's Research Institute").
 */
import type { PieceAnalysis } from './analyze';
import type { TSpan } from './events';
import type { Gazetteer } from './gazetteer';

/**
 * Prepositions that open a sentence and are never a name's first word. Not "In", "On", "Under",
 * "Inside", "Near" or "Beyond": they start names ("Inside Passage", "Under Armour", "Near East",
 * "Beyond Meat").
 */
const LEAD_PREPOSITION = /^(From|To|At|For|With|By|Into|Across|Toward|Towards|Through|During|Since|Until|Despite)$/;
/** Prepositions of movement: the name after one is a place ("From Kodiak, the boat sailed"). */
const MOTION_PREPOSITION = /^(From|To|Into|Across|Toward|Towards|Through)$/;
/** Letters after a name that say what its bearer is qualified as ("Katie Allen, MD"), not a name. */
const CREDENTIAL = /^(MD|M\.D\.|PhD|Ph\.D\.|DO|RN|NP|PA-C|MPH|MBA|JD|DDS|DMD|DVM|PharmD|FAAP|FACP|FRCP|Esq\.?)$/;
/** People a body is named for, in the possessive: "Children's Hospital", "Veterans' Affairs". */
const SERVED = /^(children|women|men|people|veterans|workers|citizens|farmers|teachers|nurses|soldiers|sailors)$/;
const POSSESSIVE = /^['’][sS]?$/;
/** Kin words before a first name in apposition ("his first wife, Sally, was"): a person. */
const KIN = /^(wife|husband|son|daughter|mother|father|brother|sister|widow|widower|partner|fiancée?)$/;
/** What a person is, written before the name in lower case: "the prophet Muhammad", "the singer Adele". */
const ROLE =
  /^(prophet|rapper|singer|songwriter|actor|actress|comedian|journalist|reporter|columnist|activist|author|novelist|poet|playwright|painter|sculptor|photographer|filmmaker|cleric|imam|rabbi|pastor|priest|economist|historian|scientist|footballer|striker|quarterback|pitcher|boxer|golfer|dancer|designer|chef|billionaire|businessman|businesswoman|philanthropist|lawmaker|dissident|blogger|influencer)$/;
/** Awards, and the nouns after one that show the award is meant ("Oscar dress"), not a person. */
const AWARD = /^(Oscar|Oscars|Emmy|Emmys|Grammy|Grammys|Tony|Tonys)$/;
const AWARD_NOUN =
  /^(dress|gown|nomination|nominations|nominee|nominees|winner|winners|win|wins|ceremony|night|race|campaign|statuette|speech|voters|season|party)$/;
/** A party's name written with its letters ("Zanu-PF", "MDC-T"): never a person's. */
const LETTERED_BODY = /^(\p{Lu}\p{Ll}+-\p{Lu}{1,4}|\p{Lu}{2,}-\p{Lu}\p{Ll}+)$/u;

/** Tokens after which a capital letter may only mean a new sentence (or a quotation, or a list). */
export const ENDERS = new Set(['.', '!', '?', '"', '“', ':']);

/** True when token `i` starts a sentence (or a line). */
function opensSentence(a: PieceAnalysis, i: number): boolean {
  const { text, nl } = a.info;
  return i === 0 || nl[i] === 1 || ENDERS.has(text[i - 1]!);
}

/** Where a span's possessive is ("Sam" + "'s", or "Children's" with the tagger taking it in). */
function possessiveAt(text: string[], s: TSpan): number {
  return POSSESSIVE.test(text[s.to - 1]!) ? s.to - 1 : s.to;
}

/**
 * Takes a sentence's opening preposition out of a person's or place's name the tagger read it into
 * ("From Kodiak" → "Kodiak"); after a preposition of movement, a known place's name is a place.
 * Changes `s` in place.
 */
export function dropLeadPreposition(a: PieceAnalysis, s: TSpan, gaz: Gazetteer): void {
  const { text, lower } = a.info;
  if ((s.kind !== 'person' && s.kind !== 'place') || s.to - s.from < 2) return;
  if (!LEAD_PREPOSITION.test(text[s.from]!) || !opensSentence(a, s.from)) return;
  const motion = MOTION_PREPOSITION.test(text[s.from]!);
  s.from++;
  if (motion && s.to - s.from === 1 && gaz.isPlace(lower[s.from]!)) s.kind = 'place';
}

/**
 * The kind a name's surroundings give it: a person after what a person is ("the singer Adele"); for
 * one word, a person after a kin word ("his wife, Sally,"),
 * no name when it is an award before a noun ("her Oscar dress"), an organisation when written like
 * a party ("Zanu-PF"). Changes `s` in place.
 */
export function kindBySurroundings(a: PieceAnalysis, s: TSpan, gaz: Gazetteer): void {
  const { text, lower, n, nl } = a.info;
  if (s.kind === 'event') return;
  // After a lower-case word for what a person is ("the rapper Drake"), a name is a person's.
  if (
    s.kind !== 'person' &&
    s.from > 0 &&
    !nl[s.from] &&
    text[s.from - 1] === lower[s.from - 1] &&
    ROLE.test(lower[s.from - 1]!)
  ) {
    s.kind = 'person';
    return;
  }
  if (s.to - s.from !== 1) return;
  const word = text[s.from]!;
  // Set off by commas ("his son, Jordan,"), the name is the kin's even if a place has it too.
  const apposed = text[s.from - 1] === ',' && text[s.to] === ',';
  const before = text[s.from - 1] === ',' ? s.from - 2 : s.from - 1;
  if (s.kind !== 'person' && before >= 0 && KIN.test(lower[before]!) && (apposed || !gaz.isPlace(lower[s.from]!)))
    s.kind = 'person';
  else if (AWARD.test(word) && s.to < n && AWARD_NOUN.test(text[s.to]!)) s.kind = 'misc';
  else if (s.kind === 'person' && LETTERED_BODY.test(word)) s.kind = 'organization';
}

/** True when span `s` is a credential written after a person's name and a comma ("…Allen, MD"). */
export function isCredential(a: PieceAnalysis, s: TSpan, before: TSpan | undefined): boolean {
  const { text } = a.info;
  return (
    s.to - s.from === 1 &&
    CREDENTIAL.test(text[s.from]!) &&
    text[s.from - 1] === ',' &&
    before?.kind === 'person' &&
    before.to === s.from - 1
  );
}

/**
 * Names written in the possessive before a word that completes them: "Mother's Day" (a holiday, no
 * card to show) and "Sam's Club" (a shop, one organisation, not the person "Sam").
 * Returns `spans` itself when nothing changed.
 */
export function possessiveNames(a: PieceAnalysis, spans: TSpan[]): TSpan[] {
  const { text, nl, n } = a.info;
  let out: TSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const mark = possessiveAt(text, s);
    const word = mark + 1 < n && POSSESSIVE.test(text[mark]!) && !nl[mark] && !nl[mark + 1] ? text[mark + 1] : '';
    if (s.kind === 'event' || mark === s.from || (word !== 'Day' && word !== 'Eve' && word !== 'Club')) {
      out?.push(s);
      continue;
    }
    out ??= spans.slice(0, k);
    if (word === 'Club') {
      out.push({ from: s.from, to: mark + 2, kind: 'organization' });
      if (spans[k + 1]?.from === mark + 1) k++;
    }
  }
  return out ?? spans;
}

/**
 * Joins a body named for the people it serves across its possessive ("Murdoch Children" + "'s" +
 * "Research Institute" → one organisation), where the tagger gave the two halves apart.
 * Returns `spans` itself when nothing was joined.
 */
export function joinServedBodies(a: PieceAnalysis, spans: TSpan[]): TSpan[] {
  const { text, lower, nl } = a.info;
  let out: TSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const next = spans[k + 1];
    const mark = possessiveAt(text, s);
    const joins =
      next !== undefined &&
      s.kind !== 'event' &&
      next.kind === 'organization' &&
      mark > s.from &&
      SERVED.test(lower[mark - 1]!) &&
      POSSESSIVE.test(text[mark] ?? '') &&
      next.from === mark + 1 &&
      !nl[mark] &&
      !nl[next.from];
    if (!joins) {
      out?.push(s);
      continue;
    }
    (out ??= spans.slice(0, k)).push({ from: s.from, to: next.to, kind: 'organization' });
    k++;
  }
  return out ?? spans;
}
