/**
 * The detection pipeline for one article: tag every piece, add events, drop
 * junk spans, propagate names tagged once to their other occurrences, add the
 * reader's known names, then resolve mentions into entities.
 */
import type { EntityKind, SpotResult } from '../entity';
import { Article, Scratch, tagPiece, type PieceAnalysis } from './analyze';
import { PhraseMap } from './gazetteer';
import { findEvents, type TSpan } from './events';
import { resolveMentions, type Mention } from './resolve';
import type { ModelData } from './detector';

/** A reader's card name used as an extra dictionary at detection time. */
export interface KnownName {
  name: string;
  kind: EntityKind;
}

const NEVER = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december mr mrs ms miss dr prof sir gen the a an i we he she it they you')
    .split(' '),
);
const HONORIFIC_BEFORE = /\b(Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Gen|Col|Capt|Lt|Sgt|Adm|Gov|Sen|Rep|Rev|President|Minister)\.?\s+$/;

/** Turns a piece's spans into mentions, dropping misc and spans that are never names. */
function toMentions(a: PieceAnalysis, spans: TSpan[], out: Mention[]): void {
  for (const s of spans) {
    if (s.kind === 'misc') continue;
    const start = a.tokens[s.from].start!, end = a.tokens[s.to - 1].end!;
    const text = a.text.slice(start, end);
    if (NEVER.has(text.toLowerCase().replace(/\.$/, '')) || !/\p{L}/u.test(text)) continue;
    const m: Mention = { block: a.block, start: a.offset + start, end: a.offset + end, kind: s.kind, text };
    if (s.name) m.name = s.name;
    if (s.kind === 'person') {
      const h = HONORIFIC_BEFORE.exec(a.text.slice(Math.max(0, start - 12), start));
      if (h) m.honorific = h[1];
    }
    out.push(m);
  }
}

/** Marks untagged capitalised occurrences of names already found (or known to the reader). */
function propagate(a: PieceAnalysis, names: PhraseMap<KnownName>, taken: Mention[], out: Mention[]): void {
  let t = 0;
  const toks = a.tokens;
  for (let i = 0; i < toks.length; i++) {
    const c = toks[i].text.charCodeAt(0)!;
    if (!(c >= 65 && c <= 90) && !(c > 127 && toks[i].text[0]! !== toks[i].text[0].toLowerCase()!)) continue;
    const m = names.longestAt(a.info.lower, i);
    if (!m) continue;
    const start = a.offset + toks[i].start!, end = a.offset + toks[i + m.len - 1].end!;
    while (t < taken.length && (taken[t].block! < a.block || (taken[t].block! === a.block && taken[t].end! <= start))) t++;
    if (t < taken.length && taken[t].block! === a.block && taken[t].start! < end) continue;
    out.push({ block: a.block, start, end, kind: m.value.kind, text: a.text.slice(toks[i].start!, toks[i + m.len - 1].end!) });
    i += m.len - 1;
  }
}

/** Runs the whole pipeline on an article given as blocks. */
export function spotArticle(model: ModelData, known: PhraseMap<KnownName>, blocks: string[]): SpotResult {
  const art = new Article(blocks);
  const ctx = art.context();
  const sc = new Scratch();
  const { weights, trans, kinds } = model.tagger;
  const mentions: Mention[] = [];
  art.forEach((a) => {
    const raw = tagPiece(a, ctx, model.gazetteer, weights, trans, sc);
    const spans = findEvents(a, raw.map((s) => ({ from: s.from, to: s.to, kind: kinds[s.kind] }))!);
    toMentions(a, spans, mentions);
  });
  // Names tagged once are tagged the same way everywhere; the reader's card names are found too.
  const names = new PhraseMap<KnownName>();
  for (const m of mentions) if (!m.name && m.kind !== 'event') names.add(m.text, { name: m.text, kind: m.kind });
  mentions.sort((x, y) => x.block - y.block || x.start - y.start);
  const extra: Mention[] = [];
  art.forEach((a) => propagate(a, names, mentions, extra));
  const all = mentions.concat(extra).sort((x, y) => x.block - y.block || x.start - y.start);
  const more: Mention[] = [];
  if (known.size) art.forEach((a) => propagate(a, known, all, more));
  return resolveMentions(all.concat(more), blocks);
}
