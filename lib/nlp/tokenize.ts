/**
 * Tokeniser and sentence splitter. Every token keeps UTF-16 offsets into the
 * original string so spans map back onto the page exactly.
 */

/** One token: `text` is the exact slice `source.slice(start, end)`. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** True when a line break separates this token from the previous one. */
  nl: boolean;
}

/** A sentence as a half-open range of token indices. */
export interface Sentence {
  from: number;
  to: number;
}

/**
 * Alternatives, in priority order: dotted acronyms ("U.S.", "J.R.R."),
 * numbers with inner separators ("1,000", "3.5", "1996-08-22"), words with
 * inner hyphens/apostrophes/ampersands ("Nato-Russia", "O'Neill", "AT&T") but
 * never swallowing a possessive 's, possessive 's on its own, runs of dashes
 * or dots, and finally any single code point (astral characters stay whole).
 */
const TOKEN_RE =
  /(?:\p{L}\.){2,}|\p{N}+(?:[.,:/-]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:(?:[-&]|['’](?![sS](?![\p{L}\p{N}])))[\p{L}\p{M}\p{N}]+)*|['’][sS](?![\p{L}\p{N}])|-{2,}|\.{2,}|\S/uy;

/** Words that keep a following full stop: honorifics, titles, company suffixes, months. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen col lt sgt capt cpt maj adm gov sen rep rev st jr sr inc corp co ltd bros mt ft no vs ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec messrs mme mlle gen cmdr cdr brig supt insp det hon pres'
  ).split(' '),
);

/** True for a word token that is a known abbreviation ("Dr", "Gen", "Inc"), case-insensitive. */
export function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** True when only spaces, closing quotes or a full stop lie between `i` and the next line break or the end. */
function atLineEnd(text: string, i: number): boolean {
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9 && c !== 34 && c !== 0x201d && c !== 0x2019 && c !== 39) return false;
  }
  return true;
}

/** JavaScript's \s, as char codes (the tokeniser skips these without a regex). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const isAsciiAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * End of the token at `start` (first char code `c`) for the common ASCII cases, without
 * the regex: a plain letter-initial word ("Nato", "said", "G7") or a lone punctuation mark.
 * Returns -1 whenever TOKEN_RE could match differently (digits, dots, hyphens, apostrophes,
 * ampersands, non-ASCII), so the regex stays the single definition of a token.
 */
function asciiTokenEnd(text: string, start: number, c: number): number {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    let j = start + 1;
    if (text.charCodeAt(j) === 46) return -1; // "J." / "U.S.": dotted forms
    while (j < text.length && isAsciiAlnum(text.charCodeAt(j))) j++;
    if (j === text.length) return j;
    const d = text.charCodeAt(j);
    return d === 45 || d === 38 || d === 39 || d === 0x2019 || d >= 128 ? -1 : j;
  }
  if (c < 128 && !(c >= 48 && c <= 57) && c !== 39 && c !== 45 && c !== 46) return start + 1;
  return -1;
}

/** A word cache that interns token texts (see Lexicon): `idAt` finds or adds `src[start, end)`. */
export interface Interner {
  idAt(src: string, start: number, end: number): number;
  readonly text: string[];
}

/**
 * Splits `text` into tokens with exact UTF-16 offsets (linear time). With an interner,
 * token texts are the interner's shared strings and each token's word id is pushed to `ids`.
 */
export function tokenize(text: string, lex?: Interner, ids?: number[]): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    // Skip white space by hand, noting line breaks; the sticky regex then only measures the token,
    // which avoids allocating a match array per token.
    let nl = false;
    let c = text.charCodeAt(pos);
    while (isSpace(c)) {
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) nl = true;
      if (++pos >= n) return out;
      c = text.charCodeAt(pos);
    }
    const start = pos;
    let end = asciiTokenEnd(text, start, c);
    if (end < 0) {
      TOKEN_RE.lastIndex = start;
      end = TOKEN_RE.test(text) ? TOKEN_RE.lastIndex : start + 1;
    }
    // "Dr." and single initials "J." keep their full stop, like the CoNLL tokens they were trained on,
    // except at the end of a line, where the stop ends the sentence ("... Lear Corp.").
    if (text.charCodeAt(end) === 46) {
      const tok = text.slice(start, end);
      if ((isAbbreviation(tok) || /^\p{Lu}$/u.test(tok)) && !atLineEnd(text, end + 1)) end++;
    } else if (end - start > 2 && text.charCodeAt(end - 1) === 46 && atLineEnd(text, end)) end--;
    let tok: string;
    if (lex) {
      const id = lex.idAt(text, start, end);
      tok = lex.text[id]!;
      ids!.push(id);
    } else tok = text.slice(start, end);
    out.push({ text: tok, start, end, nl });
    pos = end;
  }
  return out;
}

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const ENDERS = new Set(['.', '!', '?', '...', '…']);

/** True when a token starts with an upper-case letter, a digit or an opening quote/bracket. */
function startsSentenceLike(t: string): boolean {
  return /^[\p{Lu}\p{N}"'“‘(\[«]/u.test(t);
}

/**
 * Groups tokens into sentences: a line break always ends one (headlines,
 * CRLF text), as does ". ! ?" (plus closing quotes) before a capitalised word.
 * Abbreviations such as "Mr." or "U.S." never end a sentence on their own.
 */
export function splitSentences(tokens: Token[]): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i > from && tokens[i]!.nl) {
      out.push({ from, to: i });
      from = i;
    }
    const c = tokens[i]!.text.charCodeAt(0);
    // Only ". ! ? ... …" end sentences: test the first character before the set.
    if ((c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) || !ENDERS.has(tokens[i]!.text)) continue;
    let j = i + 1;
    // A closing quote or bracket hugs the stop ('talked."'); a spaced straight quote opens the next sentence.
    while (
      j < tokens.length &&
      CLOSERS.has(tokens[j]!.text) &&
      !tokens[j]!.nl &&
      tokens[j]!.start === tokens[j - 1]!.end
    )
      j++;
    if (j < tokens.length && !tokens[j]!.nl && startsSentenceLike(tokens[j]!.text)) {
      out.push({ from, to: j });
      from = j;
      i = j - 1;
    }
  }
  if (from < tokens.length) out.push({ from, to: tokens.length });
  return out;
}
