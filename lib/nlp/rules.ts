/**
 * Small span rules applied to the tagger's output before events and resolution.
 */
import type { PieceAnalysis } from './analyze';
import type { TSpan } from './events';
import { F_GEO } from './word-flags';
import type { Gazetteer, PhraseMap } from './gazetteer';
import type { EntityKind } from '../entity';

/** Honorifics and titles that precede a person's name but are not part of it (CoNLL convention). */
const HONORIFIC =
  /^(Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Gen|Col|Capt|Lt|Sgt|Adm|Gov|Sen|Rep|Rev|King|Queen|Prince|Princess|Pope|Cardinal|Sheikh|President|Chancellor|Premier)\.?$/i;
/** A possessive ending or stray punctuation never ends a name ("Nato's" → "Nato"). */
const BAD_END = /^(['’][sS]?|[-,;:(["“”])$/;
const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$/;
const ENDERS = new Set(['.', '!', '?', '"', '“', ':']);
let coveredBuf = new Uint8Array(256);

/**
 * Strips leading honorifics from spans ("Mr Stoltenberg" → "Stoltenberg"), makes a
 * lone name before a geographic noun a place, and adds such names the tagger missed.
 * Returns a new sorted span list.
 */
export function applySpanRules(a: PieceAnalysis, spans: TSpan[], gaz: Gazetteer): TSpan[] {
  const { flags, lower, text, nl, n } = a.info;
  // Reused between calls: allocating a typed array per piece is costly.
  if (coveredBuf.length < n) coveredBuf = new Uint8Array(n * 2);
  const covered = coveredBuf;
  covered.fill(0, 0, n);
  for (const s of spans) {
    while (s.to - s.from > 1 && s.kind !== 'event' && HONORIFIC.test(text[s.from]!)) s.from++;
    while (s.to - s.from > 1 && BAD_END.test(text[s.to - 1]!)) s.to--;
    // Regnal numbers belong to the name: "Elizabeth I", "Charles VI".
    if (s.kind === 'person' && s.to < n && ROMAN.test(text[s.to]!) && !nl[s.to] && !spans.some((x) => x.from === s.to))
      s.to++;
    // A nationality word alone ("Tajik", "Libyans") is not a person.
    if (s.kind === 'person' && s.to - s.from === 1 && gaz.isDemonym(lower[s.from]!)) s.kind = 'misc';
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

/**
 * The reader's card names win: each capitalised match of a known name becomes a span
 * of the card's kind, replacing tagger spans it overlaps. The span keeps its own surface
 * text as its name, so within-article resolution still links "Stoltenberg" to "Jens
 * Stoltenberg"; the background matches entities to cards by name and alias.
 */
export function applyKnown(
  a: PieceAnalysis,
  spans: TSpan[],
  known: PhraseMap<{ name: string; kind: EntityKind }>,
): TSpan[] {
  if (!known.size) return spans;
  const found: TSpan[] = [];
  const { cls, lower } = a.info;
  for (let i = 0; i < a.info.n; i++) {
    const c = cls[i]!;
    if (c !== 1 && c !== 2 && c !== 3) continue; // names start with a capital
    const m = known.longestAt(lower, i);
    if (!m) continue;
    found.push({ from: i, to: i + m.len, kind: m.value.kind });
    i += m.len - 1;
  }
  if (!found.length) return spans;
  const out = found.concat(spans.filter((s) => !found.some((f) => f.from < s.to && s.from < f.to)));
  return out.sort((x, y) => x.from - y.from);
}
