/**
 * Summed weight rows for ContextCache: a writer that sums features' weights into int16 rows,
 * the fixed tables that do not depend on words (run edges, the case-class
 * trigram (31), gazetteer bits (25-27)) and the shape bigram rows of common shapes (17, 18).
 * The rows hold the same integer weights as the features scored one by one.
 */
import { mix } from './hash';
import { BOS, EOS, SLOTS } from './features';
import { GAZ_TYPES } from './gazetteer';
import { SHAPE_IDS } from './lexicon';
import type { PackedWeights } from './weights';

/** Neighbour rows of every word: as left neighbour (11+15), second left (13), right (12+16), second right (14). */
export const NB = 4;

/** Sums the weights of features into int16 rows of `w.nTags` values. */
export class RowWriter {
  readonly T: number;
  private readonly tmp: Float32Array;
  private readonly feats = new Int32Array(SLOTS);

  constructor(readonly w: PackedWeights) {
    this.T = w.nTags;
    this.tmp = new Float32Array(this.T);
  }

  /** Writes the summed weights of features `fs` (the first `n`) into out[at .. at+T). */
  row(out: Int16Array, at: number, fs: ArrayLike<number>, n = fs.length): void {
    this.tmp.fill(0);
    for (let k = 0; k < n; k++) this.feats[k] = fs[k]!;
    this.feats[n] = -1;
    this.w.addScores(this.feats, 0, this.tmp, 0);
    for (let t = 0; t < this.T; t++) out[at + t] = this.tmp[t]!;
  }
}

/** The word-independent tables: run edges (NB rows), case trigrams, gazetteer bits. */
export class FixedRows {
  readonly edge: Int16Array;
  readonly triTable: Int16Array;
  /** Gazetteer rows: 25 (bit x case class), 26 (bit of the previous token), 27 (bit of the next). */
  readonly gazTable: Int16Array;

  constructor(rw: RowWriter) {
    const T = rw.T;
    this.edge = new Int16Array(NB * T);
    rw.row(this.edge, 0, [mix(11, BOS), mix(15, BOS)]);
    rw.row(this.edge, T, [mix(13, BOS)]);
    rw.row(this.edge, 2 * T, [mix(12, EOS), mix(16, EOS)]);
    rw.row(this.edge, 3 * T, [mix(14, EOS)]);
    this.triTable = new Int16Array(64 * 7 * T);
    for (let a = 0; a < 64; a++) for (let b = 0; b < 7; b++) rw.row(this.triTable, (a * 7 + b) * T, [mix(31, a, b)]);
    const G = 2 * GAZ_TYPES.length;
    this.gazTable = new Int16Array((G * 8 + 2 * G) * T);
    for (let b = 0; b < G; b++) {
      for (let c = 0; c < 8; c++) rw.row(this.gazTable, (b * 8 + c) * T, [mix(25, b, c)]);
      rw.row(this.gazTable, (G * 8 + b) * T, [mix(26, b)]);
      rw.row(this.gazTable, (G * 9 + b) * T, [mix(27, b)]);
    }
  }
}

/** Shape bigram rows (17, 18) by pair of small shape ids (SHAPE_IDS = the run edge), filled on first use. */
export class ShapePairs {
  private readonly pairs: Int16Array;
  private readonly has: Uint8Array;

  constructor(private readonly rw: RowWriter) {
    const P = (SHAPE_IDS + 1) * (SHAPE_IDS + 1);
    this.pairs = new Int16Array(2 * P * rw.T);
    this.has = new Uint8Array(2 * P);
  }

  /**
   * Adds the shape bigram rows of a token (small shape id `s`, shape hash `sh`) with its left
   * (`a`, `ah`) and right (`b`, `bh`) neighbours; id SHAPE_IDS stands for the run edge, and
   * SHAPE_IDS + 1 for a rare shape, whose features are then hashed.
   */
  add(a: number, ah: number, s: number, sh: number, b: number, bh: number, emit: Float32Array, so: number): void {
    const rw = this.rw,
      T = rw.T,
      S = SHAPE_IDS + 1,
      pairs = this.pairs;
    if (s === SHAPE_IDS || a === SHAPE_IDS + 1 || b === SHAPE_IDS + 1) {
      rw.w.addOne(mix(17, ah, sh), emit, so);
      rw.w.addOne(mix(18, sh, bh), emit, so);
      return;
    }
    const k17 = a * S + s,
      k18 = S * S + s * S + b;
    if (!this.has[k17]) {
      rw.row(pairs, k17 * T, [mix(17, ah, sh)]);
      this.has[k17] = 1;
    }
    if (!this.has[k18]) {
      rw.row(pairs, k18 * T, [mix(18, sh, bh)]);
      this.has[k18] = 1;
    }
    const p = k17 * T,
      q = k18 * T;
    for (let t = 0; t < T; t++) emit[so + t]! += pairs[p + t]! + pairs[q + t]!;
  }
}
