/**
 * Runtime emission weights, packed: only the non-zero rows of the 2^bits x nTags
 * int8 table are stored (about a quarter of them), found through a bitmap with
 * per-word rank counts. The packed rows and the index take about a third of the
 * dense table's memory, so the random reads of hashed features stay in the CPU
 * caches far more often; a bucket whose row is all zero is skipped without a read.
 */
import { SLOTS } from './features';
import type { EmissionSource } from './tagger';

/** Number of set bits in a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The tagger's weights: feature id & mask = bucket; each bucket has a row of nTags int8 weights (most are zero). */
export class PackedWeights implements EmissionSource {
  readonly mask: number;
  /** Bit b set when bucket b has a non-zero row. */
  private readonly bitmap: Uint32Array;
  /** Number of non-zero rows before each 32-bucket word of the bitmap. */
  private readonly rank: Int32Array;

  /**
   * @param buckets ascending bucket ids of the stored rows
   * @param rows their weights, `nTags` int8 values per bucket, in the same order
   */
  constructor(
    readonly bits: number,
    readonly nTags: number,
    buckets: ArrayLike<number>,
    readonly rows: Int8Array,
  ) {
    this.mask = (1 << bits) - 1;
    const words = Math.max(1, (1 << bits) >>> 5);
    this.bitmap = new Uint32Array(words);
    this.rank = new Int32Array(words);
    for (let r = 0; r < buckets.length; r++) {
      const b = buckets[r]!;
      if (b < 0 || b > this.mask || (r > 0 && b <= buckets[r - 1]!))
        throw new Error('tagger.json: bucket ids must be ascending and in range');
      this.bitmap[b >>> 5]! |= 1 << (b & 31);
    }
    for (let w = 1; w < words; w++) this.rank[w] = this.rank[w - 1]! + popcount(this.bitmap[w - 1]!);
  }

  /** Index in `rows` of the row of feature `id`, or -1 when its weights are all zero. */
  rowOf(id: number): number {
    const b = id & this.mask,
      word = this.bitmap[b >>> 5]!,
      bit = 1 << (b & 31);
    if (!(word & bit)) return -1;
    return (this.rank[b >>> 5]! + popcount(word & (bit - 1))) * this.nTags;
  }

  /** Adds the weights of `feats[off .. off+SLOTS)` (−1 ends the list) to `scores[so .. so+nTags)`. */
  addScores(feats: Int32Array, off: number, scores: Float32Array, so: number): void {
    const T = this.nTags,
      rows = this.rows;
    for (let f = off, end = off + SLOTS; f < end; f++) {
      const id = feats[f]!;
      if (id < 0) break;
      const r = this.rowOf(id);
      if (r >= 0) for (let t = 0; t < T; t++) scores[so + t]! += rows[r + t]!;
    }
  }

  /** Adds the row of feature `id` to `scores[so .. so+nTags)`. */
  addOne(id: number, scores: Float32Array, so: number): void {
    const r = this.rowOf(id);
    if (r < 0) return;
    const T = this.nTags,
      rows = this.rows;
    for (let t = 0; t < T; t++) scores[so + t]! += rows[r + t]!;
  }
}
