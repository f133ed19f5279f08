/**
 * Per-word cache of the summed weights of word-intrinsic features (word, shape,
 * affixes, length): computed once per distinct word, then copied per token.
 */
import { SLOTS, intrinsicFeatures } from './features';
import { Cls, type Lexicon } from './lexicon';
import type { EmissionSource } from './tagger';

/** Cached intrinsic emission scores, keyed by Lexicon word id. */
export class IntrinsicCache {
  private generation = -1;
  private scores = new Float32Array(0);
  private has = new Uint8Array(0);
  private readonly feats = new Int32Array(SLOTS);

  /**
   * @param open hashes of the lower-case words and symbols that occurred inside a
   *   name in training ("of", "&", "de"); every other such word is always tagged O.
   */
  constructor(
    private readonly w: EmissionSource,
    private readonly lex: Lexicon,
    private readonly open: Set<number>,
  ) {}

  /**
   * Writes the intrinsic scores of word `id` into emit[so .. so+nTags). Returns true
   * for a closed word (always O): only emit[so] (tag O) is then written, as decoding
   * reads nothing else for it, and it needs no other features.
   */
  fill(id: number, emit: Float32Array, so: number): boolean {
    const T = this.w.nTags,
      lex = this.lex;
    if (this.generation !== lex.generation || id >= this.has.length) this.resize(lex.generation !== this.generation);
    let state = this.has[id]!;
    if (!state) {
      const c = lex.cls[id]!;
      const closed = (c === Cls.Lower || c === Cls.Other || c === Cls.Digit) && !this.open.has(lex.wh[id]!);
      this.scores.fill(closed ? -1e9 : 0, id * T, id * T + T);
      if (closed) this.scores[id * T] = 0;
      else {
        const k = intrinsicFeatures(lex.lower[id]!, lex.wh[id]!, lex.sh[id]!, c, this.feats, 0);
        this.feats[k] = -1;
        this.w.addScores(this.feats, 0, this.scores, id * T);
      }
      state = this.has[id] = closed ? 2 : 1;
    }
    // A closed word's row is only ever read at tag O (Viterbi gives closed tokens one column).
    if (state === 2) {
      emit[so] = 0;
      return true;
    }
    for (let t = 0; t < T; t++) emit[so + t] = this.scores[id * T + t]!;
    return false;
  }

  private resize(clear: boolean): void {
    const T = this.w.nTags,
      n = Math.max(this.lex.size * 2, 4096);
    const scores = new Float32Array(n * T),
      has = new Uint8Array(n);
    if (!clear) {
      scores.set(this.scores);
      has.set(this.has);
    }
    this.scores = scores;
    this.has = has;
    this.generation = this.lex.generation;
  }
}
