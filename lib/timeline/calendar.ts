/**
 * Calendar arithmetic on plain dates (year, month 1-12, day), done in UTC so the result never
 * depends on the reader's time zone: an article dated 20 October stays dated 20 October.
 */

/** A calendar day, with no time and no zone. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

export type Precision = 'year' | 'month' | 'week' | 'day';
/** Part of a month ("early October"). */
export type Part = 'early' | 'mid' | 'late';

/** A date with its precision: `value` is "2014", "2021-10", "2021-W42" or "2021-10-18". */
export interface Resolved {
  kind: 'resolved';
  precision: Precision;
  part?: Part;
  value: string;
  /** First and last day covered (YYYY-MM-DD), for ordering. */
  start: string;
  end: string;
}

/** A relative date with no article date to resolve it against: shown as written, never guessed. */
export interface Unresolved {
  kind: 'relative';
  precision: Precision;
  part?: Part;
  phrase: string;
}

export type When = Resolved | Unresolved;

/** English month names, January first: the timeline's rules read them and its labels print them. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
/** English day names in getUTCDay order (0 = Sunday). */
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * The month (1-12) a word names, in any case: the full name or an abbreviation of three letters
 * or more ("Oct", "Sept."). 0 when it names none ("Marching" is not March).
 */
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  return MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(w)) + 1;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const toUtc = (x: Day) => Date.UTC(x.y, x.m - 1, x.d);
const fromUtc = (t: number): Day => {
  const dt = new Date(t);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};

/** "2021-10-20". */
export function isoDay(x: Day): string {
  return `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
}

/** Adds `n` days (negative goes back). */
export function addDays(x: Day, n: number): Day {
  return fromUtc(toUtc(x) + n * 86_400_000);
}

/** Adds `n` months, keeping the day within the target month. */
export function addMonths(x: Day, n: number): Day {
  const total = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return { y, m, d: Math.min(x.d, daysInMonth(y, m)) };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(x: Day): number {
  return new Date(toUtc(x)).getUTCDay();
}

/** The Monday that starts x's week (ISO weeks run Monday to Sunday). */
export function mondayOf(x: Day): Day {
  return addDays(x, -((weekday(x) + 6) % 7));
}

/** ISO week label, e.g. "2021-W42". */
export function isoWeek(x: Day): string {
  const thursday = addDays(mondayOf(x), 3);
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const week = Math.floor((toUtc(thursday) - toUtc(jan1)) / (7 * 86_400_000)) + 1;
  return `${thursday.y}-W${pad(week)}`;
}

/** True when the values describe a real calendar day. */
export function validDay(x: Day): boolean {
  return Number.isInteger(x.y) && x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= daysInMonth(x.y, x.m);
}

/** The resolved form of a year, a month (optionally a part of it), a week or a day. */
export function resolvedYear(y: number): Resolved {
  return {
    kind: 'resolved',
    precision: 'year',
    value: pad(y, 4),
    start: `${pad(y, 4)}-01-01`,
    end: `${pad(y, 4)}-12-31`,
  };
}

export function resolvedMonth(y: number, m: number, part?: Part): Resolved {
  const last = daysInMonth(y, m);
  const [from, to] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : part === 'late' ? [21, last] : [1, last];
  const r: Resolved = {
    kind: 'resolved',
    precision: 'month',
    value: `${pad(y, 4)}-${pad(m)}`,
    start: isoDay({ y, m, d: from }),
    end: isoDay({ y, m, d: to }),
  };
  return part ? { ...r, part } : r;
}

export function resolvedWeek(x: Day): Resolved {
  const mon = mondayOf(x);
  return { kind: 'resolved', precision: 'week', value: isoWeek(x), start: isoDay(mon), end: isoDay(addDays(mon, 6)) };
}

export function resolvedDay(x: Day): Resolved {
  return { kind: 'resolved', precision: 'day', value: isoDay(x), start: isoDay(x), end: isoDay(x) };
}

/**
 * The calendar day an ISO timestamp names in its own zone: "2021-10-20T23:30-05:00" is 20 October
 * (the day the publisher wrote), not 21 October in UTC. Null when it is not a date.
 */
export function dayOfIso(iso: string): Day | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return validDay(day) ? day : null;
}
