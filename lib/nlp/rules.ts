/**
 * Small span rules applied to the tagger's output before events and resolution.
 */
import type { PieceAnalysis } from './analyze';
import type { TSpan } from './events';
import { F_GEO } from './word-flags';
import type { Gazetteer } from './gazetteer';
import {
  ENDERS,
  dropLeadPreposition,
  isCredential,
  joinServedBodies,
  kindBySurroundings,
  possessiveNames,
} from './span-shapes';

/** Honorifics and titles that precede a person's name but are not part of it (CoNLL convention). */
const HONORIFIC =
  /^(Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Gen|Col|Capt|Lt|Sgt|Adm|Gov|Sen|Rep|Rev|King|Queen|Prince|Princess|Pope|Cardinal|Sheikh|President|Chancellor|Premier)\.?$/i;
/** Quantifiers a sentence starts with, never the first word of a person's name ("Many Māori"). */
const QUANTIFIER = /^(Many|Most|Some|Several|Few|Both)$/;
/** A possessive ending or stray punctuation never ends a name ("Nato's" → "Nato"). */
const BAD_END = /^(['’][sS]?|[-,;:(["“”])$/;
const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$/;
/** Punctuation that closes a clause after a name. */
const CLAUSE_END = /^[.,;:!?)]$/;
/** Peoples and faiths: on their own never a person, place or organisation ("Māori", "Muslims"). */
const GROUP_WORDS = new Set(
  (
    'maori māori muslim muslims christians jew jews hindu hindus sikh sikhs buddhist buddhists ' +
    'catholic catholics protestant protestants sunni sunnis shia shiite shiites kurd kurds pashtun pashtuns'
  ).split(' '),
);
/**
 * The last word of a place's name that says what kind of place it is: a "person" ending in one is a
 * place ("Stewart Island", "Whangārei Harbour"). Words that end people's and bands' names (Bay,
 * Lake, Hill, Ocean, Straits) are left out, and organisations keep their kind ("River Island").
 */
const PLACE_HEADS = new Set(
  'island islands isles harbour harbor peninsula strait mountains valley gulf reef archipelago canyon glacier desert river'.split(
    ' ',
  ),
);
/** The last word of a site's name, which the tagger may take for a person or organisation ("Kennedy Airport"). */
const SITE_HEADS = new Set('terminal airport harbor harbour bridge square passage locks canal'.split(' '));
/**
 * The last word of an organisation's name that says what kind of body it is: a "person" or "place"
 * ending in one is an organisation ("Marine Stewardship Council", "Business Insider", "All-England Club").
 */
const ORG_HEADS = new Set(
  (
    'council association committee commission institute institution foundation agency authority party union ' +
    'corporation corp company co inc ltd llc plc group ministry department university college bank court board ' +
    'bureau society federation league club network trust fund alliance coalition organisation organization ' +
    // Newspapers and firms: "Business Insider", "Universal Pictures".
    'news times journal tribune herald gazette magazine chronicle insider media studios records airlines airways ' +
    'motors systems technologies labs holdings industries enterprises ventures entertainment pictures'
  ).split(' '),
);
/** Organisation heads that also end places' names ("West Bank", "Soviet Union", "Newport News", "Earls Court"). */
const STATE_HEADS = new Set(['bank', 'union', 'federation', 'news', 'court']);
/** Organisation heads that are also surnames: a body's only after two words ("Gabrielle Union", "Margaret Court"). */
const SURNAME_HEADS = new Set('union bank court board bureau league club trust herald'.split(' '));
let coveredBuf = new Uint8Array(256);

/**
 * Strips leading honorifics from spans ("Mr Stoltenberg" → "Stoltenberg"), corrects kinds by a
 * name's head word, makes a lone name before a geographic noun a place, and adds such names the
 * tagger missed; the rules about the words at a name's edges are in span-shapes.ts.
 * Returns a new sorted span list.
 */
export function applySpanRules(a: PieceAnalysis, tagged: TSpan[], gaz: Gazetteer): TSpan[] {
  const spans = possessiveNames(a, joinServedBodies(a, joinParticles(a, tagged)));
  const { flags, lower, text, nl, n } = a.info;
  // Reused between calls: allocating a typed array per piece is costly.
  if (coveredBuf.length < n) coveredBuf = new Uint8Array(n * 2);
  const covered = coveredBuf;
  covered.fill(0, 0, n);
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    while (s.to - s.from > 1 && s.kind !== 'event' && HONORIFIC.test(text[s.from]!)) s.from++;
    dropLeadPreposition(a, s, gaz);
    if (isCredential(a, s, spans[k - 1])) s.kind = 'misc';
    kindBySurroundings(a, s, gaz);
    while (s.to - s.from > 1 && BAD_END.test(text[s.to - 1]!)) s.to--;
    // The dot of a web address is not the full stop of an abbreviation: "Snopes.com" -> "Snopes".
    if (s.to - s.from > 1 && text[s.to - 1] === '.' && /\p{L}/u.test(a.text[a.info.end[s.to - 1]!] ?? '')) s.to--;
    if (s.kind === 'person' && s.to - s.from > 1 && QUANTIFIER.test(text[s.from]!)) s.from++;
    // "on the Polaris, which": one word after "the" that closes the clause names a thing (a boat,
    // a building), not a person; "the Trump administration" (a modifier) goes on.
    if (s.kind === 'person' && s.to - s.from === 1 && lower[s.from - 1] === 'the' && !nl[s.from])
      if (s.to >= n || nl[s.to] || CLAUSE_END.test(text[s.to]!)) s.kind = 'misc';
    // Regnal numbers belong to the name: "Elizabeth I", "Charles VI".
    if (s.kind === 'person' && s.to < n && ROMAN.test(text[s.to]!) && !nl[s.to] && !spans.some((x) => x.from === s.to))
      s.to++;
    // A nationality word alone ("Tajik", "Libyans") is not a person; a people or faith is no name at all.
    if (s.to - s.from === 1 && s.kind !== 'event' && GROUP_WORDS.has(lower[s.from]!)) s.kind = 'misc';
    if (s.kind === 'person' && s.to - s.from === 1 && gaz.isDemonym(lower[s.from]!)) s.kind = 'misc';
    if (s.kind !== 'event' && s.to - s.from === 2 && gaz.isDemonym(`${lower[s.from]} ${lower[s.from + 1]}`))
      s.kind = 'misc';
    const head = lower[s.to - 1]!;
    if (s.kind === 'person' && s.to - s.from > 1 && PLACE_HEADS.has(head)) s.kind = 'place';
    // "Project Jonah", "Project Veritas": a campaign or charity, never a person.
    if (s.kind === 'person' && s.to - s.from > 1 && lower[s.from] === 'project') s.kind = 'organization';
    if (s.kind === 'person' && ORG_HEADS.has(head) && s.to - s.from > (SURNAME_HEADS.has(head) ? 2 : 1))
      s.kind = 'organization';
    if ((s.kind === 'person' || s.kind === 'organization') && s.to - s.from > 1 && SITE_HEADS.has(head))
      s.kind = 'place';
    if (s.kind === 'place' && s.to - s.from > 1 && ORG_HEADS.has(head) && !STATE_HEADS.has(head))
      s.kind = 'organization';
    if ((s.kind === 'person' || s.kind === 'misc') && s.to - s.from === 1 && (flags[s.to] ?? 0) & F_GEO)
      s.kind = 'place';
    for (let i = s.from; i < s.to; i++) covered[i] = 1;
  }
  const out = spans.slice();
  for (let i = 1; i + 1 < n; i++) {
    if (covered[i] || !(flags[i + 1]! & F_GEO) || nl[i + 1]) continue;
    // Capitalised, and not capitalised merely because it starts a sentence.
    if (!/^\p{Lu}\p{Ll}+$/u.test(text[i]!) || nl[i] || ENDERS.has(text[i - 1]!)) continue;
    out.push({ from: i, to: i + 1, kind: 'place' });
  }
  return out.length === spans.length ? out : out.sort((x, y) => x.from - y.from);
}

/** Arabic name particles, written in lower case inside a name: "Osama bin Laden", "Omar al-Bashir". */
const LINKING_PARTICLE = /^(bin|ibn|bint)$/;
export const PREFIXED_NAME = /^(al|el|ad|ar|as|ash|at|az)-\p{Lu}/u;

/**
 * One person's name across its lower-case particles: the tagger, which reads a lower-case word as
 * the end of a name, gave "Osama" and "Laden" (or "Omar Hassan" without "al-Bashir") apart.
 */
function joinParticles(a: PieceAnalysis, spans: TSpan[]): TSpan[] {
  const { text, nl, cls, n } = a.info;
  const capital = (i: number) => i >= 0 && i < n && !nl[i] && cls[i]! >= 1 && cls[i]! <= 3;
  const particle = (i: number) => i >= 0 && i < n && !nl[i] && LINKING_PARTICLE.test(text[i]!);
  let out: TSpan[] | null = null;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k]!;
    const at = k;
    let { from, to } = s;
    let person = s.kind === 'person';
    // "Mohammed bin Salman" with only "Salman" tagged: the name starts at the word before "bin".
    const before = spans[k - 1];
    if (person && particle(from - 1) && capital(from - 2) && (!before || before.to <= from - 2)) from -= 2;
    if ((person || s.kind === 'place') && particle(to)) {
      // "bin Laden": the name goes on to the next span, or to the capitalised word the tagger left
      // out. The tagger takes some first names for places ("Osama"); one side must be a person.
      const next = spans[k + 1];
      if (next && next.from === to + 1) {
        if (person || next.kind === 'person') {
          to = next.to;
          person = true;
          k++;
        }
      } else if (person && capital(to + 1)) to += 2;
    }
    const next = spans[k + 1];
    if (person && to < n && !nl[to] && PREFIXED_NAME.test(text[to]!) && (!next || next.from > to)) to++;
    if (to !== s.to || from !== s.from) (out ??= spans.slice(0, at)).push({ ...s, from, to, kind: 'person' });
    else out?.push(s);
  }
  return out ?? spans;
}
