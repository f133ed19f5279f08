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

  constructor(readonly bits: number, readonly nTags: number, readonly table: Int8Array) {
    this.mask = (1 << bits) - 1;
  }

  addScores(feats: Int32Array, off: number, scores: Float32Array, so: number): void {
    const T = this.nTags, mask = this.mask, table = this.table;
    for (let f = off, end = off + SLOTS; f < end; f++) {
      const id = feats[f]!;
      if (id < 0) break;
      const base = (id & mask) * T;
      for (let t = 0; t < T; t++) scores[so + t]! += table[base + t]!;
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
 * ((T+1) × T, −∞ on forbidden moves). Tokens flagged in `closed` can only take tag O.
 * Writes the best tag sequence to `out`. Linear in n.
 */
export function viterbi(
  emit: Float32Array, n: number, T: number, trans: Float32Array, out: Uint8Array,
  score: Float64Array = new Float64Array(n * T), back: Uint8Array = new Uint8Array(n * T), closed?: Uint8Array,
): void {
  if (n === 0) return;
  // BIO constraints are baked into `trans` as −∞, so no per-step checks are needed.
  for (let t = 0; t < T; t++) score[t] = emit[t]! + trans[T * T + t]!;
  for (let i = 1; i < n; i++) {
    const cur = i * T, prev = cur - T;
    // A closed word can only be O: one column instead of T.
    const tn = closed && closed[i] ? 1 : T;
    for (let t = tn; t < T; t++) score[cur + t] = -Infinity;
    for (let t = 0; t < tn; t++) {
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
  for (let t = 0; t < T; t++) if (score[(n - 1) * T + t]! > best) { best = score[(n - 1) * T + t]!; arg = t; }
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
