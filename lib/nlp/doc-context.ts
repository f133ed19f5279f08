/**
 * Article-wide context for the tagger's features: which words also occur in lower case or
 * capitalised mid-sentence, and the words around each capitalised word's occurrences.
 */
import { mix } from './hash';
import { AGG_MAX, Cls, type Lexicon } from './lexicon';
import type { TokenInfo } from './features';

/** Article-wide facts: which words appear in lower case, which in Title case mid-sentence, and around which words. */
export interface DocContext {
  /**
   * The word cache holding the per-word stamps and, per capitalised word, the feature ids of its
   * neighbours elsewhere in the article (at most AGG_MAX, see Lexicon.aggF); this article's stamp.
   */
  lex: Lexicon;
  stamp: number;
}

/** True when most word tokens of the range are ALL CAPS (a headline or a shouted line). */
export function isCapsRange(info: TokenInfo, from: number, to: number): boolean {
  let caps = 0,
    words = 0;
  for (let i = from; i < to; i++) {
    const c = info.cls[i];
    if (c === Cls.Lower || c === Cls.Title || c === Cls.Caps) words++;
    if (c === Cls.Caps) caps++;
  }
  return words > 0 && caps * 2 > words;
}

/** Adds one sentence's words to the article context (call for every sentence before featurising). */
export function addToContext(ctx: DocContext, info: TokenInfo, from: number, to: number): void {
  // Context aggregation: the words around each capitalised word's occurrences across the article
  // ("of Petofi", "Petofi's board") become features of every occurrence, headlines included.
  const lex = ctx.lex;
  for (let i = from; i < to; i++) {
    const c = info.cls[i]!;
    if (c !== Cls.Title && c !== Cls.Caps) continue;
    const l = info.lid[i]!;
    if (lex.aggStamp[l] !== ctx.stamp) {
      lex.aggStamp[l] = ctx.stamp;
      lex.aggN[l] = 0;
    }
    if (lex.aggN[l]! >= AGG_MAX) continue;
    const left = i > from ? mix(40, info.wh[i - 1]!) : 0,
      right = i + 1 < to ? mix(41, info.wh[i + 1]!) : 0;
    if (left) addAgg(lex, l, left, info.wid[i - 1]! * 2);
    if (right && lex.aggN[l]! < AGG_MAX) addAgg(lex, l, right, info.wid[i + 1]! * 2 + 1);
  }
  if (isCapsRange(info, from, to)) return;
  for (let i = from; i < to; i++) {
    const c = info.cls[i];
    if (c === Cls.Lower) ctx.lex.lowerStamp[info.lid[i]!] = ctx.stamp;
    else if (c === Cls.Title && i > from && info.cls[i - 1] !== Cls.Other) ctx.lex.titleStamp[info.lid[i]!] = ctx.stamp;
  }
}

/**
 * Appends feature `f` to the aggregated context of folded word `l` unless it is already there;
 * `from` is the neighbour it comes from (word id * 2 + side), whose row ContextCache caches.
 */
function addAgg(lex: Lexicon, l: number, f: number, from: number): void {
  const base = l * AGG_MAX,
    n = lex.aggN[l]!;
  for (let k = 0; k < n; k++) if (lex.aggF[base + k] === f) return;
  lex.aggF[base + n] = f;
  lex.aggW[base + n] = from;
  lex.aggN[l] = n + 1;
}

/** Number of aggregated context features of folded word `l` in the article of `ctx` (they start at aggF[l * AGG_MAX]). */
export function aggCount(ctx: DocContext, l: number): number {
  return ctx.lex.aggStamp[l] === ctx.stamp ? ctx.lex.aggN[l]! : 0;
}
