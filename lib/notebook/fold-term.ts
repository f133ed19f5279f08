/**
 * How note search compares words: without case, accents or Unicode normalisation form, so a
 * reader typing on a plain keyboard ("jose", "lodz", "erdog") finds what was written with them
 * ("José", "Łódź", "Erdoğan"), and text pasted decomposed (NFD) matches text typed composed (NFC).
 */

/**
 * Letters that carry their mark in the letter itself, so NFKD leaves them whole; each is folded
 * to what a reader types on a plain keyboard for it.
 */
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
};
const UNDECOMPOSED_RE = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g');

/**
 * A search term folded for comparison: compatibility-decomposed (NFKD), combining marks
 * removed, lower-cased, and the letters that do not decompose (ł, ø, ß…) spelled out plainly.
 * Used as MiniSearch's processTerm, so indexed words and query words are folded alike.
 */
export function foldTerm(term: string): string {
  // Lower-case before the table, so "Ł" and "ẞ" reach it as "ł" and "ß".
  return term
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c] ?? c);
}
