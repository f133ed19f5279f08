/**
 * Event rules on top of the tagger: named events ("Cold War", "2019 United
 * Kingdom general election", "Nato summit", "the annexation of Crimea") and
 * event frames around a trigger word ("Moscow annexed Ukraine's Crimea" →
 * "Annexation of Crimea"), whose span is the trigger only, so it never
 * overlaps the person or place spans around it.
 */
import type { PieceAnalysis } from './analyze';
import type { TagKind } from './tagger';
import { frameEvents } from './event-frames';
import { F_CAP_HEAD, F_EVENT_ANY, F_LOW_HEAD, F_LOW_MOD, F_MONTH, F_NOMINAL, F_TRIGGER, F_YEAR } from './word-flags';

/** A span in token indices of a piece, with its kind and, for events, an optional canonical name. */
export interface TSpan {
  from: number;
  to: number;
  kind: TagKind;
  name?: string;
}

const isCap = (t: string) => /^\p{Lu}/u.test(t);
const MISC_EVENT = /^(world war|war of|battle of|siege of|treaty of)\b/;
/** Heads that turn an organisation or place name into an event ("Nato summit" tagged as one name). */
const STRONG_HEADS = new Set(['war', 'summit', 'election', 'elections', 'referendum', 'revolution', 'treaty']);

/** Returns the spans with event rules applied; overlapped tagger spans are replaced. Sorted by position. */
export function findEvents(a: PieceAnalysis, spans: TSpan[]): TSpan[] {
  const { lower, flags } = a.info;
  const { text: words, nl } = a.info;
  const events: TSpan[] = [];

  // 1. Tagged (or misc) names whose last word is an event head.
  for (const s of spans) {
    if (s.kind === 'person') continue;
    const last = lower[s.to - 1]!;
    const misc = s.kind === 'misc' || s.kind === 'event';
    if (
      (flags[s.to - 1]! & F_CAP_HEAD && (misc || STRONG_HEADS.has(last))) ||
      (misc && MISC_EVENT.test(lower.slice(s.from, s.to).join(' ')))
    ) {
      events.push({ from: s.from, to: s.to, kind: 'event' });
    }
  }
  if (!(a.info.anyFlags & F_EVENT_ANY)) return merge(spans, events);

  const startAt = new Map<number, TSpan>(),
    endAt = new Map<number, TSpan>();
  for (const s of spans) {
    startAt.set(s.from, s);
    endAt.set(s.to, s);
  }
  for (let i = 1; i < a.info.n; i++) {
    const f = flags[i]!;
    if (!(f & F_EVENT_ANY)) continue;
    // 2. Year/name + modifiers + lower-case head ("2019 United Kingdom general election"), optionally "in <place>".
    if (f & F_LOW_HEAD && (!isCap(words[i]!) || isCap(words[i - 1]!))) {
      let j = i;
      while (j > 0 && i - j < 4 && flags[j - 1]! & F_LOW_MOD) j--;
      let named = false;
      while (j > 0 && i - j < 10) {
        const s = endAt.get(j);
        if (s && s.kind !== 'person') {
          j = s.from;
          named = true;
          continue;
        }
        if (flags[j - 1]! & F_YEAR) {
          j--;
          named = true;
          if (j > 0 && flags[j - 1]! & F_MONTH) j--;
          break;
        }
        if (isCap(words[j - 1]!) && j - 1 > 0 && !/^[.!?"“]$/.test(words[j - 2]!) && !nl[j - 1]) {
          j--;
          named = true;
          continue;
        }
        break;
      }
      if (named && j < i) {
        let end = i + 1;
        const place = lower[end] === 'in' ? startAt.get(end + 1) : undefined;
        if (place && place.kind !== 'person') end = place.to;
        events.push({ from: j, to: end, kind: 'event' });
      }
    }
    // 3. "(the|year) annexation of Crimea".
    if (f & F_NOMINAL && lower[i + 1] === 'of') {
      const obj = startAt.get(i + 2);
      const year = (flags[i - 1]! & F_YEAR) !== 0;
      if (obj && obj.kind !== 'misc' && (year || lower[i - 1] === 'the')) {
        const text = a.text.slice(a.info.start[i]!, a.info.end[obj.to - 1]!);
        events.push({
          from: year ? i - 1 : i,
          to: obj.to,
          kind: 'event',
          name: text[0]!.toUpperCase() + text.slice(1),
        });
      }
    }
  }
  // 4. Trigger-word frames.
  if (a.info.anyFlags & F_TRIGGER) for (const e of frameEvents(a, spans)) events.push(e);
  return merge(spans, events);
}

/** Adds events, removing tagger spans they overlap; earlier and longer events win among themselves. */
function merge(spans: TSpan[], events: TSpan[]): TSpan[] {
  if (!events.length) return spans;
  events.sort((x, y) => x.from - y.from || y.to - x.to);
  const kept: TSpan[] = [];
  for (const e of events) if (!kept.length || e.from >= kept[kept.length - 1]!.to) kept.push(e);
  const out = kept.slice();
  let k = 0;
  for (const s of spans) {
    while (k < kept.length && kept[k]!.to <= s.from) k++;
    if (k < kept.length && kept[k]!.from < s.to) continue;
    out.push(s);
  }
  return out.sort((x, y) => x.from - y.from);
}
