/**
 * Trains the tagger (structured averaged perceptron, BIO tags) from the train
 * splits in /work/shared/corpora and writes public/model/{tagger,gazetteer}.json.
 * Seeded and deterministic.
 *
 *   npm run train [-- --epochs 12 --bits 20 --out public/model]
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeGazetteer } from './build-gazetteer';
import { Gazetteer } from '../lib/nlp/gazetteer';
import { Article, forEachRun } from '../lib/nlp/analyze';
import { featurize, SLOTS } from '../lib/nlp/features';
import { Cls, Lexicon } from '../lib/nlp/lexicon';
import { Perceptron } from '../lib/nlp/perceptron';
import { encodeTagger } from '../lib/nlp/model-format';
import { tagB, tagI, type TagKind } from '../lib/nlp/tagger';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : def;
};
const CORPORA: string = opt('corpora', path.resolve(import.meta.dirname, '../../shared/corpora'));
const OUT = opt('out', 'public/model');
const EPOCHS = Number(opt('epochs', '14'));
const BITS = Number(opt('bits', '18'));
const MIN_ABS = Number(opt('min-abs', '0'));
const SEED = Number(opt('seed', '1996'));
const AUGMENT = Number(opt('augment', '0.3'));
const KINDS: TagKind[] = ['person', 'organization', 'place', 'misc', 'event'];

interface Doc {
  id: string;
  text: string;
  entities: { start: number; end: number; kind: string }[];
}
/** One decoding run of the training data: its features and gold tags. */
interface Run {
  feats: Int32Array;
  gold: Uint8Array;
}
/** Per hash of lower-case words, digits and symbols: [occurrences, occurrences inside a name]. */
const wordCounts = new Map<number, [number, number]>();
/** Such a word stays "open" (taggable) when at least this share of its occurrences is inside a name. */
const OPEN_RATE = Number(opt('open-rate', '0'));

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadDocs(): Doc[] {
  const files = fs
    .readdirSync(CORPORA)
    .filter((f) => f.endsWith('-train.jsonl'))
    .sort();
  console.log(`training files: ${files.join(', ')}`);
  return files.flatMap((f) =>
    fs
      .readFileSync(path.join(CORPORA, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Doc),
  );
}

/**
 * British-style copies of some documents: acronyms of 4+ letters written as
 * words ("NATO" -> "Nato", "UNESCO" -> "Unesco"), outside ALL-CAPS lines, so the
 * tagger learns that word identity, not only shape, decides the kind. Same length, same offsets.
 */
function titleCaseAcronyms(doc: Doc): Doc {
  const text = doc.text
    .split('\n')
    .map((line) => {
      const letters = line.replace(/[^A-Za-z]/g, '');
      if (letters.length && letters.replace(/[^A-Z]/g, '').length * 2 > letters.length) return line;
      return line.replace(/\b[A-Z]{4,}\b/g, (w) => w[0] + w.slice(1).toLowerCase());
    })
    .join('\n');
  return { ...doc, id: `${doc.id}-tc`, text };
}

/** Featurises every sentence of every document once, with gold BIO tags from the entity offsets. */
function prepare(docs: Doc[], gaz: Gazetteer): Run[] {
  const runs: Run[] = [];
  const lex = new Lexicon();
  const gazBits = new Uint8Array(256);
  for (const doc of docs) {
    const art = new Article([doc.text], lex);
    const ctx = art.context();
    art.forEach((a) => {
      const tags = new Uint8Array(a.info.n);
      for (const e of doc.entities) {
        const k = KINDS.indexOf(e.kind as TagKind);
        if (k < 0) continue;
        let first = true;
        a.info.start.forEach((start, i) => {
          if (start + a.offset >= e.start && a.info.end[i]! + a.offset <= e.end) {
            tags[i] = first ? tagB(k) : tagI(k);
            first = false;
          }
        });
      }
      tags.forEach((t, i) => {
        const c = a.info.cls[i]!;
        if (c !== Cls.Lower && c !== Cls.Other && c !== Cls.Digit) return;
        const n = wordCounts.get(a.info.wh[i]!) ?? [0, 0];
        n[0]++;
        if (t) n[1]++;
        wordCounts.set(a.info.wh[i]!, n);
      });
      forEachRun(a.sentences, (from, to) => {
        const feats = new Int32Array((to - from) * SLOTS);
        featurize(a.info, from, to, ctx, gaz, gazBits, feats);
        runs.push({ feats, gold: tags.slice(from, to) });
      });
    });
  }
  return runs;
}

/** Lower-case words, digits and symbols that are inside a name often enough to keep taggable. */
function openWords(): number[] {
  const out: number[] = [];
  for (const [h, [n, inside]] of wordCounts) if (inside > 0 && inside >= n * OPEN_RATE) out.push(h);
  console.log(`${out.length} open lower-case words/symbols of ${wordCounts.size}`);
  return out;
}

function main(): void {
  const t0 = Date.now();
  const gaz = new Gazetteer(writeGazetteer(OUT!));
  const docs = loadDocs();
  const pick = rng(SEED + 1);
  const augmented = docs.filter(() => pick() < AUGMENT).map(titleCaseAcronyms);
  const runs = prepare(docs.concat(augmented), gaz);
  const tokens = runs.reduce((n, r) => n + r.gold.length, 0);
  console.log(
    `${runs.length} sentences, ${tokens} tokens, features ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  const model = new Perceptron(BITS, 1 + 2 * KINDS.length);
  const random = rng(SEED);
  const order = runs.map((_, i) => i);
  const pred = new Uint8Array(256);
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let wrong = 0;
    for (const i of order) wrong += model.learn(runs[i]!.feats!, runs[i]!.gold.length, runs[i]!.gold!, pred);
    console.log(`epoch ${epoch}: ${wrong} wrong tags (${((100 * wrong) / tokens).toFixed(2)} %)`);
  }
  const { dense, trans } = model.averaged();
  const json = encodeTagger(KINDS, BITS, dense, trans, MIN_ABS, openWords());
  fs.writeFileSync(path.join(OUT!, 'tagger.json'), json);
  console.log(
    `wrote ${OUT}/tagger.json (${(json.length / 1e6).toFixed(2)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

main();
