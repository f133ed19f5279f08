/**
 * Aggregated-context rows (features 40, 41: the words around a capitalised word's occurrences in
 * the article, see addToContext): each word's row as a left or right neighbour is summed once per
 * lexicon generation, and per article each capitalised word's row is the sum of its neighbours'.
 */
import { mix } from './hash';
import { aggCount, type DocContext } from './features';
import { AGG_MAX, type Lexicon } from './lexicon';
import type { RowWriter } from './row-tables';

/** Per-word and per-article aggregated-context rows for emissions(). */
export class AggRows {
  private readonly T: number;
  /** Rows of each word as a left (id * 2) or right (id * 2 + 1) neighbour; hasNb: 0 = not yet, 1 = all zero, 2 = some weight. */
  private nb = new Int16Array(0);
  private hasNb = new Uint8Array(0);
  /** Per folded word: its summed row, the article stamp it was summed for, and whether it is non-zero. */
  rows = new Int16Array(0);
  private stamp = new Uint32Array(0);
  private any = new Uint8Array(0);

  constructor(
    private readonly rw: RowWriter,
    private readonly lex: Lexicon,
  ) {
    this.T = rw.T;
  }

  /**
   * Base index of the summed aggregated-context row of capitalised word `id` in this article,
   * or -1 when that row is all zero (most neighbours' features have no weights).
   */
  of(id: number, ctx: DocContext): number {
    const T = this.T,
      lex = this.lex,
      l = lex.lid[id]!;
    if (l >= this.stamp.length) {
      const n = Math.max(lex.lid.length, l + 1) * 2;
      const stamp = new Uint32Array(n),
        rows = new Int16Array(n * T),
        any = new Uint8Array(n);
      stamp.set(this.stamp);
      rows.set(this.rows);
      any.set(this.any);
      this.stamp = stamp;
      this.rows = rows;
      this.any = any;
    }
    const base = l * T;
    if (this.stamp[l] !== ctx.stamp) {
      // Article stamps start at 1, so fresh (zeroed) entries never look valid; a word without a list gets no row.
      const n = aggCount(ctx, l),
        rows = this.rows;
      let any = false;
      for (let k = 0; k < n; k++) {
        const from = lex.aggW[l * AGG_MAX + k]!;
        let has = this.hasNb[from]!;
        if (has === 0) {
          this.rw.row(this.nb, from * T, [mix(40 + (from & 1), lex.wh[from >> 1]!)]);
          has = 1;
          for (let t = 0; t < T; t++) if (this.nb[from * T + t] !== 0) has = 2;
          this.hasNb[from] = has;
        }
        if (has === 1) continue; // an all-zero row
        const aggNb = this.nb;
        if (!any) rows.fill(0, base, base + T);
        any = true;
        for (let t = 0, src = from * T; t < T; t++) rows[base + t]! += aggNb[src + t]!;
      }
      this.stamp[l] = ctx.stamp;
      this.any[l] = any ? 1 : 0;
    }
    return this.any[l] ? base : -1;
  }

  /** Sizes the per-word rows for `n` words, clearing them when the word cache was reset. */
  resize(n: number, clear: boolean): void {
    const nb = new Int16Array(2 * n * this.T),
      hasNb = new Uint8Array(2 * n);
    if (!clear) {
      nb.set(this.nb);
      hasNb.set(this.hasNb);
    }
    this.nb = nb;
    this.hasNb = hasNb;
  }
}
