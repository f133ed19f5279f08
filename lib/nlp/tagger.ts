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
 * A closed token is O whatever comes around it, so the best path splits there: each run of
 * open tokens is decoded on its own, entered from the sentence start or from O and, before a
 * closed token, left into O. Specialised to BIO: an I- tag can only follow the B- or I- tag
 * of its kind (every other move into it is −∞ in `trans`), so it has two candidate
 * predecessors instead of T. Both give the same path as the full search.
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
  if (!closed) return decodeRun(emit, 0, n, T, trans, T, false, out, score, back);
  for (let i = 0; i < n; ) {
    if (closed[i]) {
      out[i++] = 0;
      continue;
    }
    let j = i + 1;
    while (j < n && !closed[j]) j++;
    decodeRun(emit, i, j, T, trans, i === 0 ? T : 0, j < n, out, score, back);
    i = j;
  }
}

/**
 * Decodes the open tokens [from, to): entered from transition row `enter` (T = sentence start,
 * 0 = after an O), and, when `toO`, followed by an O (a closed token).
 */
function decodeRun(
  emit: Float32Array,
  from: number,
  to: number,
  T: number,
  trans: Float32Array,
  enter: number,
  toO: boolean,
  out: Uint8Array,
  score: Float64Array,
  back: Uint8Array,
): void {
  if (to <= from) return;
  for (let t = 0, s = from * T; t < T; t++) score[s + t] = emit[s + t]! + trans[enter * T + t]!;
  for (let i = from + 1; i < to; i++) {
    const cur = i * T,
      prev = cur - T;
    for (let t = 0; t < T; t++) {
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
  const last = (to - 1) * T;
  let best = -Infinity,
    arg = 0;
  for (let t = 0; t < T; t++) {
    const v = toO ? score[last + t]! + trans[t * T]! : score[last + t]!;
    if (v > best) {
      best = v;
      arg = t;
    }
  }
  for (let i = to - 1; i >= from; i--) {
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
