/**
 * Feature extraction for the sequence tagger. Features are hashed straight to
 * 32-bit ids (template id mixed with value hashes), so no feature strings are built.
 */
import { hashRange, hashString, mix } from './hash';
import type { Token } from './tokenize';
import { GAZ_TYPES, normTok, type Gazetteer } from './gazetteer';

/** Maximum number of feature slots per token; unused slots hold -1. */
export const SLOTS = 56;

/** Case classes of a token. */
const enum Cls {
  Lower = 0,
  Title = 1,
  Caps = 2,
  Initial = 3,
  Digit = 4,
  Other = 5,
}

/** Per-token facts computed once per article and shared by all feature templates. */
export interface TokenInfo {
  lower: string[];
  /** Hash of the normalised word (lower-case, digits folded to 0). */
  wh: Int32Array;
  /** Hash of the collapsed word shape ("Xx", "X.X.", "d-d"). */
  sh: Int32Array;
  cls: Uint8Array;
}

/** Article-wide facts: which words appear in lower case, which in Title case mid-sentence. */
export interface DocContext {
  lowerSeen: Set<number>;
  titleSeen: Set<number>;
}

function caseClass(t: string): Cls {
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return Cls.Digit;
  const first = t[0];
  const up = first.toUpperCase()!, lo = first.toLowerCase()!;
  if (up === lo && !/\p{L}/u.test(first!)) return Cls.Other;
  if (first === lo && first !== up) return Cls.Lower;
  if (t.length === 1 || (t.length === 2 && t[1] === '.')) return Cls.Initial;
  return t === t.toUpperCase() ? Cls.Caps : Cls.Title;
}

function shapeOf(t: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < t.length && out.length < 8; i++) {
    const ch = t[i];
    const lo = ch.toLowerCase()!, up = ch.toUpperCase()!;
    const k = ch! >= '0' && ch! <= '9' ? 'd' : lo !== up ? (ch === up ? 'X' : 'x') : /\p{L}/u.test(ch!) ? 'x' : ch;
    if (k !== last) out += k;
    last! = k;
  }
  return out;
}

/** Computes TokenInfo for all tokens of a text. */
export function tokenInfo(tokens: Token[]): TokenInfo {
  const n = tokens.length;
  const info: TokenInfo = { lower: new Array<string>(n), wh: new Int32Array(n), sh: new Int32Array(n), cls: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const t = tokens[i].text!;
    const lower = normTok(t);
    info.lower[i] = lower;
    info.wh[i] = hashString(/\d/.test(lower) ? lower.replace(/\d/g, '0') : lower);
    info.sh[i] = hashString(shapeOf(t));
    info.cls[i] = caseClass(t);
  }
  return info;
}

/** True when most word tokens of the range are ALL CAPS (a headline or a shouted line). */
export function isCapsRange(info: TokenInfo, from: number, to: number): boolean {
  let caps = 0, words = 0;
  for (let i = from; i < to; i++) {
    const c = info.cls[i];
    if (c === Cls.Lower || c === Cls.Title || c === Cls.Caps) words++;
    if (c === Cls.Caps) caps++;
  }
  return words > 0 && caps * 2 > words;
}

/** Adds one sentence's words to the article context (call for every sentence before featurising). */
export function addToContext(ctx: DocContext, info: TokenInfo, from: number, to: number): void {
  if (isCapsRange(info, from, to)) return;
  for (let i = from; i < to; i++) {
    const c = info.cls[i];
    if (c === Cls.Lower) ctx.lowerSeen.add(info.wh[i]!);
    else if (c === Cls.Title && i > from && info.cls[i - 1] !== Cls.Other) ctx.titleSeen.add(info.wh[i]!);
  }
}

const BOS = 0x51a7, EOS = 0x3e05;

/**
 * Fills `out[(i-from)*SLOTS ...]` with the feature ids of each token of the sentence [from, to).
 * `gazBits` is scratch space of at least (to-from) bytes.
 */
export function featurize(
  info: TokenInfo, from: number, to: number, ctx: DocContext, gaz: Gazetteer, gazBits: Uint8Array, out: Int32Array,
): void {
  const caps = isCapsRange(info, from, to) ? 1 : 0;
  let numeric = 0;
  for (let i = from; i < to; i++) if (info.cls[i] === Cls.Digit) numeric++;
  const numLine = numeric * 3 >= to - from ? 1 : 0;
  gaz.mark(info.lower, from, to, gazBits);
  const { wh, sh, cls, lower } = info;
  let first = from;
  while (first < to - 1 && cls[first] === Cls.Other) first++;
  for (let i = from; i < to; i++) {
    let k = (i - from) * SLOTS;
    const w = wh[i], s = sh[i];
    const wm1 = i > from ? wh[i - 1] : BOS, wp1 = i + 1 < to ? wh[i + 1] : EOS;
    const wm2 = i > from + 1 ? wh[i - 2] : BOS, wp2 = i + 2 < to ? wh[i + 2] : EOS;
    const sm1 = i > from ? sh[i - 1] : BOS, sp1 = i + 1 < to ? sh[i + 1] : EOS;
    const cm1 = i > from ? cls[i - 1] : 6, cp1 = i + 1 < to ? cls[i + 1] : 6;
    const init = i === first ? 1 : 0;
    const lw = lower[i];
    out[k++] = mix(0, 0);
    out[k++] = mix(1, w!);
    out[k++] = mix(2, s!);
    const L = lw.length!;
    for (let a = 1; a <= 4; a++) {
      if (a > L) break;
      out[k++] = mix(2 + a, hashRange(lw!, 0, a));
      out[k++] = mix(6 + a, hashRange(lw!, L - a, L));
    }
    out[k++] = mix(11, wm1!);
    out[k++] = mix(12, wp1!);
    out[k++] = mix(13, wm2!);
    out[k++] = mix(14, wp2!);
    out[k++] = mix(15, sm1!);
    out[k++] = mix(16, sp1!);
    out[k++] = mix(17, sm1!, s);
    out[k++] = mix(18, s!, sp1);
    out[k++] = mix(19, wm1!, w);
    out[k++] = mix(20, w!, wp1);
    out[k++] = mix(21, init, s);
    if (init) out[k++] = mix(22, w!);
    if (caps) {
      out[k++] = mix(23, w!);
      out[k++] = mix(24, s!);
    }
    const g0 = gazBits[i - from], gm1 = i > from ? gazBits[i - 1 - from] : 0, gp1 = i + 1 < to ? gazBits[i + 1 - from] : 0;
    for (let b = 0; b < 2 * GAZ_TYPES.length && k < (i - from) * SLOTS + 40; b++) {
      if (g0! & (1 << b)) out[k++] = mix(25, b, cls[i]);
      if (gm1! & (1 << b)) out[k++] = mix(26, b);
      if (gp1! & (1 << b)) out[k++] = mix(27, b);
    }
    const docBits = (ctx.lowerSeen.has(w!) ? 1 : 0) | (ctx.titleSeen.has(w!) ? 2 : 0);
    out[k++] = mix(28, docBits | (cls[i]! << 2) | (init << 5) | (caps << 6));
    if (numLine) out[k++] = mix(29, s!);
    out[k++] = mix(30, L > 12 ? 12 : L, cls[i]);
    out[k++] = mix(31, cm1! * 8 + cls[i]!, cp1);
    out[k++] = mix(32, docBits, w);
    const end = (i - from + 1) * SLOTS;
    while (k < end) out[k++] = -1;
  }
}
