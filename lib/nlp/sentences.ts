/** Sentence splitting over tokens (see tokenize.ts), by full stops, question marks and line breaks. */
import type { Token } from './tokenize';

/** A sentence as a half-open range of token indices. */
export interface Sentence {
  from: number;
  to: number;
}

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const ENDERS = new Set(['.', '!', '?', '...', '…']);

/** True when a token starts with an upper-case letter, a digit or an opening quote/bracket. */
function startsSentenceLike(t: string): boolean {
  return /^[\p{Lu}\p{N}"'“‘([«]/u.test(t);
}

/**
 * Groups tokens into sentences: a line break always ends one (headlines,
 * CRLF text), as does ". ! ?" (plus closing quotes) before a capitalised word.
 * Abbreviations such as "Mr." or "U.S." never end a sentence on their own.
 */
export function splitSentences(tokens: Token[]): Sentence[] {
  return sentencesOf(
    tokens.map((t) => t.text),
    Int32Array.from(tokens, (t) => t.start),
    Int32Array.from(tokens, (t) => t.end),
    Uint8Array.from(tokens, (t) => (t.nl ? 1 : 0)),
    tokens.length,
  );
}

/** splitSentences over `n` tokens in struct-of-arrays form: texts, offsets, line-break flags. */
export function sentencesOf(text: string[], start: Int32Array, end: Int32Array, nl: Uint8Array, n: number): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (let i = 0; i < n; i++) {
    if (i > from && nl[i]) {
      out.push({ from, to: i });
      from = i;
    }
    const c = text[i]!.charCodeAt(0);
    // Only ". ! ? ... …" end sentences: test the first character before the set.
    if ((c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) || !ENDERS.has(text[i]!)) continue;
    let j = i + 1;
    // A closing quote or bracket hugs the stop ('talked."'); a spaced straight quote opens the next sentence.
    while (j < n && CLOSERS.has(text[j]!) && !nl[j] && start[j] === end[j - 1]) j++;
    if (j < n && !nl[j] && startsSentenceLike(text[j]!)) {
      out.push({ from, to: j });
      from = j;
      i = j - 1;
    }
  }
  if (from < n) out.push({ from, to: n });
  return out;
}
