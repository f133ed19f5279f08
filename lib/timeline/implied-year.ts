import type { Day } from './calendar';

/**
 * The year of a month (and day) written without one: the latest such date not after the article,
 * unless the sentence speaks of the future (then the next one not before it). A day up to 60 days
 * ahead counts as announced (a summit "on October 25") even without a future verb.
 */
export function yearFor(article: Day, month: number, day: number, future: boolean): number {
  const after = month > article.m || (month === article.m && day > article.d);
  const before = month < article.m || (month === article.m && day > 0 && day < article.d);
  if (future) return before ? article.y + 1 : article.y;
  if (!after) return article.y;
  if (day > 0) {
    const ahead = (Date.UTC(article.y, month - 1, day) - Date.UTC(article.y, article.m - 1, article.d)) / 86_400_000;
    if (ahead <= 60) return article.y;
  }
  return article.y - 1;
}
