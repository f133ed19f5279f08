/**
 * Characters a page puts inside words that render as nothing: the soft hyphen (German and Dutch
 * sites hyphenate long names with &shy;), zero-width spaces, joiners and the word joiner. To the
 * tokeniser they would split "Stolten\u00ADberg" in two; the detector reads the text without them
 * and maps its spans back onto the page's characters.
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const HAS_INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;

/** A text without its invisible characters, and where each of its characters was in the original. */
export interface VisibleText {
  text: string;
  /** `at[i]`: the original offset of character i; `at[text.length]`: the original length. Null when nothing was removed. */
  at: Int32Array | null;
}

/** `text` without its invisible characters (the same string, and no map, when it has none). */
export function visibleText(text: string): VisibleText {
  if (!HAS_INVISIBLE.test(text)) return { text, at: null };
  const out = text.replace(INVISIBLE, '');
  const at = new Int32Array(out.length + 1);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) continue;
    at[k++] = i;
  }
  at[out.length] = text.length;
  return { text: out, at };
}

/** The original offsets of the span [start, end) of a visible text: from its first to its last character. */
export function originalSpan(v: VisibleText, start: number, end: number): { start: number; end: number } {
  if (!v.at || end <= start) return { start, end };
  return { start: v.at[start]!, end: v.at[end - 1]! + 1 };
}
