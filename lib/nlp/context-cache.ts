/**
 * Cached weight rows for the detector's emission scores (summed per token by emissions.ts).
 * Every template whose value is one word's own property is summed once per distinct word:
 * the word-intrinsic features with the sentence-initial ones (0-10, 21, 22, 30) and the doc
 * bits (32) in one row per combination, the headline (23, 24) and numeric-line (29) rows, and,
 * as seen from a neighbour, the neighbouring word/shape rows (11-16). Small tables cover the
 * gazetteer bits (25-27), doc bits x case (28), the case-class trigram (31), the shape bigrams of common shapes
 * (17, 18); per article, each capitalised word's aggregated context is summed once. The rows
 * hold the same integer weights as the features scored one by one, summed in another order.
 */
import { mix } from './hash';
import { aggCount, BOS, EOS, intrinsicFeatures, SLOTS, type DocContext } from './features';
import { GAZ_TYPES } from './gazetteer';
import { AGG_MAX, Cls, SHAPE_IDS, type Lexicon } from './lexicon';
import type { PackedWeights } from './weights';

/** Neighbour rows of every word: as left neighbour (11+15), second left (13), right (12+16), second right (14). */
const NB = 4;
/**
 * Own rows of an open word: 8 rows, one per (sentence-initial, doc bits) = row init | docBits << 1,
 * each the sum of the intrinsic features, 21 (+22 if initial) and 32; then the headline row
 * (23+24) and the numeric-line row (29). 220 bytes per open word.
 */
const OWN = 10;
export const R_CAPS = 8,
  R_NUM = 9;

/**
 * Per-word rows keyed by Lexicon word id; valid for one lexicon generation. The members without
 * `private` are read by emissions() (emissions.ts), which sums them per token.
 */
export class ContextCache {
  private generation = -1;
  /** Neighbour rows; the first NB rows are the run edges (BOS on the left, EOS on the right). */
  nb = new Int16Array(0);
  private hasNb = new Uint8Array(0);
  /** Per word: 0 = not known yet, 1 = starts no gazetteer phrase, 2 = may start one. */
  gazStart = new Uint8Array(0);
  readonly starts = new Uint8Array(256);
  /** Per word: 0 = not seen, -1 = closed (always O), else 1 + base of its own rows in `own`. */
  private ownAt = new Int32Array(0);
  own = new Int16Array(0);
  private ownUsed = 0;
  private readonly edge: Int16Array;
  readonly triTable: Int16Array;
  /** Doc bits x case x initial x headline rows (28). */
  readonly docTable: Int16Array;
  /** Gazetteer rows: 25 (bit x case class), 26 (bit of the previous token), 27 (bit of the next). */
  readonly gazTable: Int16Array;
  private readonly tmp: Float32Array;
  private readonly feats = new Int32Array(SLOTS);
  private readonly intrinsic = new Int32Array(SLOTS);
  /** Shape bigram rows (17, 18) by pair of small shape ids (SHAPE_IDS = the run edge), filled on first use. */
  private readonly pairs: Int16Array;
  private readonly hasPair: Uint8Array;
  aggRows = new Int16Array(0);
  private aggStamp = new Uint32Array(0);
  private readonly aggFeats: number[] = [];
  readonly T: number;

  /**
   * @param open hashes of the lower-case words and symbols that occurred inside a
   *   name in training ("of", "&", "de"); every other such word is always tagged O.
   */
  constructor(
    readonly w: PackedWeights,
    readonly lex: Lexicon,
    private readonly open: Set<number>,
  ) {
    const T = (this.T = w.nTags);
    this.tmp = new Float32Array(T);
    this.edge = new Int16Array(NB * T);
    this.row(this.edge, 0, [mix(11, BOS), mix(15, BOS)]);
    this.row(this.edge, T, [mix(13, BOS)]);
    this.row(this.edge, 2 * T, [mix(12, EOS), mix(16, EOS)]);
    this.row(this.edge, 3 * T, [mix(14, EOS)]);
    this.docTable = new Int16Array(128 * T);
    for (let v = 0; v < 128; v++) this.row(this.docTable, v * T, [mix(28, v)]);
    this.triTable = new Int16Array(64 * 7 * T);
    for (let a = 0; a < 64; a++) for (let b = 0; b < 7; b++) this.row(this.triTable, (a * 7 + b) * T, [mix(31, a, b)]);
    const P = (SHAPE_IDS + 1) * (SHAPE_IDS + 1);
    this.pairs = new Int16Array(2 * P * T);
    this.hasPair = new Uint8Array(2 * P);
    const G = 2 * GAZ_TYPES.length;
    this.gazTable = new Int16Array((G * 8 + 2 * G) * T);
    for (let b = 0; b < G; b++) {
      for (let c = 0; c < 8; c++) this.row(this.gazTable, (b * 8 + c) * T, [mix(25, b, c)]);
      this.row(this.gazTable, (G * 8 + b) * T, [mix(26, b)]);
      this.row(this.gazTable, (G * 9 + b) * T, [mix(27, b)]);
    }
  }

  /** Writes the summed weights of features `fs` into out[at .. at+T). */
  private row(out: Int16Array, at: number, fs: number[], n = fs.length): void {
    this.tmp.fill(0);
    for (let k = 0; k < n; k++) this.feats[k] = fs[k]!;
    this.feats[n] = -1;
    this.w.addScores(this.feats, 0, this.tmp, 0);
    for (let t = 0; t < this.T; t++) out[at + t] = this.tmp[t]!;
  }

  /** Base index of word `id`'s neighbour rows, computing them on first use. */
  nbOf(id: number): number {
    const T = this.T,
      base = (NB + id * NB) * T;
    if (this.hasNb[id]) return base;
    const wh = this.lex.wh[id]!,
      sh = this.lex.sh[id]!;
    this.row(this.nb, base, [mix(11, wh), mix(15, sh)]);
    this.row(this.nb, base + T, [mix(13, wh)]);
    this.row(this.nb, base + 2 * T, [mix(12, wh), mix(16, sh)]);
    this.row(this.nb, base + 3 * T, [mix(14, wh)]);
    this.hasNb[id] = 1;
    return base;
  }

  /** Base of word `id`'s own rows, or -1 for a closed word (lower case or symbol never seen inside a name). */
  ownOf(id: number): number {
    const at = this.ownAt[id]!;
    if (at !== 0) return at - 1;
    const lex = this.lex,
      c = lex.cls[id]!,
      wh = lex.wh[id]!,
      sh = lex.sh[id]!;
    if ((c === Cls.Lower || c === Cls.Other || c === Cls.Digit) && !this.open.has(wh)) {
      this.ownAt[id] = -1;
      return -1;
    }
    const T = this.T;
    if ((this.ownUsed + OWN) * T > this.own.length) {
      const own = new Int16Array(Math.max(this.own.length * 2, 1024 * OWN * T));
      own.set(this.own);
      this.own = own;
    }
    const base = this.ownUsed * T;
    this.ownUsed += OWN;
    const k = intrinsicFeatures(lex.lower[id]!, wh, sh, c, this.intrinsic, 0);
    const fs = Array.from(this.intrinsic.subarray(0, k));
    for (let v = 0; v < 8; v++) {
      const init = v & 1,
        row = [...fs, mix(21, init, sh), mix(32, v >> 1, wh)];
      if (init) row.push(mix(22, wh));
      this.row(this.own, base + v * T, row);
    }
    this.row(this.own, base + R_CAPS * T, [mix(23, wh), mix(24, sh)]);
    this.row(this.own, base + R_NUM * T, [mix(29, sh)]);
    this.ownAt[id] = base + 1;
    return base;
  }

  /**
   * Adds the shape bigram rows of a token (small shape id `s`, shape hash `sh`) with its left
   * (`a`, `ah`) and right (`b`, `bh`) neighbours; id SHAPE_IDS stands for the run edge.
   */
  shapePairs(
    a: number,
    ah: number,
    s: number,
    sh: number,
    b: number,
    bh: number,
    emit: Float32Array,
    so: number,
  ): void {
    const T = this.T,
      S = SHAPE_IDS + 1,
      pairs = this.pairs;
    if (s === SHAPE_IDS || a === SHAPE_IDS + 1 || b === SHAPE_IDS + 1) {
      this.w.addOne(mix(17, ah, sh), emit, so);
      this.w.addOne(mix(18, sh, bh), emit, so);
      return;
    }
    const k17 = a * S + s,
      k18 = S * S + s * S + b;
    if (!this.hasPair[k17]) {
      this.row(pairs, k17 * T, [mix(17, ah, sh)]);
      this.hasPair[k17] = 1;
    }
    if (!this.hasPair[k18]) {
      this.row(pairs, k18 * T, [mix(18, sh, bh)]);
      this.hasPair[k18] = 1;
    }
    const p = k17 * T,
      q = k18 * T;
    for (let t = 0; t < T; t++) emit[so + t]! += pairs[p + t]! + pairs[q + t]!;
  }

  /** Base index of the summed aggregated-context row of capitalised word `id` in this article. */
  aggOf(id: number, ctx: DocContext): number {
    const T = this.T,
      l = this.lex.lid[id]!;
    if (l >= this.aggStamp.length) {
      const n = Math.max(this.lex.lid.length, l + 1) * 2;
      const stamp = new Uint32Array(n),
        rows = new Int16Array(n * T);
      stamp.set(this.aggStamp);
      rows.set(this.aggRows);
      this.aggStamp = stamp;
      this.aggRows = rows;
    }
    if (this.aggStamp[l] !== ctx.stamp) {
      // Article stamps start at 1, so fresh (zeroed) entries never look valid; a word without a list gets a zero row.
      const n = aggCount(ctx, l);
      for (let k = 0; k < n; k++) this.aggFeats[k] = this.lex.aggF[l * AGG_MAX + k]!;
      this.row(this.aggRows, l * T, this.aggFeats, n);
      this.aggStamp[l] = ctx.stamp;
    }
    return l * T;
  }

  /** Clears or grows the per-word tables when the word cache was reset or has grown; call before a run. */
  prepare(): void {
    const lex = this.lex;
    if (this.generation !== lex.generation || lex.size > this.hasNb.length)
      this.resize(this.generation !== lex.generation);
  }

  private resize(clear: boolean): void {
    const T = this.T,
      n = Math.max(this.lex.size * 2, 4096);
    const nb = new Int16Array((NB + n * NB) * T),
      hasNb = new Uint8Array(n),
      gazStart = new Uint8Array(n),
      ownAt = new Int32Array(n);
    if (!clear) {
      nb.set(this.nb);
      hasNb.set(this.hasNb);
      gazStart.set(this.gazStart);
      ownAt.set(this.ownAt);
    } else this.ownUsed = 0;
    nb.set(this.edge);
    this.nb = nb;
    this.hasNb = hasNb;
    this.gazStart = gazStart;
    this.ownAt = ownAt;
    this.generation = this.lex.generation;
  }
}
