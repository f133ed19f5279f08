/**
 * Cached weight rows for the context features whose value is one word's own
 * property: the neighbouring words and shapes (templates 11-16), the
 * sentence-initial shape/word (21, 22), and two small tables (doc bits x case x
 * initial x headline, 28; case-class trigram, 31), and per article the summed
 * aggregated-context features of each capitalised word. Looking these up per word id
 * (Zipfian, so cache-hot) replaces a hash and a random read of the 2.9 MB weight
 * table per feature; the scores are the same integers, summed in another order.
 */
import { mix } from './hash';
import { BOS, EOS, isCapsRange, type DocContext, type TokenInfo } from './features';
import { Cls, type Lexicon } from './lexicon';
import type { EmissionSource } from './tagger';

/** Rows per word: left neighbour (11+15), second left (13), right (12+16), second right (14), self not initial (21), self initial (21+22). */
const ROWS = 6;

/** Per-word context rows, keyed by Lexicon word id; valid for one lexicon generation. */
export class ContextCache {
  private generation = -1;
  private rows = new Int16Array(0);
  private has = new Uint8Array(0);
  /** The four edge rows (BOS left, EOS right), copied to the start of `rows`. */
  private readonly edge: Int16Array;
  private readonly docTable: Int16Array;
  private readonly triTable: Int16Array;
  private readonly tmp: Float32Array;
  private readonly feats = new Int32Array(3);
  /** Per folded word (Lexicon lid): summed aggregated-context row, valid while aggStamp equals the article stamp. */
  private aggRows = new Int16Array(0);
  private aggStamp = new Uint32Array(0);
  private readonly aggScores: Float32Array;
  private readonly aggFeats = new Int32Array(8);

  constructor(
    private readonly w: EmissionSource,
    private readonly lex: Lexicon,
  ) {
    const T = w.nTags;
    this.tmp = new Float32Array(T);
    this.aggScores = new Float32Array(T);
    // Rows at the edges of a run: BOS on the left (word and shape), EOS on the right.
    this.edge = new Int16Array(4 * T);
    this.row(this.edge, 0, mix(11, BOS), mix(15, BOS));
    this.row(this.edge, T, mix(13, BOS));
    this.row(this.edge, 2 * T, mix(12, EOS), mix(16, EOS));
    this.row(this.edge, 3 * T, mix(14, EOS));
    this.docTable = new Int16Array(128 * T);
    for (let v = 0; v < 128; v++) this.row(this.docTable, v * T, mix(28, v));
    this.triTable = new Int16Array(64 * 7 * T);
    for (let a = 0; a < 64; a++) for (let b = 0; b < 7; b++) this.row(this.triTable, (a * 7 + b) * T, mix(31, a, b));
  }

  /** Writes the summed weights of features `f` (and `g`, if given) into out[at .. at+T). */
  private row(out: Int16Array, at: number, f: number, g = -1): void {
    const T = this.w.nTags;
    this.tmp.fill(0);
    this.feats[0] = f;
    this.feats[1] = g;
    this.feats[2] = -1;
    this.w.addScores(this.feats, 0, this.tmp, 0);
    for (let t = 0; t < T; t++) out[at + t] = this.tmp[t]!;
  }

  /** Base index of word `id`'s rows, computing them on first use. */
  private rowsOf(id: number): number {
    const T = this.w.nTags,
      lex = this.lex,
      base = (4 + id * ROWS) * T;
    if (this.has[id]) return base;
    const wh = lex.wh[id]!,
      sh = lex.sh[id]!;
    this.row(this.rows, base, mix(11, wh), mix(15, sh));
    this.row(this.rows, base + T, mix(13, wh));
    this.row(this.rows, base + 2 * T, mix(12, wh), mix(16, sh));
    this.row(this.rows, base + 3 * T, mix(14, wh));
    this.row(this.rows, base + 4 * T, mix(21, 0, sh));
    this.row(this.rows, base + 5 * T, mix(21, 1, sh), mix(22, wh));
    this.has[id] = 1;
    return base;
  }

  /** Base index of the summed aggregated-context row of capitalised word `id` in this article, or -1 if it has none. */
  private aggOf(id: number, ctx: DocContext): number {
    const T = this.w.nTags,
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
      const list = ctx.agg.get(this.lex.wh[id]!);
      // Article stamps start at 1, so fresh (zeroed) entries never look valid; a word without a list gets a zero row.
      this.aggScores.fill(0);
      if (list) {
        for (let k = 0; k < list.length; k++) this.aggFeats[k] = list[k]!;
        this.aggFeats[list.length] = -1;
        this.w.addScores(this.aggFeats, 0, this.aggScores, 0);
      }
      for (let t = 0; t < T; t++) this.aggRows[l * T + t] = this.aggScores[t]!;
      this.aggStamp[l] = ctx.stamp;
    }
    return l * T;
  }

  /**
   * Adds the cached context rows of every open token of the run [from, to) to its
   * emission row (emit[(i-from)*T ...]); tokens flagged in `closed` are skipped.
   * Mirrors the matching templates of featurize, which leaves them out when told to.
   */
  add(info: TokenInfo, from: number, to: number, ctx: DocContext, closed: Uint8Array, emit: Float32Array): void {
    const T = this.w.nTags,
      lex = this.lex;
    if (this.generation !== lex.generation || lex.size > this.has.length)
      this.resize(this.generation !== lex.generation);
    const { wid, cls, lid } = info,
      rows = this.rows;
    const caps = isCapsRange(info, from, to) ? 1 : 0,
      docTable = this.docTable,
      triTable = this.triTable;
    let first = from;
    while (first < to - 1 && cls[first] === Cls.Other) first++;
    for (let i = from; i < to; i++) {
      if (closed[i - from]) continue;
      const so = (i - from) * T,
        c0 = cls[i]!,
        init = i === first ? 1 : 0;
      // Outside the run, the edge rows (stored first in `rows`) stand in for the missing words.
      const l1 = i > from ? this.rowsOf(wid[i - 1]!) : 0,
        l2 = (i > from + 1 ? this.rowsOf(wid[i - 2]!) : 0) + T;
      const r1 = (i + 1 < to ? this.rowsOf(wid[i + 1]!) : 0) + 2 * T,
        r2 = (i + 2 < to ? this.rowsOf(wid[i + 2]!) : 0) + 3 * T;
      const self = this.rowsOf(wid[i]!) + (init ? 5 : 4) * T;
      const l = lid[i]!;
      const docBits = (lex.lowerStamp[l] === ctx.stamp ? 1 : 0) | (lex.titleStamp[l] === ctx.stamp ? 2 : 0);
      const doc = (docBits | (c0 << 2) | (init << 5) | (caps << 6)) * T;
      const cm1 = i > from ? cls[i - 1]! : 6,
        cp1 = i + 1 < to ? cls[i + 1]! : 6;
      const tri = ((cm1 * 8 + c0) * 7 + cp1) * T;
      if (c0 === Cls.Title || c0 === Cls.Caps) {
        const agg = this.aggOf(wid[i]!, ctx),
          aggRows = this.aggRows;
        for (let t = 0; t < T; t++) emit[so + t]! += aggRows[agg + t]!;
      }
      for (let t = 0; t < T; t++) {
        emit[so + t]! +=
          rows[l1 + t]! +
          rows[l2 + t]! +
          rows[r1 + t]! +
          rows[r2 + t]! +
          rows[self + t]! +
          docTable[doc + t]! +
          triTable[tri + t]!;
      }
    }
  }

  private resize(clear: boolean): void {
    const T = this.w.nTags,
      n = Math.max(this.lex.size * 2, 4096);
    const rows = new Int16Array((4 + n * ROWS) * T),
      has = new Uint8Array(n);
    if (!clear) {
      rows.set(this.rows);
      has.set(this.has);
    }
    rows.set(this.edge);
    this.rows = rows;
    this.has = has;
    this.generation = this.lex.generation;
  }
}
