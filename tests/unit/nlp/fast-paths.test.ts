// The detector's speed paths must not change its decisions: the BIO-specialised Viterbi against a
// full search, the tokeniser's interning against plain slicing, the packed weight table against
// the dense one, and the cached emission rows (ContextCache) against scoring every feature of the
// tagger's templates.
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { viterbi, allowed } from '../../../lib/nlp/tagger';
import { tokenize } from '../../../lib/nlp/tokenize';
import { Lexicon } from '../../../lib/nlp/lexicon';
import { Article, forEachRun } from '../../../lib/nlp/analyze';
import { featurize, SLOTS } from '../../../lib/nlp/features';
import { ContextCache } from '../../../lib/nlp/context-cache';
import { emissions } from '../../../lib/nlp/emissions';
import { Cls } from '../../../lib/nlp/lexicon';
import { fromBase64 } from '../../../lib/nlp/model-format';
import { parseModel, MODEL_FILES, type ModelData } from '../../../lib/nlp/detector';

/** Seeded PRNG, so failures reproduce. */
function rng(seed: number): () => number {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** Reference decoder: every predecessor of every tag, closed tokens restricted to O. */
function fullViterbi(emit: Float32Array, n: number, T: number, trans: Float32Array, closed: Uint8Array): number[] {
  const score: number[] = [],
    back: number[] = [];
  for (let t = 0; t < T; t++) score[t] = closed[0] && t ? -Infinity : emit[t]! + trans[T * T + t]!;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = -Infinity,
        arg = 0;
      for (let p = 0; p < T; p++) {
        const v = score[(i - 1) * T + p]! + trans[p * T + t]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[i * T + t] = closed[i] && t ? -Infinity : best + emit[i * T + t]!;
      back[i * T + t] = arg;
    }
  }
  let arg = 0;
  for (let t = 1; t < T; t++) if (score[(n - 1) * T + t]! > score[(n - 1) * T + arg]!) arg = t;
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg]!;
  }
  return out;
}

describe('BIO-specialised Viterbi', () => {
  it('finds the same path as a full search, closed tokens included', () => {
    const T = 11,
      next = rng(42);
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(next() * 25);
      const trans = new Float32Array((T + 1) * T);
      for (let p = 0; p <= T; p++)
        for (let t = 0; t < T; t++) trans[p * T + t] = allowed(p, t, T) ? Math.round(next() * 20 - 10) : -Infinity;
      const emit = Float32Array.from({ length: n * T }, () => Math.round(next() * 40 - 20));
      const closed = Uint8Array.from({ length: n }, () => (next() < 0.4 ? 1 : 0));
      const out = new Uint8Array(n);
      viterbi(emit, n, T, trans, out, undefined, undefined, closed);
      expect([...out]).toEqual(fullViterbi(emit, n, T, trans, closed));
    }
  });
});

describe('tokeniser interning', () => {
  it('gives the same tokens with and without the word cache, texts shared with the cache', () => {
    const s =
      "U.S. envoy O'Neill met Nato-Russia “experts” in Kyiv… J. Smith, naïve Ångström & AT&T's 1,000.5 km -- ok 😀 Mr. X.\r\nNext";
    const lex = new Lexicon(),
      ids: number[] = [];
    const plain = tokenize(s),
      interned = tokenize(s, lex, ids);
    expect(interned).toEqual(plain);
    interned.forEach((t, i) => {
      expect(lex.text[ids[i]!]).toBe(t.text);
    });
    // A second pass finds every word again instead of adding it.
    const size = lex.size;
    tokenize(s, lex, []);
    expect(lex.size).toBe(size);
  });

  it('finds every word again after the table has grown, short and long, in and out of the packed slot', () => {
    const lex = new Lexicon(),
      next = rng(7),
      alphabet = 'abcXYZ中文é\uffff-';
    // Words of 1-16 characters (some longer than the slot holds), with characters above 0x7fff.
    const words = Array.from({ length: 12_000 }, (_, i) => {
      let w = '';
      for (let k = 0, n = 1 + (i % 16); k < n; k++) w += alphabet[Math.floor(next() * alphabet.length)];
      return w;
    });
    const ids = words.map((w) => lex.id(w));
    words.forEach((w, i) => {
      expect(lex.id(w)).toBe(ids[i]);
      expect(lex.text[ids[i]!]).toBe(w);
      // The same characters inside a longer text are the same word.
      expect(lex.idAt(`(${w})`, 1, w.length + 1)).toBe(ids[i]);
    });
    // Words that share a prefix of the packed length but differ later are different words.
    expect(lex.id('abcdefghijK')).not.toBe(lex.id('abcdefghijL'));
    expect(lex.id('ab')).not.toBe(lex.id('abc'));
  });
});

describe('piece analyses', () => {
  it('keep their token arrays intact while later pieces are analysed (arena slices never overlap)', () => {
    const text = fs
      .readFileSync(path.resolve(__dirname, '../../../../shared/corpora/conll2003-dev.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 60)
      .map((l) => (JSON.parse(l) as { text: string }).text)
      .join('\n');
    expect(text.length).toBeGreaterThan(60_000); // several pieces, and more tokens than the arena's first buffer
    const art = new Article([text, 'Jens Stoltenberg met Nato envoys.'], new Lexicon());
    const seen: { piece: string; texts: string[]; starts: number[]; wh: number[] }[] = [];
    art.forEach((a) => {
      seen.push({ piece: a.text, texts: [...a.info.text], starts: [...a.info.start], wh: [...a.info.wh] });
    });
    expect(seen.length).toBeGreaterThan(3);
    let i = 0;
    art.forEach((a) => {
      const plain = tokenize(a.text);
      expect(a.text).toBe(seen[i]!.piece);
      expect([...a.info.text]).toEqual(plain.map((t) => t.text));
      expect([...a.info.start]).toEqual(plain.map((t) => t.start));
      expect([...a.info.start]).toEqual(seen[i]!.starts);
      expect([...a.info.wh]).toEqual(seen[i]!.wh);
      i++;
    });
  });
});

describe('cached emission rows', () => {
  let model: ModelData;
  beforeAll(() => {
    const dir = path.resolve(__dirname, '../../../public/model');
    model = parseModel(Object.fromEntries(MODEL_FILES.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')])));
  });

  it('the packed table holds the same rows as the dense table of the file', () => {
    const dir = path.resolve(__dirname, '../../../public/model');
    const j = JSON.parse(fs.readFileSync(path.join(dir, 'tagger.json'), 'utf8')) as {
      bits: number;
      nTags: number;
      keys: string;
      rows: string;
    };
    const T = j.nTags,
      kb = fromBase64(j.keys),
      rows = new Int8Array(fromBase64(j.rows).buffer);
    const dense = new Int8Array((1 << j.bits) * T);
    for (let i = 0, r = 0, prev = 0; i < kb.length; r++) {
      let d = 0,
        shift = 0,
        byte: number;
      do {
        byte = kb[i++]!;
        d |= (byte & 127) << shift;
        shift += 7;
      } while (byte & 128);
      prev += d;
      dense.set(rows.subarray(r * T, r * T + T), prev * T);
    }
    // Every bucket, reached through a feature id with high bits set (the table masks them off).
    const w = model.tagger.weights,
      got = new Float32Array(T),
      id = new Int32Array([0, -1]);
    let mismatches = 0,
      nonZero = 0;
    for (let b = 0; b < 1 << j.bits; b++) {
      got.fill(0);
      id[0] = (b | (0x5a5 << j.bits)) & 0x7fffffff;
      w.addScores(id, 0, got, 0);
      for (let t = 0; t < T; t++) if (got[t] !== dense[b * T + t]) mismatches++;
      if (got.some((x) => x !== 0)) nonZero++;
    }
    expect(mismatches).toBe(0);
    expect(nonZero).toBeGreaterThan(10000);
  });

  it('sum to the same scores as every feature scored from the weight table', () => {
    const seed = fs.readFileSync(
      path.resolve(__dirname, '../../../../shared/seed/nato-russia-lowest-point.txt'),
      'utf8',
    );
    // The seed article, and CoNLL documents for headlines, sports tables and gazetteer names.
    const conll = fs
      .readFileSync(path.resolve(__dirname, '../../../../shared/corpora/conll2003-dev.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 40)
      .map((l) => [(JSON.parse(l) as { text: string }).text]);
    const articles = [seed.split(/\r?\n/).filter((l) => l.trim()), ...conll];
    const { weights: w, open } = model.tagger,
      T = w.nTags;
    const lex = new Lexicon(),
      rows = new ContextCache(w, lex, open);
    const feats = new Int32Array(200 * SLOTS),
      gazBits = new Uint8Array(200),
      closed = new Uint8Array(200);
    let compared = 0,
      shut = 0;
    for (const blocks of articles) {
      const art = new Article(blocks, lex);
      const ctx = art.context();
      art.forEach((a) => {
        forEachRun(a.sentences, (from, to) => {
          const n = to - from,
            full = new Float32Array(n * T),
            fast = new Float32Array(n * T);
          featurize(a.info, from, to, ctx, model.gazetteer, gazBits, feats);
          for (let i = 0; i < n; i++) w.addScores(feats, i * SLOTS, full, i * T);
          emissions(rows, a.info, from, to, ctx, model.gazetteer, gazBits, closed, fast);
          const { cls, wh } = a.info;
          for (let i = 0; i < n; i++) {
            const c = cls[from + i]!;
            const lowerish = c === Cls.Lower || c === Cls.Digit || c === Cls.Other;
            let capNear = false;
            for (let j = Math.max(0, i - 2); j < Math.min(n, i + 3); j++)
              capNear ||= cls[from + j]! >= 1 && cls[from + j]! <= 3;
            // Closed: a lower-case word or symbol never seen inside a name, or one with no capitalised word near.
            expect(closed[i]).toBe(lowerish && (!open.has(wh[from + i]!) || !capNear) ? 1 : 0);
            if (closed[i]) {
              shut++;
              continue;
            }
            expect([...fast.subarray(i * T, i * T + T)]).toEqual([...full.subarray(i * T, i * T + T)]);
            compared++;
          }
        });
      });
    }
    expect(compared).toBeGreaterThan(2000);
    expect(shut).toBeGreaterThan(2000);
  });
});
