/**
 * Cached weight rows for the detector's emission scores (summed per token by emissions.ts).
 * Every template whose value is one word's own property is summed once per distinct word:
 * the word-intrinsic features with the sentence-initial (21, 22, 30), doc-bit (28, 32) and
 * headline (23, 24) ones in one row per combination, the numeric-line row (29), and, as seen
 * from a neighbour, the neighbouring word/shape rows (11-16) and the aggregated-context rows
 * (40, 41). Fixed tables (row-tables.ts) cover the gazetteer bits, the case-class trigram and
 * the shape bigrams of common shapes; per article, each capitalised word's
 * aggregated context is summed once from its neighbours' rows. The rows hold the same integer
 * weights as the features scored one by one, summed in another order.
 */
import { mix } from './hash';
import { intrinsicFeatures, SLOTS } from './features';
import { Cls, type Lexicon } from './lexicon';
import type { PackedWeights } from './weights';
import { FixedRows, NB, RowWriter, ShapePairs } from './row-tables';
import { AggRows } from './agg-rows';

/**
 * Own rows of an open word: 16 rows, one per (sentence-initial, doc bits, headline) = row
 * init | docBits << 1 | caps << 3, each the sum of the intrinsic features, 21 (+22 if initial),
 * 32, the doc-bit feature 28 (the word's case class is fixed) and, on a headline, 23 and 24; then
 * the numeric-line row (29). One row read per token instead of three; 374 bytes per open word.
 */
const OWN = 17;
export const R_NUM = 16;

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
  /** Per-run scratch (see emissions): may-start-a-phrase flags, own-row bases and neighbour-row bases per token. */
  starts = new Uint8Array(256);
  obs = new Int32Array(256);
  nbs = new Int32Array(256);
  /** Per word: 0 = not seen, -1 = closed (always O), else 1 + base of its own rows in `own`. */
  private ownAt = new Int32Array(0);
  own = new Int16Array(0);
  private ownUsed = 0;
  readonly fixed: FixedRows;
  readonly shapes: ShapePairs;
  private readonly rw: RowWriter;
  private readonly intrinsic = new Int32Array(SLOTS);
  /** Per article, each capitalised word's aggregated-context row (see AggRows). */
  readonly agg: AggRows;
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
    this.T = w.nTags;
    this.rw = new RowWriter(w);
    this.fixed = new FixedRows(this.rw);
    this.shapes = new ShapePairs(this.rw);
    this.agg = new AggRows(this.rw, lex);
  }

  /** Base index of word `id`'s neighbour rows, computing them on first use. */
  nbOf(id: number): number {
    const T = this.T,
      base = (NB + id * NB) * T;
    if (this.hasNb[id]) return base;
    const wh = this.lex.wh[id]!,
      sh = this.lex.sh[id]!,
      rw = this.rw;
    rw.row(this.nb, base, [mix(11, wh), mix(15, sh)]);
    rw.row(this.nb, base + T, [mix(13, wh)]);
    rw.row(this.nb, base + 2 * T, [mix(12, wh), mix(16, sh)]);
    rw.row(this.nb, base + 3 * T, [mix(14, wh)]);
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
    for (let v = 0; v < 16; v++) {
      const init = v & 1,
        docBits = (v >> 1) & 3,
        caps = v >> 3,
        row = [...fs, mix(21, init, sh), mix(32, docBits, wh), mix(28, docBits | (c << 2) | (init << 5) | (caps << 6))];
      if (init) row.push(mix(22, wh));
      if (caps) row.push(mix(23, wh), mix(24, sh));
      this.rw.row(this.own, base + v * T, row);
    }
    this.rw.row(this.own, base + R_NUM * T, [mix(29, sh)]);
    this.ownAt[id] = base + 1;
    return base;
  }

  /** Makes the per-run scratch arrays hold at least `n` tokens. */
  ensureRun(n: number): void {
    if (n <= this.starts.length) return;
    this.starts = new Uint8Array(n);
    this.obs = new Int32Array(n);
    this.nbs = new Int32Array(n);
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
    nb.set(this.fixed.edge);
    this.nb = nb;
    this.hasNb = hasNb;
    this.gazStart = gazStart;
    this.ownAt = ownAt;
    this.agg.resize(n, clear);
    this.generation = this.lex.generation;
  }
}
