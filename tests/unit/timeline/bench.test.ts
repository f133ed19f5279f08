import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AnnotatedSentence, scoreSentences } from '../../../lib/timeline/score';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/timeline/sentences.json');

describe('timeline bench (tests/fixtures/timeline/sentences.json)', () => {
  it('finds and resolves the annotated dates with at least 90% precision, recall and accuracy', () => {
    const { sentences } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { sentences: AnnotatedSentence[] };
    expect(sentences.length).toBeGreaterThanOrEqual(30);
    const s = scoreSentences(sentences);
    expect(s.precision, s.problems.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(s.recall, s.problems.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(s.accuracy, s.problems.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
