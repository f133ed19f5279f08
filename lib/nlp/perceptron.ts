/**
 * Structured averaged perceptron over hashed features (training side only).
 * Averaging uses the usual trick: keep w and u = Σ c·Δ, average = w − u / c.
 */
import { SLOTS } from './features';
import { allowed, decode, type EmissionSource } from './tagger';

/** Dense trainable weights: 2^bits buckets × nTags, plus the transition matrix. */
export class Perceptron implements EmissionSource {
  readonly w: Float64Array;
  readonly u: Float64Array;
  readonly tw: Float64Array;
  readonly tu: Float64Array;
  /** Transitions as used by decode (with −∞ on BIO-forbidden moves). */
  readonly trans: Float32Array;
  private c = 1;
  private readonly mask: number;

  constructor(
    readonly bits: number,
    readonly nTags: number,
  ) {
    this.w = new Float64Array((1 << bits) * nTags);
    this.u = new Float64Array(this.w.length);
    this.tw = new Float64Array((nTags + 1) * nTags);
    this.tu = new Float64Array(this.tw.length);
    this.trans = new Float32Array(this.tw.length);
    this.mask = (1 << bits) - 1;
    this.syncTrans();
  }

  addScores(feats: Int32Array, off: number, scores: Float32Array, so: number): void {
    const T = this.nTags,
      w = this.w;
    for (let f = off, end = off + SLOTS; f < end; f++) {
      const id = feats[f];
      if (id! < 0) break;
      const base = (id! & this.mask) * T;
      for (let t = 0; t < T; t++) scores[so + t]! += w[base + t]!;
    }
  }

  private syncTrans(): void {
    const T = this.nTags;
    for (let p = 0; p <= T; p++)
      for (let t = 0; t < T; t++) this.trans[p * T + t] = allowed(p, t, T) ? this.tw[p * T + t]! : -Infinity;
  }

  private bump(feats: Int32Array, off: number, tag: number, d: number): void {
    const T = this.nTags;
    for (let f = off, end = off + SLOTS; f < end; f++) {
      const id = feats[f];
      if (id! < 0) break;
      const k = (id! & this.mask) * T + tag;
      this.w[k]! += d;
      this.u[k]! += this.c * d;
    }
  }

  private bumpTrans(p: number, t: number, d: number): void {
    const k = p * this.nTags + t;
    this.tw[k]! += d;
    this.tu[k]! += this.c * d;
  }

  /** One training step on a run of n tokens with gold tags; returns the number of wrong tags. */
  learn(feats: Int32Array, n: number, gold: Uint8Array, pred: Uint8Array): number {
    decode(this, this.trans, feats, n, pred);
    let wrong = 0;
    const T = this.nTags;
    for (let i = 0; i < n; i++) {
      const gp = i === 0 ? T : gold[i - 1],
        pp = i === 0 ? T : pred[i - 1];
      if (gold[i] !== pred[i]) {
        wrong++;
        this.bump(feats, i * SLOTS, gold[i]!, 1);
        this.bump(feats, i * SLOTS, pred[i]!, -1);
      }
      if (gold[i] !== pred[i] || gp !== pp) {
        this.bumpTrans(gp!, gold[i]!, 1);
        this.bumpTrans(pp!, pred[i]!, -1);
      }
    }
    if (wrong) this.syncTrans();
    this.c++;
    return wrong;
  }

  /** Averaged emission and transition weights. */
  averaged(): { dense: Float64Array; trans: Float64Array } {
    const dense = new Float64Array(this.w.length);
    for (let i = 0; i < dense.length; i++) dense[i] = this.w[i]! - this.u[i]! / this.c;
    const trans = new Float64Array(this.tw.length);
    const T = this.nTags;
    for (let p = 0; p <= T; p++) {
      for (let t = 0; t < T; t++) {
        const k = p * T + t;
        trans[k] = allowed(p, t, T) ? this.tw[k]! - this.tu[k]! / this.c : -1e4;
      }
    }
    return { dense, trans };
  }
}
