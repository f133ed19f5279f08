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

export { sentencesOf, splitSentences, type Sentence } from './sentences';

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
 * Tokens of one text in struct-of-arrays form (offsets, line-break flags and, with a word cache,
 * word ids), reused from text to text: no object per token.
 */
export class TokenBuffer {
  n = 0;
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  nl = new Uint8Array(1024);
  id = new Int32Array(1024);

  /** Doubles the capacity, keeping the first `n` tokens. */
  grow(): void {
    const cap = this.start.length * 2;
    const start = new Int32Array(cap),
      end = new Int32Array(cap),
      nl = new Uint8Array(cap),
      id = new Int32Array(cap);
    start.set(this.start);
    end.set(this.end);
    nl.set(this.nl);
    id.set(this.id);
    this.start = start;
    this.end = end;
    this.nl = nl;
    this.id = id;
  }
}

/**
 * Splits `text` into tokens with exact UTF-16 offsets (linear time), written to `buf` (from
 * index 0; `buf.n` is set to the count). With an interner, each token's word id goes to `buf.id`.
 */
export function scanTokens(text: string, buf: TokenBuffer, lex?: Interner): void {
  const n = text.length;
  let pos = 0,
    k = 0;
  buf.n = 0;
  while (pos < n) {
    // Skip white space by hand, noting line breaks; the sticky regex then only measures the token,
    // which avoids allocating a match array per token.
    let nl = false;
    let c = text.charCodeAt(pos);
    while (isSpace(c)) {
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) nl = true;
      if (++pos >= n) {
        buf.n = k;
        return;
      }
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
    if (k === buf.start.length) buf.grow();
    buf.start[k] = start;
    buf.end[k] = end;
    buf.nl[k] = nl ? 1 : 0;
    if (lex) buf.id[k] = lex.idAt(text, start, end);
    k++;
    pos = end;
  }
  buf.n = k;
}

/** tokenize's scratch: it copies the tokens out before returning, so one buffer serves every call. */
const shared = new TokenBuffer();

/**
 * Splits `text` into tokens with exact UTF-16 offsets (linear time). With an interner,
 * token texts are the interner's shared strings and each token's word id is pushed to `ids`.
 */
export function tokenize(text: string, lex?: Interner, ids?: number[]): Token[] {
  const buf = shared;
  scanTokens(text, buf, lex);
  const out: Token[] = [];
  for (let i = 0; i < buf.n; i++) {
    const start = buf.start[i]!,
      end = buf.end[i]!;
    out.push({ text: lex ? lex.text[buf.id[i]!]! : text.slice(start, end), start, end, nl: buf.nl[i] === 1 });
    if (lex) ids?.push(buf.id[i]!);
  }
  return out;
}
