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

/** A span in token indices of a piece, with its kind and, for events, an optional canonical name. */
export interface TSpan {
  from: number;
  to: number;
  kind: TagKind;
  name?: string;
}

/** Capitalised last words that make a name an event ("Cold War", "Orange Revolution"). */
const CAP_HEADS = new Set(
  ('war wars revolution summit treaty accord accords agreement crisis massacre uprising rebellion revolt olympics ' +
    'election elections referendum riots bombing bombings invasion blitz troubles coup spring conference convention ' +
    'campaign offensive genocide famine earthquake hurricane scandal affair protests games championship championships cup')
    .split(' '),
);
/** Lower-case heads after a name or year ("Nato summit", "2019 general election", "Salisbury poisoning"). */
const LOW_HEADS = new Set(
  ('election elections referendum primaries primary by-election caucuses caucus summit poisoning bombing bombings ' +
    'attack attacks massacre earthquake coup invasion riots uprising war talks crisis ceasefire scandal')
    .split(' '),
);
/** Lower-case modifiers allowed between the name and the head ("United Kingdom general election"). */
const LOW_MODS = new Set(
  ('general presidential parliamentary legislative federal state local mayoral municipal provincial regional ' +
    'gubernatorial leadership senate congressional midterm national snap assembly council party presidential ' +
    'independence constitutional by terrorist chemical nerve-agent nuclear civil')
    .split(' '),
);
/** Nouns of "the annexation of Crimea" style events. */
const NOMINALS = new Set(
  'annexation invasion occupation siege battle bombing poisoning assassination partition liberation reunification massacre'.split(' '),
);

const isYear = (t: string) => /^(1[5-9]|20)\d\d$/.test(t);
const isCap = (t: string) => /^\p{Lu}/u.test(t);

/** Returns the spans with event rules applied; overlapped tagger spans are replaced. Sorted by position. */
export function findEvents(a: PieceAnalysis, spans: TSpan[]): TSpan[] {
  const { lower } = a.info;
  const toks = a.tokens;
  const spanAt = new Map<number, TSpan>();
  for (const s of spans) spanAt.set(s.to, s);
  const events: TSpan[] = [];

  // 1. Tagged (or misc) names whose last word is an event head.
  for (const s of spans) {
    if (s.kind === 'person') continue;
    const last = lower[s.to - 1];
    if (CAP_HEADS.has(last!) || (s.kind === 'misc' && /^(world war|war of|battle of|siege of|treaty of)/.test(lower.slice(s.from, s.to).join(' ')))) {
      if (s.kind === 'misc' || s.kind === 'event' || ['war', 'summit', 'election', 'elections', 'referendum', 'revolution', 'treaty'].includes(last!)) {
        events.push({ from: s.from, to: s.to, kind: 'event' });
      }
    }
  }

  // 2. Year/name + modifiers + lower-case head, optionally "in <place>".
  for (let i = 1; i < toks.length; i++) {
    if (!LOW_HEADS.has(lower[i]!) || isCap(toks[i].text!) && i > 0 && !isCap(toks[i - 1].text!)) continue;
    let j = i;
    while (j > 0 && i - j < 4 && LOW_MODS.has(lower[j - 1]!)) j--;
    let named = false;
    while (j > 0 && i - j < 10) {
      const s = spanAt.get(j);
      if (s && s.kind !== 'person') { j = s.from; named = true; continue; }
      const t = toks[j - 1].text!;
      if (isYear(t)) { j--; named = true; if (j > 0 && /^(january|february|march|april|may|june|july|august|september|october|november|december)$/.test(lower[j - 1]!)) j--; break; }
      if (isCap(t) && j - 1 > 0 && !/^[.!?"“]$/.test(toks[j - 2].text!) && !toks[j - 1].nl!) { j--; named = true; continue; }
      break;
    }
    if (!named || j === i) continue;
    let end = i + 1;
    if (lower[end] === 'in' && spanAt.has(end + 2) && spanAt.get(end + 2)!.from === end + 1) end += 2;
    else if (lower[end] === 'in' && end + 1 < toks.length && isCap(toks[end + 1].text!) && spans.some((s) => s.from === end + 1)) {
      end = spans.find((s) => s.from === end + 1)!.to;
    }
    events.push({ from: j, to: end, kind: 'event' });
  }

  // 3. "(the|year) annexation of Crimea".
  for (let i = 0; i + 2 < toks.length; i++) {
    if (!NOMINALS.has(lower[i]!) || lower[i + 1] !== 'of') continue;
    const obj = spans.find((s) => s.from === i + 2 && s.kind !== 'misc');
    const prev = i > 0 ? lower[i - 1] : '';
    if (!obj || !(prev === 'the' || isYear(prev!))) continue;
    const from = isYear(prev!) ? i - 1 : i;
    const text = a.text.slice(toks[i].start!, toks[obj.to - 1].end!);
    events.push({ from, to: obj.to, kind: 'event', name: text[0].toUpperCase()! + text.slice(1) });
  }

  // 4. Trigger-word frames.
  for (const e of frameEvents(a, spans)) events.push(e);

  return merge(spans, events);
}

/** Adds events, removing tagger spans they overlap; earlier and longer events win among themselves. */
function merge(spans: TSpan[], events: TSpan[]): TSpan[] {
  events.sort((x, y) => x.from - y.from || y.to - x.to);
  const kept: TSpan[] = [];
  for (const e of events) if (!kept.length || e.from >= kept[kept.length - 1].to!) kept.push(e);
  const out = kept.slice();
  for (const s of spans) if (!kept.some((e) => e.from < s.to && s.from < e.to)) out.push(s);
  return out.sort((x, y) => x.from - y.from);
}
