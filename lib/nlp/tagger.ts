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

/**
 * Runtime weights: a dense 2^bits × nTags int8 table (feature id & mask = bucket),
 * so scoring a feature is one multiply and nTags adds, no probing. Scores are in
 * quantisation units; the transitions are divided by the same scale.
 */
export class DenseWeights implements EmissionSource {
  private readonly mask: number;

  constructor(
    readonly bits: number,
    readonly nTags: number,
    readonly table: Int8Array,
  ) {
    this.mask = (1 << bits) - 1;
  }

  addScores(feats: Int32Array, off: number, scores: Float32Array, so: number): void {
    const T = this.nTags,
      mask = this.mask,
      table = this.table;
    if (T === 11) return this.addScores11(feats, off, scores, so);
    for (let f = off, end = off + SLOTS; f < end; f++) {
      const id = feats[f]!;
      if (id < 0) break;
      const base = (id & mask) * T;
      for (let t = 0; t < T; t++) scores[so + t]! += table[base + t]!;
    }
  }

  /** The shipped model's case (5 kinds, 11 tags), summed in locals: one store per tag instead of one per feature. */
  private addScores11(feats: Int32Array, off: number, scores: Float32Array, so: number): void {
    const mask = this.mask,
      w = this.table;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0,
      s8 = 0,
      s9 = 0,
      s10 = 0;
    for (let f = off, end = off + SLOTS; f < end; f++) {
      const id = feats[f]!;
      if (id < 0) break;
      const b = (id & mask) * 11;
      s0 += w[b]!;
      s1 += w[b + 1]!;
      s2 += w[b + 2]!;
      s3 += w[b + 3]!;
      s4 += w[b + 4]!;
      s5 += w[b + 5]!;
      s6 += w[b + 6]!;
      s7 += w[b + 7]!;
      s8 += w[b + 8]!;
      s9 += w[b + 9]!;
      s10 += w[b + 10]!;
    }
    scores[so]! += s0;
    scores[so + 1]! += s1;
    scores[so + 2]! += s2;
    scores[so + 3]! += s3;
    scores[so + 4]! += s4;
    scores[so + 5]! += s5;
    scores[so + 6]! += s6;
    scores[so + 7]! += s7;
    scores[so + 8]! += s8;
    scores[so + 9]! += s9;
    scores[so + 10]! += s10;
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
 * ((T+1) × T, −∞ on BIO-forbidden moves). Tokens flagged in `closed` can only take tag O
 * (only their column O of `emit` is read).
 * Writes the best tag sequence to `out`. Linear in n.
 *
 * Specialised to BIO: an I- tag can only follow the B- or I- tag of its kind (every other
 * move into it is −∞ in `trans`), so it has two candidate predecessors instead of T; and
 * after a closed token only O is reachable. Both give the same path as the full search.
 */
export function viterbi(
  emit: Float32Array,
  n: number,
  T: number,
  trans: Float32Array,
  out: Uint8Array,
  score: Float64Array = new Float64Array(n * T),
  back: Uint8Array = new Uint8Array(n * T),
  closed?: Uint8Array,
): void {
  if (n === 0) return;
  let prevClosed = closed !== undefined && closed[0] === 1;
  for (let t = 0; t < T; t++) score[t] = prevClosed && t > 0 ? -Infinity : emit[t]! + trans[T * T + t]!;
  for (let i = 1; i < n; i++) {
    const cur = i * T,
      prev = cur - T;
    // A closed word can only be O: one column instead of T.
    const isClosed = closed !== undefined && closed[i] === 1;
    const tn = isClosed ? 1 : T;
    for (let t = tn; t < T; t++) score[cur + t] = -Infinity;
    if (prevClosed) {
      // Only O was reachable at the previous token (the other scores are −∞).
      const s0 = score[prev]!;
      for (let t = 0; t < tn; t++) {
        score[cur + t] = s0 + trans[t]! + emit[cur + t]!;
        back[cur + t] = 0;
      }
    } else {
      for (let t = 0; t < tn; t++) {
        let best = -Infinity,
          arg = 0;
        if (t === 0 || (t & 1) === 1) {
          for (let p = 0; p < T; p++) {
            const v = score[prev + p]! + trans[p * T + t]!;
            if (v > best) {
              best = v;
              arg = p;
            }
          }
        } else {
          // I- tag t: predecessors B- (t − 1) and I- (t) of the same kind, in that order.
          const vb = score[prev + t - 1]! + trans[(t - 1) * T + t]!;
          if (vb > best) {
            best = vb;
            arg = t - 1;
          }
          const vi = score[prev + t]! + trans[t * T + t]!;
          if (vi > best) {
            best = vi;
            arg = t;
          }
        }
        score[cur + t] = best + emit[cur + t]!;
        back[cur + t] = arg;
      }
    }
    prevClosed = isClosed;
  }
  let best = -Infinity,
    arg = 0;
  for (let t = 0; t < T; t++)
    if (score[(n - 1) * T + t]! > best) {
      best = score[(n - 1) * T + t]!;
      arg = t;
    }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg]!;
  }
}

/** Scores and decodes one sentence whose features are in `feats` (n × SLOTS). */
export function decode(w: EmissionSource, trans: Float32Array, feats: Int32Array, n: number, out: Uint8Array): void {
  const T = w.nTags;
  const emit = new Float32Array(n * T);
  for (let i = 0; i < n; i++) w.addScores(feats, i * SLOTS, emit, i * T);
  viterbi(emit, n, T, trans, out);
}
