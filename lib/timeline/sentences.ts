/**
 * Cuts a text block into sentences and says what happened at a date in one of them: the clause
 * around the date, its reporting frame and subordinate tail removed ("2014: Moscow annexed
 * Ukraine's Crimea region"), plus the article's entities named in that clause.
 */

/** A sentence of a block: UTF-16 offsets into the block, end exclusive. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREV =
  /\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Jr|Sr|Inc|Corp|Ltd|Co|No|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.K|[A-Z])\.$/;

/**
 * Longest sentence read whole (chars). Each date re-reads its sentence around it, so a page's one
 * endless "sentence" (machine text, a list with no full stop) would cost the square of its length
 * in the worker; it is read in pieces of about this size, cut between words.
 */
export const MAX_SENTENCE_CHARS = 1_000;

/** Splits `block` into sentences (a full stop after "Mr" or "Oct" does not end one). */
export function splitSentences(block: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /[.!?]+["”’)\]]*\s+(?=["“‘(]?[A-Z0-9])/g;
  let start = 0;
  for (const m of block.matchAll(boundary)) {
    const dot = (m.index ?? 0) + 1;
    const stop = (m.index ?? 0) + m[0].trimEnd().length;
    // Only the words just before the full stop can be an abbreviation: a long run of them must not
    // re-read the sentence so far each time.
    if (ABBREV.test(block.slice(Math.max(start, dot - 12), dot))) continue;
    push(start, stop);
    start = (m.index ?? 0) + m[0].length;
  }
  push(start, block.length);
  return out;

  function push(from: number, to: number): void {
    const text = block.slice(from, to);
    let at = from + text.length - text.trimStart().length;
    const end = from + text.trimEnd().length;
    while (end - at > MAX_SENTENCE_CHARS) {
      const space = block.lastIndexOf(' ', at + MAX_SENTENCE_CHARS);
      const cut = space > at ? space : at + MAX_SENTENCE_CHARS;
      out.push({ start: at, end: cut, text: block.slice(at, cut) });
      at = cut;
      while (at < end && /\s/.test(block[at] ?? '')) at++;
    }
    if (end > at) out.push({ start: at, end, text: block.slice(at, end) });
  }
}

// Where a clause ends: punctuation, quotes, and conjunctions that start another clause.
const SEPARATORS =
  /\s*(?:[;:—–()]|,\s*(?:and|but|including|which|who|while|as|although)\b|,|["“”]|\s-\s|\band\s+(?:will|has|had|is|was|would)\b|\bbut\b)\s*/g;
// Tails that say why or how, not what: cut at the first one.
const TAIL =
  /\s+(?:after|because|as|while|although|though|which|who|whom|according to|to\s+(?:end|protect|ensure))\b.*$/;
// Prepositions that tie a date into the clause ("on Monday", "since 2014").
const LEAD_IN = /(?:\b(?:on|in|since|by|during|from|at|until|before|after|as of|late|early|earlier|last|this)\s+)+$/i;
// "he said before a Nato summit" → "a Nato summit"
const REPORTING =
  /^(?:.{0,40}?\b(?:said|says|told\s+\S+|added|warned|spoke)\s+)(?:before|after|ahead of|at|during)\s+/i;
const MAX_WORDS = 14;

/**
 * What happened at the date found at [start, end) of `sentence`: a short phrase, or "" when the
 * sentence says nothing beyond the date (a dateline, "Updated: …").
 */
export function eventPhrase(sentence: string, start: number, end: number): string {
  const after = sentence.slice(end);
  const when = /^\s*,?\s*when\s+([^,;.]+)/.exec(after);
  if (when?.[1]) return tidy(when[1]);
  const before = sentence.slice(0, start);
  if (/\b(?:published|updated|posted)\s*:?\s*$/i.test(before)) return '';
  const cut = before.replace(LEAD_IN, '');
  const text = `${cut}\u0000${after}`;
  const pieces = splitKeep(text);
  const at = pieces.findIndex((p) => p.includes('\u0000'));
  const here = (pieces[at] ?? '').replace('\u0000', ' ');
  const candidates = [here, ...pieces.slice(at + 1), ...pieces.slice(0, Math.max(0, at)).reverse()];
  for (const c of candidates) {
    const t = tidy(c.replace('\u0000', ' '));
    if (t.split(' ').length >= 2) return t;
  }
  return '';
}

function splitKeep(text: string): string[] {
  return text.split(SEPARATORS).filter((p) => p.trim().length > 0);
}

/** Trims a clause to its event: no reporting frame, no subordinate tail, no leading article, ≤ MAX_WORDS (case kept, for entity matching). */
function tidy(clause: string): string {
  let t = clause
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,!?]+$/, '');
  t = t
    .replace(REPORTING, '')
    .replace(TAIL, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .trim();
  const words = t.split(' ');
  if (words.length > MAX_WORDS) t = `${words.slice(0, MAX_WORDS).join(' ')}…`;
  return t;
}

/** An entity the popup knows, by the forms it was seen in. */
export interface NamedEntity {
  key: string;
  name: string;
  kind: string;
  aliases: string[];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The entities named in `text` (by name or alias, whole words, case as written), in order of first
 * mention; a match inside a longer entity's match ("Nato" in "Nato summit") does not count.
 */
export function entitiesIn<E extends NamedEntity>(text: string, entities: E[]): E[] {
  const hits: Array<{ e: E; start: number; end: number }> = [];
  for (const e of entities) {
    for (const form of new Set([e.name, ...e.aliases])) {
      if (form.trim().length < 2) continue;
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(form)}(?![\\p{L}\\p{N}])`, 'gu');
      for (const m of text.matchAll(re)) hits.push({ e, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
  }
  const kept = hits.filter(
    (h) => !hits.some((o) => o.e !== h.e && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
  );
  kept.sort((a, b) => a.start - b.start);
  return [...new Set(kept.map((h) => h.e))];
}
