/**
 * Linear-chain sequence tagger: hashed-feature emission weights plus a tag
 * transition matrix, decoded with Viterbi under BIO constraints.
 */
import { SLOTS } from './features';

/** Kinds the tagger knows, in tag order. `misc` is internal and never output. */
export type TagKind = 'person' | 'organization' | 'place' | 'misc' | 'event';

/** BIO tag helpers: tag 0 is O, kind k has B = 1 + 2k and I = 2 + 2k. */
export const tagB = (k: number): number => 1 + 2 * k;
export const tagI = (k: number): number => 2 + 2 * k;
export const tagKind = (t: number): number => (t - 1) >> 1;
export const isB = (t: number): boolean => t > 0 && (t & 1) === 1;

/** Anything that can add a token's emission scores given its feature ids. */
export interface EmissionSource {
  readonly nTags: number;
  /** Adds the weights of `feats[off .. off+SLOTS)` (−1 = unused) to `scores[so .. so+nTags)`. */
  addScores(feats: Int32Array, off: number, scores: Float32Array, so: number): void;
}

/** Compact runtime weights: only buckets with non-zero rows, found through an open-addressing table. */
export class SparseWeights implements EmissionSource {
  private readonly table: Int32Array;
  private readonly tmask: number;

  /**
   * @param bits hash width used in training (feature id & (2^bits − 1) is the bucket)
   * @param keys sorted bucket ids that have weights
   * @param rows keys.length × nTags weights
   */
  constructor(readonly bits: number, readonly nTags: number, readonly keys: Int32Array, readonly rows: Float32Array) {
    let size = 1;
    while (size < keys.length * 2) size <<= 1;
    this.table = new Int32Array(size).fill(-1);
    this.tmask = size - 1;
    for (let r = 0; r < keys.length; r++) {
      let s = Math.imul(keys[r]!, 0x9e3779b1) >>> 0 & this.tmask;
      while (this.table[s] !== -1) s = (s + 1) & this.tmask;
      this.table[s] = r;
    }
  }

  addScores(feats: Int32Array, off: number, scores: Float32Array, so: number): void {
    const mask = (1 << this.bits) - 1, T = this.nTags, { table, tmask, keys, rows } = this;
    for (let f = off, end = off + SLOTS; f < end; f++) {
      const id = feats[f];
      if (id! < 0) break;
      const b = id! & mask;
      let s = Math.imul(b, 0x9e3779b1) >>> 0 & tmask;
      let r: number;
      while ((r! = table[s]) !== -1 && keys[r] !== b) s = (s + 1) & tmask;
      if (r === -1) continue;
      const base = r * T;
      for (let t = 0; t < T; t++) scores[so + t]! += rows[base + t]!;
    }
  }
}

/**
 * Transition matrix layout: (nTags + 1) × nTags, row p = previous tag, row nTags = sentence start.
 * Returns true when moving from `prev` (nTags = start) to `t` is allowed under BIO.
 */
export function allowed(prev: number, t: number, nTags: number): boolean {
  if (t === 0 || isB(t)) return true;
  return prev !== nTags && prev !== 0 && tagKind(prev) === tagKind(t);
}

/**
 * Viterbi decoding of `n` tokens given emission scores (n × T) and transitions
 * ((T+1) × T, −∞ on forbidden moves).
 * Writes the best tag sequence to `out`. Linear in n.
 */
export function viterbi(emit: Float32Array, n: number, T: number, trans: Float32Array, out: Uint8Array): void {
  if (n === 0) return;
  const score = new Float64Array(n * T);
  const back = new Uint8Array(n * T);
  // BIO constraints are baked into `trans` as −∞, so no per-step checks are needed.
  for (let t = 0; t < T; t++) score[t] = emit[t]! + trans[T * T + t]!;
  for (let i = 1; i < n; i++) {
    const cur = i * T, prev = cur - T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity, arg = 0;
      for (let p = 0; p < T; p++) {
        const v = score[prev + p]! + trans[p * T + t]!;
        if (v > best) { best = v; arg = p; }
      }
      score[cur + t] = best + emit[cur + t]!;
      back[cur + t] = arg;
    }
  }
  let best = -Infinity, arg = 0;
  for (let t = 0; t < T; t++) if (score[(n - 1) * T + t]! > best) { best! = score[(n - 1) * T + t]; arg = t; }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg! = back[i * T + arg];
  }
}

/** Scores and decodes one sentence whose features are in `feats` (n × SLOTS). */
export function decode(w: EmissionSource, trans: Float32Array, feats: Int32Array, n: number, out: Uint8Array): void {
  const T = w.nTags;
  const emit = new Float32Array(n * T);
  for (let i = 0; i < n; i++) w.addScores(feats, i * SLOTS, emit, i * T);
  viterbi(emit, n, T, trans, out);
}
