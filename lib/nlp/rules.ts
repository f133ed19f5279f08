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
const BAD_END = /^(['’][sS]?|[-,;:(\["“”])$/;
const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$/;
const ENDERS = new Set(['.', '!', '?', '"', '“', ':']);

/**
 * Strips leading honorifics from spans ("Mr Stoltenberg" → "Stoltenberg"), makes a
 * lone name before a geographic noun a place, and adds such names the tagger missed.
 * Returns a new sorted span list.
 */
export function applySpanRules(a: PieceAnalysis, spans: TSpan[], gaz: Gazetteer): TSpan[] {
  const { flags, lower } = a.info;
  const toks = a.tokens;
  const covered = new Uint8Array(toks.length);
  for (const s of spans) {
    while (s.to - s.from > 1 && s.kind !== 'event' && HONORIFIC.test(toks[s.from]!.text)) s.from++;
    while (s.to - s.from > 1 && BAD_END.test(toks[s.to - 1]!.text)) s.to--;
    // Regnal numbers belong to the name: "Elizabeth I", "Charles VI".
    if (
      s.kind === 'person' &&
      s.to < toks.length &&
      ROMAN.test(toks[s.to]!.text) &&
      !toks[s.to]!.nl &&
      !spans.some((x) => x.from === s.to)
    )
      s.to++;
    // A nationality word alone ("Tajik", "Libyans") is not a person.
    if (s.kind === 'person' && s.to - s.from === 1 && gaz.isDemonym(lower[s.from]!)) s.kind = 'misc';
    if ((s.kind === 'person' || s.kind === 'misc') && s.to - s.from === 1 && (flags[s.to] ?? 0) & F_GEO)
      s.kind = 'place';
    for (let i = s.from; i < s.to; i++) covered[i] = 1;
  }
  const out = spans.slice();
  for (let i = 1; i + 1 < toks.length; i++) {
    if (covered[i] || !(flags[i + 1]! & F_GEO) || toks[i + 1]!.nl) continue;
    const t = toks[i]!;
    // Capitalised, and not capitalised merely because it starts a sentence.
    if (!/^\p{Lu}\p{Ll}+$/u.test(t.text) || t.nl || ENDERS.has(toks[i - 1]!.text)) continue;
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
  for (let i = 0; i < a.tokens.length; i++) {
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
