/**
 * Finds the date expressions of a piece of article text and resolves them against the article's
 * own date (never today's), keeping their precision. chrono-node finds and reads written dates
 * ("October 20, 2021", "Feb. 23, 2015", "in June"); our rules (rules.ts, bare-year.ts) handle
 * relative phrases, weekdays and bare years, and block chrono's guesses on durations and times of day.
 */
import * as chrono from 'chrono-node';
import { type Day, MONTH_NAMES, resolvedDay, resolvedMonth, validDay, type When } from './calendar';
import { BARE_YEAR, bareYear } from './bare-year';
import { yearFor } from './implied-year';
import { FUTURE_CUE, RULES } from './rules';

/** One date expression in a text: UTF-16 offsets (end exclusive), the words, the date. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  when: When;
}

interface Candidate {
  start: number;
  end: number;
  when: When | null;
  /** From a rule whose phrase is never a date (Rule.span). */
  span?: boolean;
}

const MONTH_WORD = new RegExp(`\\b(${MONTH_NAMES.map((m) => m.slice(0, 3)).join('|')})[a-z]*\\.?`);
const NUMERIC_WITH_YEAR = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b/;

const REPORTED = /\b(?:said|says|told|announced|wrote|reported|added|noted)\b/i;

/**
 * True when the words before `at` (same sentence) speak of the future: a future cue with no
 * reporting verb after it ("plans to … officials said late Thursday" is about the past Thursday).
 */
function futureBefore(text: string, at: number): boolean {
  // A relative clause speaks of its own time ("The minister, who will retire next year, met …").
  const before = text.slice(Math.max(0, at - 160), at).replace(/,\s*(?:who|which|whose|whom)\b[^,]*,/gi, ',');
  const cues = [...before.matchAll(new RegExp(FUTURE_CUE.source, 'gi'))].filter(
    // "Next," opening a sentence orders the telling, not the time.
    (c) => !/^next\s*,/i.test(before.slice(c.index ?? 0)),
  );
  const last = cues[cues.length - 1];
  return last !== undefined && !REPORTED.test(before.slice((last.index ?? 0) + last[0].length));
}

/** Reads one chrono result as a calendar date, or null when it is no date a timeline can use. */
function fromChrono(r: chrono.ParsedResult, article: Day | null, future: boolean): When | null {
  const c = r.start;
  if (!c.isCertain('month')) return null; // times of day, "now", "sat", durations…
  // A month must be written as a word, or the date numeric with a year ("2/26/2015"); "9/11" is no date here.
  const worded = MONTH_WORD.test(r.text);
  if (!worded && !(NUMERIC_WITH_YEAR.test(r.text) && c.isCertain('year'))) return null;
  const month = c.get('month') ?? 0;
  const day = c.isCertain('day') ? (c.get('day') ?? 0) : 0;
  if (c.isCertain('year')) {
    const y = c.get('year') ?? 0;
    if (day === 0) return resolvedMonth(y, month);
    const x = { y, m: month, d: day };
    return validDay(x) ? resolvedDay(x) : null;
  }
  // A month word alone must be capitalised: "may" is a verb.
  if (day === 0 && !/\b[A-Z][a-z]+/.test(r.text)) return null;
  if (!article) return { kind: 'relative', precision: day ? 'day' : 'month', phrase: r.text.trim() };
  const y = yearFor(article, month, day, future);
  if (day === 0) return resolvedMonth(y, month);
  const x = { y, m: month, d: day };
  return validDay(x) ? resolvedDay(x) : null;
}

/** Keeps candidates that do not overlap one already kept, in the order given. */
function keepDisjoint(into: Candidate[], more: Candidate[]): void {
  for (const c of more) if (!into.some((k) => c.start < k.end && k.start < c.end)) into.push(c);
}

/** A chrono reference instant: noon UTC of the article's day (chrono only needs it to read text). */
function reference(article: Day | null): Date {
  return article ? new Date(Date.UTC(article.y, article.m - 1, article.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
}

/**
 * Every date expression in `text` (a sentence is best: tense is read around each date), resolved
 * against `article` (the article's calendar day) or left relative when it is null.
 */
export function extractDates(text: string, article: Day | null): DateMention[] {
  const kept: Candidate[] = [];
  const ours: Candidate[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index ?? 0;
      const when = rule.resolve(m as RegExpExecArray, { article, future: futureBefore(text, start) });
      ours.push({ start, end: start + m[0].length, when, span: rule.span === true });
    }
  }
  // A date wholly inside a longer non-date is part of it: "last year" in "over the last year".
  const blockers = ours.filter((c) => c.span);
  const inside = (c: Candidate) =>
    blockers.some((b) => b.start <= c.start && c.end <= b.end && b.end - b.start > c.end - c.start);
  for (let i = ours.length - 1; i >= 0; i--) if (ours[i]!.when !== null && inside(ours[i]!)) ours.splice(i, 1);
  // Dates first, then the longest: "earlier this month" beats "a week earlier" in "a week earlier this month".
  ours.sort(
    (a, b) =>
      Number(b.when !== null) - Number(a.when !== null) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  keepDisjoint(kept, ours);

  let parsed: chrono.ParsedResult[] = [];
  try {
    parsed = chrono.en.casual.parse(text, { instant: reference(article), timezone: 0 }, { forwardDate: false });
  } catch {
    parsed = []; // chrono never should throw, but a page's odd text must not break the timeline
  }
  keepDisjoint(
    kept,
    parsed.map((r) => ({
      start: r.index,
      end: r.index + r.text.length,
      when: fromChrono(r, article, futureBefore(text, r.index)),
    })),
  );
  keepDisjoint(
    kept,
    [...text.matchAll(BARE_YEAR)].map((m) => ({
      start: m.index ?? 0,
      end: (m.index ?? 0) + m[0].length,
      when: bareYear(m as RegExpExecArray),
    })),
  );
  return kept
    .filter((c): c is Candidate & { when: When } => c.when !== null)
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ start: c.start, end: c.end, text: text.slice(c.start, c.end), when: c.when }));
}
