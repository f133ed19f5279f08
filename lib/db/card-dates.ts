/**
 * When an event happened, as a card carries it: a start, an optional end, and how precise both
 * are (a year is not a day). Validated where cards enter (starter data), formatted for CardView.
 */
import * as v from 'valibot';
import type { CardDates, DatePrecision } from './records';

const PATTERNS: Record<DatePrecision, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

/** The UTC instant an ISO date of a precision starts at, or NaN when it is not one. */
function startOf(iso: string, precision: DatePrecision): number {
  if (!PATTERNS[precision].test(iso)) return Number.NaN;
  const [y, m = 1, d = 1] = iso.split('-').map(Number) as [number, number?, number?];
  const t = Date.UTC(y, m - 1, d);
  // Rejects 2021-02-30, which Date.UTC would quietly roll over into March.
  return new Date(t).getUTCDate() === d ? t : Number.NaN;
}

/** A problem with a dates value, or null when it can be shown. */
export function cardDatesError(dates: CardDates): string | null {
  const s = startOf(dates.start, dates.precision);
  if (Number.isNaN(s)) return `start "${dates.start}" is not a ${dates.precision} (YYYY, YYYY-MM or YYYY-MM-DD)`;
  if (dates.end === undefined) return null;
  const e = startOf(dates.end, dates.precision);
  if (Number.isNaN(e)) return `end "${dates.end}" is not a ${dates.precision}`;
  return e < s ? 'end is before start' : null;
}

/** Valibot schema of a card's dates (used by the starter-card schema). */
export const cardDatesSchema = v.pipe(
  v.object({
    start: v.pipe(v.string(), v.maxLength(10)),
    end: v.optional(v.pipe(v.string(), v.maxLength(10))),
    precision: v.picklist(['day', 'month', 'year'] as const),
    label: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100))),
  }),
  v.check((d) => cardDatesError(d) === null, 'dates must be valid ISO dates of their precision, start before end'),
);

type FormatName = 'day' | 'dayNoYear' | 'month' | 'monthNoYear';
const FORMAT_OPTIONS: Record<FormatName, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
  dayNoYear: { day: 'numeric', month: 'long', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  monthNoYear: { month: 'long', timeZone: 'UTC' },
};
const formats = new Map<FormatName, Intl.DateTimeFormat>();

/**
 * The formatter `name`, made on first use. This module is in the content script's bundle (the
 * hover card shows dates), which is evaluated anew on every page: making the four formatters at
 * load cost 50–95 ms of locale loading on the page's main thread before it had even parsed.
 */
function format(name: FormatName): Intl.DateTimeFormat {
  let f = formats.get(name);
  if (!f) formats.set(name, (f = new Intl.DateTimeFormat('en-GB', FORMAT_OPTIONS[name])));
  return f;
}

/** One date in words at its precision; `withYear` false drops the year (the range's end has it). */
function say(iso: string, precision: DatePrecision, withYear = true): string {
  if (precision === 'year') return iso;
  const t = startOf(iso, precision);
  if (precision === 'month') return format(withYear ? 'month' : 'monthNoYear').format(t);
  return format(withYear ? 'day' : 'dayNoYear').format(t);
}

/** A card's dates in words, split so each end can sit in its own <time>. */
export interface DatesText {
  start: string;
  end?: string;
}

/**
 * "4 March 2018"; "18 October – 1 November 2021" (the year once when both ends share it);
 * "February – March 2014"; "1947–1991". A label, when given, is the whole text. Invalid
 * dates give null, so a bad record shows nothing rather than a wrong date.
 */
export function formatCardDates(dates: CardDates): DatesText | null {
  if (cardDatesError(dates)) return null;
  if (dates.label) return { start: dates.label };
  const { start, end, precision } = dates;
  if (!end || end === start) return { start: say(start, precision) };
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  return { start: say(start, precision, precision === 'year' || !sameYear), end: say(end, precision) };
}
