/**
 * `npm run bench:timeline`: scores the timeline's date extraction and resolution on the annotated
 * sentences of tests/fixtures/timeline/sentences.json and prints precision, recall and accuracy.
 * Exits 1 when any figure is below 90%.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type AnnotatedSentence, scoreSentences } from '../lib/timeline/score';

const FIXTURE = path.resolve(import.meta.dirname, '../tests/fixtures/timeline/sentences.json');
const TARGET = 0.9;

const { sentences } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { sentences: AnnotatedSentence[] };
const started = performance.now();
const s = scoreSentences(sentences);
const ms = performance.now() - started;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`timeline dates on ${s.sentences} sentences (${s.expected} annotated dates), ${ms.toFixed(0)} ms`);
console.log(`  found ${s.found}, matched ${s.matched}, resolved right ${s.correct}`);
console.log(`  precision ${pct(s.precision)}  recall ${pct(s.recall)}  resolution accuracy ${pct(s.accuracy)}`);
for (const p of s.problems) console.log(`  - ${p}`);
if (Math.min(s.precision, s.recall, s.accuracy) < TARGET) {
  console.log(`below the ${pct(TARGET)} target`);
  process.exitCode = 1;
}
