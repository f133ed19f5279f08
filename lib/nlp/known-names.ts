/**
 * The reader's cards on the page: where a card's name (or alias) is written, cased as the card
 * writes it, it wins over the tagger's reading.
 */
import type { PieceAnalysis } from './analyze';
import type { TSpan } from './events';
import type { PhraseMap } from './gazetteer';
import type { EntityKind } from '../entity';
import { LANDFORM_AFTER } from './landform-names';
import { PREFIXED_NAME } from './rules';

/**
 * Words that end the name of a company's unit or a person's foundation ("Amazon Web Services",
 * "Obama Foundation"): a body of its own. Not the legal forms (Inc, Group, Company, Holdings...):
 * "Apple Inc." and "Goldman Sachs Group" are the company a card names.
 */
const BODY_HEADS = new Set(
  'services cloud research music games foundation institute studios labs pictures records entertainment'.split(' '),
);
/** True when `word` (lower case) ends the name of a unit or foundation (see BODY_HEADS). */
function isBodyHead(word: string): boolean {
  return BODY_HEADS.has(word);
}

/**
 * True when the page's words at `from` are written as `form` (a card's name or alias) is, as far
 * as case tells names apart: a capitalised word of the form is capitalised on the page, an
 * acronym is in capitals. Matching ignores case otherwise, so without this "an Islamic state" was
 * the Islamic State group and the actress "Isis" the acronym "ISIS".
 */
export function casedAlike(form: string, words: string[], from: number, len: number): boolean {
  const parts = form.split(/\s+/);
  // A form the tokenizer cuts differently ("Yahoo!") is not compared word by word.
  if (parts.length !== len) return true;
  return parts.every((p, k) => {
    const w = words[from + k]!;
    if (p.length > 1 && p === p.toUpperCase() && p !== p.toLowerCase()) return w === w.toUpperCase();
    const c = p[0]!;
    return c === c.toLowerCase() || w[0] !== w[0]!.toLowerCase();
  });
}

/**
 * The reader's card names win: each capitalised match of a known name becomes a span
 * of the card's kind, replacing tagger spans it overlaps. The span keeps its own surface
 * text as its name, so within-article resolution still links "Stoltenberg" to "Jens
 * Stoltenberg"; the background matches entities to cards by name and alias. One-word names in
 * `places` (see landformNames) are left to the tagger.
 */
export function applyKnown(
  a: PieceAnalysis,
  spans: TSpan[],
  known: PhraseMap<{ name: string; kind: EntityKind; forms?: string[] }>,
  places?: ReadonlySet<string>,
): TSpan[] {
  if (!known.size) return spans;
  const found: TSpan[] = [];
  const { cls, lower } = a.info;
  let next = 0; // the first tagger span that may start at i (spans are sorted)
  for (let i = 0; i < a.info.n; i++) {
    const c = cls[i]!;
    // Names start with a capital, or with an Arabic article before one ("al-Qaeda").
    if (c !== 1 && c !== 2 && c !== 3 && !PREFIXED_NAME.test(a.info.text[i]!)) continue;
    const m = known.longestAt(lower, i);
    if (!m || !(m.value.forms ?? [m.value.name]).some((form) => casedAlike(form, a.info.text, i, m.len))) continue;
    if (m.value.kind === 'organization' && LANDFORM_AFTER.has(lower[i + m.len] ?? '')) continue;
    if (m.len === 1 && places?.has(lower[i]!)) continue;
    while (next < spans.length && spans[next]!.from < i) next++;
    // A body named after the card's name is its own ("Amazon Web Services", "Obama Foundation"):
    // the tagger's longer organisation stays when it ends in a body's word. Other longer names the
    // tagger read give way to the card ("AFP Powered" is AFP).
    const longer = spans[next];
    if (
      longer?.from === i &&
      longer.to > i + m.len &&
      longer.kind === 'organization' &&
      isBodyHead(lower[longer.to - 1]!)
    ) {
      i = longer.to - 1; // no card's name inside it takes a part of it either
      continue;
    }
    found.push({ from: i, to: i + m.len, kind: m.value.kind });
    i += m.len - 1;
  }
  if (!found.length) return spans;
  const out = found.concat(spans.filter((s) => !found.some((f) => f.from < s.to && s.from < f.to)));
  return out.sort((x, y) => x.from - y.from);
}
