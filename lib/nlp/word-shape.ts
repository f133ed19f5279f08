/** Word-level shape facts of a token text: its case class and collapsed shape (see Lexicon). */

/** Case classes of a token. */
export const enum Cls {
  Lower = 0,
  Title = 1,
  Caps = 2,
  Initial = 3,
  Digit = 4,
  Other = 5,
}

/** Case class of a token text. */
export function caseClass(t: string): Cls {
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return Cls.Digit;
  const first = t[0] ?? '';
  const up = first.toUpperCase(),
    lo = first.toLowerCase();
  if (up === lo) return /\p{L}/u.test(first) ? Cls.Title : Cls.Other;
  if (first === lo) return Cls.Lower;
  if (t.length === 1 || (t.length === 2 && t[1] === '.')) return Cls.Initial;
  return t === t.toUpperCase() ? Cls.Caps : Cls.Title;
}

/** Collapsed word shape: "Nato-Russia" → "Xx-Xx", "1996-08-22" → "d-d-d", at most 8 symbols. */
export function shapeOf(t: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < t.length && out.length < 8; i++) {
    const ch = t[i]!;
    const c = ch.charCodeAt(0);
    let k: string;
    if (c >= 48 && c <= 57) k = 'd';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c >= 65 && c <= 90) k = 'X';
    else if (c < 128) k = ch;
    else {
      const lo = ch.toLowerCase(),
        up = ch.toUpperCase();
      k = lo !== up ? (ch === up ? 'X' : 'x') : /\p{L}/u.test(ch) ? 'x' : ch;
    }
    if (k !== last) out += k;
    last = k;
  }
  return out;
}
