/**
 * Feature extraction for the sequence tagger. Features are hashed straight to
 * 32-bit ids (template id mixed with value hashes), so no feature strings are built.
 */
import { hashRange, mix } from './hash';
import type { Token } from './tokenize';
import { GAZ_TYPES, type Gazetteer } from './gazetteer';
import { AGG_MAX, Cls, type Lexicon } from './lexicon';

/** Maximum number of feature slots per token; unused slots hold -1. */
export const SLOTS = 56;

/** Per-token facts computed once per article and shared by all feature templates. */
export interface TokenInfo {
  lower: string[];
  /** Word-cache id of each token, and of its folded form (see Lexicon). */
  wid: Int32Array;
  lid: Int32Array;
  /** Hash of the normalised word (lower-case, digits folded to 0). */
  wh: Int32Array;
  /** Hash of the collapsed word shape ("Xx", "X.X.", "d-d"). */
  sh: Int32Array;
  cls: Uint8Array;
  /** Rule flags per token (see word-flags.ts) and their union over the text. */
  flags: Uint8Array;
  anyFlags: number;
}

/** Article-wide facts: which words appear in lower case, which in Title case mid-sentence, and around which words. */
export interface DocContext {
  /**
   * The word cache holding the per-word stamps and, per capitalised word, the feature ids of its
   * neighbours elsewhere in the article (at most AGG_MAX, see Lexicon.aggF); this article's stamp.
   */
  lex: Lexicon;
  stamp: number;
}

/** Computes TokenInfo for all tokens of a text through the word cache (`ids`: their word ids, if known). */
export function tokenInfo(tokens: Token[], lex: Lexicon, ids?: number[]): TokenInfo {
  const n = tokens.length;
  // One backing store for the six per-token arrays: allocating a typed array's memory is costly.
  const buf = new ArrayBuffer(n * 18);
  const info: TokenInfo = {
    lower: new Array<string>(n),
    wid: new Int32Array(buf, 0, n),
    lid: new Int32Array(buf, 4 * n, n),
    wh: new Int32Array(buf, 8 * n, n),
    sh: new Int32Array(buf, 12 * n, n),
    cls: new Uint8Array(buf, 16 * n, n),
    flags: new Uint8Array(buf, 17 * n, n),
    anyFlags: 0,
  };
  for (let i = 0; i < n; i++) {
    const id = ids ? ids[i]! : lex.id(tokens[i]!.text);
    info.wid[i] = id;
    info.lid[i] = lex.lid[id]!;
    info.lower[i] = lex.lower[id]!;
    info.wh[i] = lex.wh[id]!;
    info.sh[i] = lex.sh[id]!;
    info.cls[i] = lex.cls[id]!;
    info.anyFlags |= info.flags[i] = lex.flags[id]!;
  }
  return info;
}

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
    if (left) addAgg(lex, l, left);
    if (right && lex.aggN[l]! < AGG_MAX) addAgg(lex, l, right);
  }
  if (isCapsRange(info, from, to)) return;
  for (let i = from; i < to; i++) {
    const c = info.cls[i];
    if (c === Cls.Lower) ctx.lex.lowerStamp[info.lid[i]!] = ctx.stamp;
    else if (c === Cls.Title && i > from && info.cls[i - 1] !== Cls.Other) ctx.lex.titleStamp[info.lid[i]!] = ctx.stamp;
  }
}

/** Appends feature `f` to the aggregated context of folded word `l` unless it is already there. */
function addAgg(lex: Lexicon, l: number, f: number): void {
  const base = l * AGG_MAX,
    n = lex.aggN[l]!;
  for (let k = 0; k < n; k++) if (lex.aggF[base + k] === f) return;
  lex.aggF[base + n] = f;
  lex.aggN[l] = n + 1;
}

/** Number of aggregated context features of folded word `l` in the article of `ctx` (they start at aggF[l * AGG_MAX]). */
export function aggCount(ctx: DocContext, l: number): number {
  return ctx.lex.aggStamp[l] === ctx.stamp ? ctx.lex.aggN[l]! : 0;
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
