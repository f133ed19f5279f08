/**
 * Event frames: a trigger word plus nearby named arguments make an event whose
 * span is the trigger only and whose canonical name is built from the arguments:
 * "Moscow annexed Ukraine's Crimea region" → "Annexation of Crimea" (span "annexed"),
 * "the poisoning of ... Sergei Skripal" → "Poisoning of Sergei Skripal",
 * "Nato expelled eight Russian diplomats" → "Expulsion of Russian diplomats from Nato",
 * "Russia closed its mission to Nato" → "Closure of Russia's mission to Nato".
 */
import type { PieceAnalysis } from './analyze';
import type { TSpan } from './events';
import { ANNEX, EXPEL, F_TRIGGER, POISON } from './word-flags';

const PEOPLE_NOUNS = new Set([
  'diplomats',
  'diplomat',
  'envoys',
  'envoy',
  'ambassador',
  'ambassadors',
  'officials',
  'journalists',
  'staff',
  'spies',
  'officers',
]);
const MISSIONS = new Set(['mission', 'embassy', 'consulate', 'office', 'offices', 'missions']);
const STOP = new Set(['.', '!', '?', ';', ':']);

/** Text of a span. */
function textOf(a: PieceAnalysis, s: { from: number; to: number }): string {
  return a.text.slice(a.info.start[s.from]!, a.info.end[s.to - 1]!);
}

/** Last index (exclusive) of the window after `i`, stopping at sentence punctuation or a line break. */
function windowEnd(a: PieceAnalysis, i: number, max: number): number {
  let j = i + 1;
  const { text, nl, n } = a.info;
  while (j < n && j - i <= max && !STOP.has(text[j]!) && !nl[j]) j++;
  return j;
}

/** Finds trigger-word events in a piece given the tagger's spans (sorted). */
export function frameEvents(a: PieceAnalysis, spans: TSpan[]): TSpan[] {
  const { lower, text, nl } = a.info;
  const out: TSpan[] = [];
  const inSpan = (i: number) => spans.some((s) => s.from <= i && i < s.to);
  const after = (i: number, max: number, kinds: string[]) => {
    const end = windowEnd(a, i, max);
    return spans.filter((s) => s.from > i && s.to <= end && kinds.includes(s.kind));
  };
  // The subject: the nearest name before the trigger in the same sentence.
  const before = (i: number) => {
    let j = i - 1;
    while (j >= 0 && i - j <= 6 && !STOP.has(text[j]!) && !nl[j + 1]) {
      const s = spans.find((x) => x.to === j + 1 && x.kind !== 'misc');
      if (s) return s;
      j--;
    }
    return undefined;
  };
  for (let i = 0; i < a.info.n; i++) {
    if (!(a.info.flags[i]! & F_TRIGGER) || inSpan(i)) continue;
    const w = lower[i]!;
    if (ANNEX.has(w)) {
      const places = after(i, 7, ['place']);
      if (places.length)
        out.push({ from: i, to: i + 1, kind: 'event', name: `Annexation of ${textOf(a, places[places.length - 1]!)}` });
    } else if (POISON.has(w)) {
      const p = after(i, 10, ['person'])[0];
      if (p) out.push({ from: i, to: i + 1, kind: 'event', name: `Poisoning of ${textOf(a, p)}` });
    } else if (EXPEL.has(w)) {
      const end = windowEnd(a, i, 3);
      let n = i + 1;
      while (n < end && !PEOPLE_NOUNS.has(lower[n]!)) n++;
      if (n >= end) continue;
      const adj = n > i + 1 && /^\p{Lu}/u.test(text[n - 1]!) ? `${text[n - 1]!} ` : '';
      // Only "X expelled ... diplomats" with a state or organisation as X; "the expelled diplomats" refers back.
      const subj = before(i);
      if (!subj || subj.kind === 'person' || lower[i - 1] === 'the') continue;
      const from = ` from ${textOf(a, subj)}`;
      out.push({ from: i, to: i + 1, kind: 'event', name: `Expulsion of ${adj}${text[n]!}${from}` });
    } else {
      let n = i + 1;
      while (n < a.info.n && n - i <= 3 && !MISSIONS.has(lower[n]!)) n++;
      if (!MISSIONS.has(lower[n] ?? '') || !['to', 'in', 'at'].includes(lower[n + 1] ?? '')) continue;
      const target = spans.find((s) => s.from === n + 2 && s.kind !== 'misc' && s.kind !== 'person');
      const subj = before(i);
      if (!target || !subj) continue;
      const owner = ['its', 'their', 'his', 'her'].includes(lower[i + 1]!) ? `${textOf(a, subj)}'s ` : 'the ';
      out.push({
        from: i,
        to: i + 1,
        kind: 'event',
        name: `Closure of ${owner}${text[n]!} ${lower[n + 1]} ${textOf(a, target)}`,
      });
    }
  }
  return out;
}
