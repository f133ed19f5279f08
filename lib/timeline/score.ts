/**
 * Scores date extraction against hand-annotated sentences (tests/fixtures/timeline/sentences.json):
 * precision and recall of the dates found (a found date matches an expected one when their spans
 * overlap) and accuracy of the resolved values of the matched ones (value, precision and part).
 */
import { dayOfIso, type When } from './calendar';
import { extractDates } from './extract';

export interface Expected {
  text: string;
  value: string | null;
  precision: string;
  part?: string;
}

export interface AnnotatedSentence {
  page: string;
  published: string | null;
  sentence: string;
  expected: Expected[];
}

export interface Scores {
  sentences: number;
  expected: number;
  found: number;
  matched: number;
  correct: number;
  precision: number;
  recall: number;
  accuracy: number;
  /** One line per miss, wrong value or spurious find. */
  problems: string[];
}

const resolvedValue = (w: When) => (w.kind === 'resolved' ? w.value : null);

/** Scores extractDates on the annotated sentences. */
export function scoreSentences(items: AnnotatedSentence[]): Scores {
  let expected = 0,
    found = 0,
    matched = 0,
    correct = 0;
  const problems: string[] = [];
  for (const item of items) {
    const got = extractDates(item.sentence, item.published ? dayOfIso(item.published) : null);
    const used = new Set<number>();
    found += got.length;
    for (const want of item.expected) {
      expected++;
      const at = item.sentence.indexOf(want.text);
      const i = got.findIndex((g, j) => !used.has(j) && at >= 0 && g.start < at + want.text.length && at < g.end);
      const g = got[i];
      if (!g) {
        problems.push(`${item.page}: missed "${want.text}"`);
        continue;
      }
      used.add(i);
      matched++;
      const ok =
        resolvedValue(g.when) === want.value &&
        g.when.precision === want.precision &&
        (g.when.part ?? undefined) === want.part;
      if (ok) correct++;
      else
        problems.push(
          `${item.page}: "${g.text}" → ${resolvedValue(g.when)} ${g.when.precision} ${g.when.part ?? ''}, want ${want.value} ${want.precision} ${want.part ?? ''}`,
        );
    }
    got.forEach((g, j) => {
      if (!used.has(j)) problems.push(`${item.page}: spurious "${g.text}"`);
    });
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    sentences: items.length,
    expected,
    found,
    matched,
    correct,
    precision: ratio(matched, found),
    recall: ratio(matched, expected),
    accuracy: ratio(correct, matched),
    problems,
  };
}
