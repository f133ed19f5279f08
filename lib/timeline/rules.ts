/**
 * Our own rules for what chrono-node does not do the way a news timeline needs: relative phrases
 * resolved against the ARTICLE's date ("earlier this month", "last week", "Monday" — past unless
 * the sentence speaks of the future), parts of months ("early October"). Bare years ("since 2014")
 * are read by bare-year.ts.
 */
import {
  addDays,
  addMonths,
  DAY_NAMES,
  type Day,
  MONTH_NAMES,
  monthNumber,
  type Part,
  type Precision,
  resolvedDay,
  resolvedMonth,
  resolvedWeek,
  resolvedYear,
  type When,
  weekday,
} from './calendar';
import { yearFor } from './implied-year';

/** What a rule knows when it resolves a match. */
export interface RuleContext {
  article: Day | null;
  /** The sentence speaks of the future around the match ("will meet on Friday"). */
  future: boolean;
}

/** A rule: a pattern and how to resolve its match; `null` means "a date word, but no date" (blocks chrono). */
export interface Rule {
  re: RegExp;
  resolve(m: RegExpExecArray, ctx: RuleContext): When | null;
  /**
   * A phrase that is never a date (a duration, an anchor to another event): a date wholly inside
   * it is part of it ("last year" in "over the last year").
   */
  span?: true;
}

const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const MONTH_RE = MONTH_NAMES.join('|');
const DAY_RE = DAY_NAMES.join('|');

/** Words that may end a future-tense verb group right before a date. */
export const FUTURE_CUE =
  /\b(will|'ll|’ll|shall|going to|due to|set to|plans? to|expected to|scheduled to|intends? to|is to|are to|next)\b/i;

const rel = (precision: Precision, phrase: string, part?: Part): When =>
  part ? { kind: 'relative', precision, phrase, part } : { kind: 'relative', precision, phrase };

/** Unit arithmetic on the article's day. */
function shift(a: Day, unit: string, n: number): When {
  if (unit === 'day') return resolvedDay(addDays(a, n));
  if (unit === 'week') return resolvedWeek(addDays(a, 7 * n));
  if (unit === 'month') {
    const x = addMonths(a, n);
    return resolvedMonth(x.y, x.m);
  }
  return resolvedYear(a.y + n);
}

const OFFSET: Record<string, number> = { this: 0, last: -1, next: 1 };

export const RULES: Rule[] = [
  // "earlier this month", "later this year", "early this week"
  {
    re: /\b(earlier|later|early|late)\s+(?:in\s+)?this\s+(month|year|week)\b/gi,
    resolve(m, { article }) {
      const unit = (m[2] ?? '').toLowerCase();
      const part: Part = /^earl/i.test(m[1] ?? '') ? 'early' : 'late';
      const precision = unit as Precision;
      if (!article) return rel(precision, m[0], unit === 'month' ? part : undefined);
      if (unit === 'month') return resolvedMonth(article.y, article.m, part);
      return shift(article, unit, 0);
    },
  },
  // "this week", "last month", "next year"
  {
    re: /\b(this|last|next)\s+(week|month|year)\b(?![-\s]*(?:old|long))/gi,
    resolve(m, { article }) {
      const unit = (m[2] ?? '').toLowerCase();
      if (!article) return rel(unit as Precision, m[0]);
      return shift(article, unit, OFFSET[(m[1] ?? '').toLowerCase()] ?? 0);
    },
  },
  // "the day before yesterday", "the day after tomorrow": longer than the "yesterday" inside them.
  {
    re: /\bthe\s+day\s+(before\s+yesterday|after\s+tomorrow)\b/gi,
    resolve(m, { article }) {
      if (!article) return rel('day', m[0]);
      return resolvedDay(addDays(article, /^before/i.test(m[1] ?? '') ? -2 : 2));
    },
  },
  // "yesterday", "tomorrow", "tonight"; "today" and "now" are the article's own date, already marked.
  {
    re: /\b(yesterday|tomorrow|tonight)\b/gi,
    resolve(m, { article }) {
      const w = (m[1] ?? '').toLowerCase();
      if (!article) return rel('day', m[0]);
      return resolvedDay(addDays(article, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0));
    },
  },
  // "two years ago", "a week ago"; vague amounts ("a few days ago") are no point in time.
  {
    re: /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}|a few|several|many)\s+(day|week|month|year)s?\s+ago\b/gi,
    resolve(m, { article }) {
      const n = NUMBERS[(m[1] ?? '').toLowerCase()] ?? Number(m[1]);
      const unit = (m[2] ?? '').toLowerCase();
      if (!Number.isFinite(n)) return null;
      if (!article) return rel(unit as Precision, m[0]);
      return shift(article, unit, -n);
    },
  },
  // Durations and anchors to another event ("for a week", "a week earlier", "in the years since").
  {
    re: /\b(?:for|over|within|in)\s+(?:the\s+)?(?:(?:past|last|next|coming)\s+)?(?:(?:a|an|few|several|\w+)\s+)?(?:days?|weeks?|months?|years?|decades?)\b/gi,
    resolve: () => null,
    span: true,
  },
  {
    re: /\b(?:a|an|one|two|three|a few|several|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:earlier|later|before|after)\b/gi,
    resolve: () => null,
    span: true,
  },
  { re: /\b(?:the\s+)?(?:day|week|month|year)\s+(?:after|before)\b/gi, resolve: () => null, span: true },
  // "early October", "mid-October 2021", "late October"
  {
    re: new RegExp(`\\b(early|mid|late)[-\\s](${MONTH_RE})(?:,?\\s+(\\d{4}))?\\b`, 'g'),
    resolve(m, ctx) {
      const part = m[1] as Part;
      const month = monthNumber(m[2] ?? '');
      if (m[3]) return resolvedMonth(Number(m[3]), month, part);
      if (!ctx.article) return rel('month', m[0], part);
      return resolvedMonth(yearFor(ctx.article, month, 0, ctx.future), month, part);
    },
  },
  // "last July": the most recent July before the article's month.
  {
    re: new RegExp(`\\blast\\s+(${MONTH_RE})\\b`, 'g'),
    resolve(m, { article }) {
      const month = monthNumber(m[1] ?? '');
      if (!article) return rel('month', m[0]);
      return resolvedMonth(month < article.m ? article.y : article.y - 1, month);
    },
  },
  // Weekdays (capitalised): past unless the sentence speaks of the future.
  {
    re: new RegExp(`\\b(?:(last|next|this(?:\\s+coming)?)\\s+)?(${DAY_RE})\\b`, 'g'),
    resolve(m, { article, future }) {
      const target = DAY_NAMES.findIndex((d) => d.toLowerCase() === (m[2] ?? '').toLowerCase());
      const which = (m[1] ?? '').toLowerCase();
      if (!article) return rel('day', m[0]);
      const a = weekday(article);
      const forward = which === 'next' || which.startsWith('this') || (future && which !== 'last');
      let delta = forward ? (target - a + 7) % 7 : -((a - target + 7) % 7);
      if (delta === 0 && (which === 'last' || which === 'next')) delta = which === 'last' ? -7 : 7;
      return resolvedDay(addDays(article, delta));
    },
  },
];
