/** Words for a timeline date: "2014", "early October 2021", "Monday 18 October 2021", "week of 18 October 2021". */
import { DAY_NAMES, dayOfIso, MONTH_NAMES, type When, weekday } from './calendar';

/** "18 October 2021" for "2021-10-18". */
function longDay(iso: string): string {
  const d = dayOfIso(iso);
  return d ? `${d.d} ${MONTH_NAMES[d.m - 1]} ${d.y}` : iso;
}

/** How a date reads in the timeline; an unresolved one reads as written, marked as relative. */
export function formatWhen(w: When): string {
  if (w.kind === 'relative') return `${w.phrase} (date of the article unknown)`;
  if (w.precision === 'year') return w.value;
  if (w.precision === 'week') return `Week of ${longDay(w.start)}`;
  const d = dayOfIso(w.start);
  if (!d) return w.value;
  if (w.precision === 'month')
    return `${w.part ? `${w.part === 'mid' ? 'Mid' : w.part === 'early' ? 'Early' : 'Late'} ` : ''}${MONTH_NAMES[d.m - 1]} ${d.y}`;
  return `${DAY_NAMES[weekday(d)]} ${longDay(w.start)}`;
}
