/**
 * Emission scores of a decoding run from the cached weight rows of ContextCache: per open
 * token, its own row, its neighbours' rows, the case-class trigram, the shape bigram pair
 * rows, the aggregated context and gazetteer rows, and the two hashed word bigrams. The
 * same integers as featurize's features scored one by one (tests/unit/nlp/fast-paths.test.ts).
 */
import { mix } from './hash';
import { BOS, EOS, isCapsRange, type DocContext, type TokenInfo } from './features';
import { GAZ_TYPES, type Gazetteer } from './gazetteer';
import { Cls, SHAPE_IDS } from './lexicon';
import { R_NUM, type ContextCache } from './context-cache';

/**
 * Fills emit[(i-from)*T ...] with the emission scores of each token of the run [from, to)
 * and flags in `closed` the tokens that can only be O (only their column O, set to 0, is
 * then meaningful): closed words, and uncapitalised tokens with no capitalised token within two.
 * `gazBits` is scratch space of at least (to-from) bytes.
 */
export function emissions(
  rows: ContextCache,
  info: TokenInfo,
  from: number,
  to: number,
  ctx: DocContext,
  gaz: Gazetteer,
  gazBits: Uint8Array,
  closed: Uint8Array,
  emit: Float32Array,
): void {
  rows.prepare();
  rows.ensureRun(to - from);
  const T = rows.T,
    lex = rows.lex;
  const { wid, cls, lid, wh, sh, lower } = info,
    sid = lex.sid,
    { starts, obs, nbs } = rows,
    gazStart = rows.gazStart;
  let anyOpen = false,
    anyStart = false;
  for (let i = from; i < to; i++) {
    const c = cls[i]!,
      id = wid[i]!;
    let g = gazStart[id]!;
    if (g === 0) gazStart[id] = g = gaz.phrases.startsWith(lower[i]!) ? 2 : 1;
    starts[i - from] = g - 1;
    if (g === 2) anyStart = true;
    const ob = (obs[i - from] = rows.ownOf(id));
    let shut = ob < 0;
    if (!shut && (c === Cls.Lower || c === Cls.Digit || c === Cls.Other) && !capNear(cls, i, from, to)) shut = true;
    closed[i - from] = shut ? 1 : 0;
    if (shut) emit[(i - from) * T] = 0;
    else anyOpen = true;
  }
  if (!anyOpen) return;
  const caps = isCapsRange(info, from, to) ? 1 : 0;
  let numeric = 0;
  for (let i = from; i < to; i++) if (cls[i] === Cls.Digit) numeric++;
  const numLine = numeric * 3 >= to - from;
  if (anyStart) gaz.mark(lower, cls, from, to, gazBits, starts);
  else gazBits.fill(0, 0, to - from);
  // Each token's neighbour rows serve up to four open tokens: look them up once.
  for (let i = from; i < to; i++) nbs[i - from] = rows.nbOf(wid[i]!);
  const nb = rows.nb,
    own = rows.own,
    { triTable, gazTable } = rows.fixed,
    shapes = rows.shapes,
    w8 = rows.w;
  const G = 2 * GAZ_TYPES.length;
  let first = from;
  while (first < to - 1 && cls[first] === Cls.Other) first++;
  for (let i = from; i < to; i++) {
    if (closed[i - from]) continue;
    const so = (i - from) * T,
      c0 = cls[i]!,
      init = i === first ? 1 : 0,
      id = wid[i]!;
    const ob = obs[i - from]!;
    const l = lid[i]!;
    const docBits = (lex.lowerStamp[l] === ctx.stamp ? 1 : 0) | (lex.titleStamp[l] === ctx.stamp ? 2 : 0);
    const self = ob + (init | (docBits << 1) | (caps << 3)) * T;
    // Outside the run, the edge rows (stored first in `nb`) stand in for the missing words.
    const at = i - from,
      l1 = i > from ? nbs[at - 1]! : 0,
      l2 = (i > from + 1 ? nbs[at - 2]! : 0) + T;
    const r1 = (i + 1 < to ? nbs[at + 1]! : 0) + 2 * T,
      r2 = (i + 2 < to ? nbs[at + 2]! : 0) + 3 * T;
    const cm1 = i > from ? cls[i - 1]! : 6,
      cp1 = i + 1 < to ? cls[i + 1]! : 6;
    const tri = ((cm1 * 8 + c0) * 7 + cp1) * T;
    for (let t = 0; t < T; t++) {
      emit[so + t] = own[self + t]! + nb[l1 + t]! + nb[l2 + t]! + nb[r1 + t]! + nb[r2 + t]! + triTable[tri + t]!;
    }
    if (numLine) for (let t = 0, b = ob + R_NUM * T; t < T; t++) emit[so + t]! += own[b + t]!;
    if (c0 === Cls.Title || c0 === Cls.Caps) {
      const agg = rows.agg.of(id, ctx),
        aggRows = rows.agg.rows;
      if (agg >= 0) for (let t = 0; t < T; t++) emit[so + t]! += aggRows[agg + t]!;
    }
    // The bigrams: the only features still hashed per token.
    const w = wh[i]!,
      s = sh[i]!;
    // A rare shape (small id SHAPE_IDS) has no pair row: SHAPE_IDS + 1 then forces hashing.
    const sa = i > from ? sid[wid[i - 1]!]! + (sid[wid[i - 1]!] === SHAPE_IDS ? 1 : 0) : SHAPE_IDS,
      sb = i + 1 < to ? sid[wid[i + 1]!]! + (sid[wid[i + 1]!] === SHAPE_IDS ? 1 : 0) : SHAPE_IDS;
    shapes.add(sa, i > from ? sh[i - 1]! : BOS, sid[id]!, s, sb, i + 1 < to ? sh[i + 1]! : EOS, emit, so);
    w8.addOne(mix(19, i > from ? wh[i - 1]! : BOS, w), emit, so);
    w8.addOne(mix(20, w, i + 1 < to ? wh[i + 1]! : EOS), emit, so);
    const g0 = gazBits[i - from]!,
      gm1 = i > from ? gazBits[i - 1 - from]! : 0,
      gp1 = i + 1 < to ? gazBits[i + 1 - from]! : 0;
    if (g0 | gm1 | gp1) {
      // featurize stops adding gazetteer features at slot 40; count its earlier slots to stop at the same one.
      const L = lower[i]!.length;
      let k = 15 + 2 * Math.min(L, 4) + init + 2 * caps;
      for (let b = 0; b < G && k < 40; b++) {
        if (g0 & (1 << b)) k += addRow(gazTable, (b * 8 + c0) * T, emit, so, T);
        if (gm1 & (1 << b)) k += addRow(gazTable, (G * 8 + b) * T, emit, so, T);
        if (gp1 & (1 << b)) k += addRow(gazTable, (G * 9 + b) * T, emit, so, T);
      }
    }
  }
}

/** Adds row `at` of `table` to emit[so .. so+T); returns 1 (one feature slot used). */
function addRow(table: Int16Array, at: number, emit: Float32Array, so: number, T: number): number {
  for (let t = 0; t < T; t++) emit[so + t]! += table[at + t]!;
  return 1;
}

/** True when a capitalised token (Title, Caps, Initial) lies within two tokens of `i` inside [from, to). */
function capNear(cls: Uint8Array, i: number, from: number, to: number): boolean {
  for (let j = Math.max(from, i - 2), end = Math.min(to, i + 3); j < end; j++) {
    const c = cls[j]!;
    if (c >= 1 && c <= 3) return true;
  }
  return false;
}
