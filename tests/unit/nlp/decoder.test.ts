// Viterbi decoding under BIO constraints, the model file format, and parseModel's errors.
import { describe, it, expect } from 'vitest';
import { viterbi, allowed, tagB, tagI } from '../../../lib/nlp/tagger';
import { encodeTagger, decodeTagger, toBase64, fromBase64 } from '../../../lib/nlp/model-format';
import { parseModel } from '../../../lib/nlp/detector';

/** Transitions for 2 kinds (5 tags), zero everywhere BIO allows a move, −∞ elsewhere. */
function bioTrans(T: number): Float32Array {
  const tr = new Float32Array((T + 1) * T);
  for (let p = 0; p <= T; p++) for (let t = 0; t < T; t++) tr[p * T + t] = allowed(p, t, T) ? 0 : -Infinity;
  return tr;
}

describe('viterbi', () => {
  const T = 5; // O, B-0, I-0, B-1, I-1

  it('follows the emissions when they are consistent', () => {
    const emit = Float32Array.from([0, 5, 0, 0, 0, /**/ 0, 0, 5, 0, 0, /**/ 5, 0, 0, 0, 0]);
    const out = new Uint8Array(3);
    viterbi(emit, 3, T, bioTrans(T), out);
    expect([...out]).toEqual([tagB(0), tagI(0), 0]);
  });

  it('never starts a name with I, nor continues another kind', () => {
    // Token 0 prefers I-0 (forbidden at start); token 2 prefers I-1 right after I-0 (forbidden).
    const emit = Float32Array.from([1, 2, 3, 0, 0, /**/ 0, 0, 4, 0, 0, /**/ 0, 0, 0, 0, 3]);
    const out = new Uint8Array(3);
    viterbi(emit, 3, T, bioTrans(T), out);
    expect(out[0]).toBe(tagB(0));
    expect(out[1]).toBe(tagI(0));
    expect(out[2]).not.toBe(tagI(1));
  });

  it('uses transition scores to break ties between paths', () => {
    const tr = bioTrans(T);
    tr[tagB(1) * T + tagI(1)] = 2; // B-1 → I-1 is rewarded
    const emit = Float32Array.from([0, 1, 0, 1, 0, /**/ 1, 0, 0.5, 0, 0.5]);
    const out = new Uint8Array(2);
    viterbi(emit, 2, T, tr, out);
    expect([...out]).toEqual([tagB(1), tagI(1)]);
  });

  it('forces closed tokens to O', () => {
    const emit = Float32Array.from([0, 9, 0, 0, 0, /**/ 0, 9, 0, 0, 0]);
    const out = new Uint8Array(2);
    viterbi(emit, 2, T, bioTrans(T), out, undefined, undefined, Uint8Array.from([0, 1]));
    expect([...out]).toEqual([tagB(0), 0]);
  });
});

describe('tagger file format', () => {
  it('round-trips base64', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) & 255);
    for (const n of [0, 1, 2, 3, 999, 1000])
      expect([...fromBase64(toBase64(bytes.subarray(0, n)))]).toEqual([...bytes.subarray(0, n)]);
  });

  it('encodes and decodes weights with the same ranking of tags', () => {
    const bits = 4,
      T = 3;
    const dense = new Float64Array((1 << bits) * T);
    dense[5 * T + 1] = 2.5;
    dense[5 * T + 2] = -1;
    dense[9 * T] = 0.7;
    const trans = new Float64Array((T + 1) * T).fill(0.25);
    trans[0 * T + 2] = -1e4; // O → I forbidden
    const model = decodeTagger(encodeTagger(['person'], bits, dense, trans, 0, [42]));
    const scores = new Float32Array(T);
    model.weights.addScores(Int32Array.from([5, -1]), 0, scores, 0);
    expect(scores[1]).toBeGreaterThan(scores[0]!);
    expect(scores[2]).toBeLessThan(0);
    expect(model.trans[2]).toBe(-Infinity);
    expect(model.open.has(42)).toBe(true);
  });

  it('rejects malformed files with a clear message', () => {
    expect(() => decodeTagger('{oops')).toThrow(/tagger\.json is not valid JSON/);
    expect(() => decodeTagger('{"format":"other"}')).toThrow(/not a backstory-tagger/);
    expect(() => parseModel({ 'gazetteer.json': '{}' })).toThrow(/tagger\.json is missing/);
  });
});
