/**
 * Span rules about the words at a name's edges, which the tagger takes into a name or leaves out of
 * it: a sentence's opening preposition ("From Kodiak"), a doctor's letters after the name ("Katie
 * Allen, MD") and a body named for the people it serves ("Murdoch Children's Research Institute").
 */
import type { PieceAnalysis } from './analyze';
import type { TSpan } from './events';
import { F_GEO } from './word-flags';

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

/** True when token `i` starts a sentence (or a line). */
function opensSentence(a: PieceAnalysis, i: number): boolean {
  const { text, nl } = a.info;
  return i === 0 || nl[i] === 1 || /^[.!?"“:]$/.test(text[i - 1]!);
}

/**
 * Takes a sentence's opening preposition out of a person's or place's name the tagger read it into
 * ("From Kodiak" → "Kodiak"); after a preposition of movement, a known place's name is a place.
 * Changes `s` in place.
 */
export function dropLeadPreposition(a: PieceAnalysis, s: TSpan): void {
  const { text, flags } = a.info;
  if ((s.kind !== 'person' && s.kind !== 'place') || s.to - s.from < 2) return;
  if (!LEAD_PREPOSITION.test(text[s.from]!) || !opensSentence(a, s.from)) return;
  const motion = MOTION_PREPOSITION.test(text[s.from]!);
  s.from++;
  if (motion && s.to - s.from === 1 && (flags[s.from] ?? 0) & F_GEO) s.kind = 'place';
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
    // The tagger may have taken the possessive into the first half ("Murdoch Children's").
    const mark = POSSESSIVE.test(text[s.to - 1]!) ? s.to - 1 : s.to;
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
