/**
 * Feature extraction for the sequence tagger. Features are hashed straight to
 * 32-bit ids (template id mixed with value hashes), so no feature strings are built.
 */
import { hashRange, mix } from './hash';
import { GAZ_TYPES, type Gazetteer } from './gazetteer';
import { AGG_MAX, Cls } from './lexicon';
import { aggCount, isCapsRange, type DocContext } from './doc-context';
import type { TokenInfo } from './token-info';

export { addToContext, aggCount, isCapsRange, type DocContext } from './doc-context';
export { tokenInfo, type TokenInfo } from './token-info';

/** Maximum number of feature slots per token; unused slots hold -1. */
export const SLOTS = 56;

/**
 * Writes the word-intrinsic feature ids of a word (bias, word, shape, affixes,
 * length) at out[k...]; returns the next free slot. These only depend on the word,
 * so at detection time their summed weights are cached per word.
 */
export function intrinsicFeatures(lw: string, w: number, s: number, c0: number, out: Int32Array, k: number): number {
  out[k++] = mix(0, 0);
  out[k++] = mix(1, w);
  out[k++] = mix(2, s);
  const L = lw.length;
  for (let a = 1; a <= 4 && a <= L; a++) {
    out[k++] = mix(2 + a, hashRange(lw, 0, a));
    out[k++] = mix(6 + a, hashRange(lw, L - a, L));
  }
  out[k++] = mix(30, L > 12 ? 12 : L, c0);
  return k;
}

/** Stand-in word/shape hashes before the first and after the last token of a run. */
export const BOS = 0x51a7,
  EOS = 0x3e05;

/**
 * Fills `out[(i-from)*SLOTS ...]` with the feature ids of each token of the sentence [from, to)
 * (unused slots hold -1). `gazBits` is scratch space of at least (to-from) bytes. This is the
 * definition of the features, used for training; at detection time ContextCache sums the same
 * weights from cached rows.
 */
export function featurize(
  info: TokenInfo,
  from: number,
  to: number,
  ctx: DocContext,
  gaz: Gazetteer,
  gazBits: Uint8Array,
  out: Int32Array,
): void {
  const caps = isCapsRange(info, from, to) ? 1 : 0;
  let numeric = 0;
  for (let i = from; i < to; i++) if (info.cls[i] === Cls.Digit) numeric++;
  const numLine = numeric * 3 >= to - from ? 1 : 0;
  gaz.mark(info.lower, info.cls, from, to, gazBits);
  const { wh, sh, cls, lower } = info;
  let first = from;
  while (first < to - 1 && cls[first] === Cls.Other) first++;
  for (let i = from; i < to; i++) {
    let k = (i - from) * SLOTS;
    const w = wh[i]!,
      s = sh[i]!,
      c0 = cls[i]!;
    const wm1 = i > from ? wh[i - 1]! : BOS,
      wp1 = i + 1 < to ? wh[i + 1]! : EOS;
    const wm2 = i > from + 1 ? wh[i - 2]! : BOS,
      wp2 = i + 2 < to ? wh[i + 2]! : EOS;
    const sm1 = i > from ? sh[i - 1]! : BOS,
      sp1 = i + 1 < to ? sh[i + 1]! : EOS;
    const cm1 = i > from ? cls[i - 1]! : 6,
      cp1 = i + 1 < to ? cls[i + 1]! : 6;
    const init = i === first ? 1 : 0;
    k = intrinsicFeatures(lower[i]!, w, s, c0, out, k);
    out[k++] = mix(11, wm1);
    out[k++] = mix(12, wp1);
    out[k++] = mix(13, wm2);
    out[k++] = mix(14, wp2);
    out[k++] = mix(15, sm1);
    out[k++] = mix(16, sp1);
    out[k++] = mix(21, init, s);
    if (init) out[k++] = mix(22, w);
    out[k++] = mix(17, sm1, s);
    out[k++] = mix(18, s, sp1);
    out[k++] = mix(19, wm1, w);
    out[k++] = mix(20, w, wp1);
    if (caps) {
      out[k++] = mix(23, w);
      out[k++] = mix(24, s);
    }
    const g0 = gazBits[i - from]!,
      gm1 = i > from ? gazBits[i - 1 - from]! : 0,
      gp1 = i + 1 < to ? gazBits[i + 1 - from]! : 0;
    for (let b = 0; b < 2 * GAZ_TYPES.length && k < (i - from) * SLOTS + 40; b++) {
      if (g0 & (1 << b)) out[k++] = mix(25, b, c0);
      if (gm1 & (1 << b)) out[k++] = mix(26, b);
      if (gp1 & (1 << b)) out[k++] = mix(27, b);
    }
    const l = info.lid[i]!;
    const docBits = (ctx.lex.lowerStamp[l] === ctx.stamp ? 1 : 0) | (ctx.lex.titleStamp[l] === ctx.stamp ? 2 : 0);
    out[k++] = mix(28, docBits | (c0 << 2) | (init << 5) | (caps << 6));
    if (numLine) out[k++] = mix(29, s);
    out[k++] = mix(31, cm1 * 8 + c0, cp1);
    out[k++] = mix(32, docBits, w);
    const nAgg = c0 === Cls.Title || c0 === Cls.Caps ? aggCount(ctx, l) : 0;
    for (let a = 0; a < nAgg; a++) out[k++] = ctx.lex.aggF[l * AGG_MAX + a]!;
    const end = (i - from + 1) * SLOTS;
    while (k < end) out[k++] = -1;
  }
}
