/**
 * The detection pipeline for one article: tag every piece, add events, drop
 * junk spans, propagate names tagged once to their other occurrences, add the
 * reader's known names, then resolve mentions into entities.
 */
import type { EntityKind, SpotResult } from '../entity';
import { Article, Scratch, tagPiece, type PieceAnalysis } from './analyze';
import { PhraseMap, normTok } from './gazetteer';
import { findEvents, type TSpan } from './events';
import { applySpanRules } from './rules';
import { applyKnown } from './known-names';
import { landformNames } from './landform-names';
import { dropThings } from './thing-names';
import { resolveMentions, type Mention } from './resolve';
import type { ModelData } from './detector';
import { Lexicon } from './lexicon';
import { ContextCache } from './context-cache';
import { type HyphenPrefix, hyphenPrefix, prefixName } from './hyphen-prefix';

/** A reader's card name used as an extra dictionary at detection time. */
export interface KnownName {
  name: string;
  kind: EntityKind;
  /** Every way the reader's cards write this name (case aside, all match it); see known-names.ts casedAlike. */
  forms?: string[];
}

const NEVER = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december mr mrs ms miss dr prof sir gen the a an i we he she it they you ' +
    // Photo credits and times of day ("Photo: Getty Images", "9 AM"), and holidays: never a card to show.
    'photo photos credit am pm again easter christmas thanksgiving ramadan hanukkah diwali ' +
    // Common nouns a sentence or a title starts with ("Man's greed", "Sheriff's deputies").
    'man sheriff'
  ).split(' '),
);
/** True for a word that is never a name on its own, with or without a full stop ("Mr."). */
function isNever(lower: string): boolean {
  return NEVER.has(lower.charCodeAt(lower.length - 1) === 46 ? lower.slice(0, -1) : lower);
}
const HONORIFIC_BEFORE =
  /^(Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Gen|Col|Capt|Lt|Sgt|Adm|Gov|Sen|Rep|Rev|President|Minister)\.?$/;

/**
 * A name's words as the page shows them: a line break or a run of spaces between two words of
 * hand-wrapped HTML ("Kanye\n   West") renders as one space.
 */
function oneSpaced(text: string): string {
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** What toMentions adds to: the mentions, the article's names, and modifiers' names waiting for a kind. */
interface MentionSink {
  out: Mention[];
  names: PhraseMap<KnownName>;
  pending: HyphenPrefix[];
}

/**
 * Turns a piece's spans into mentions, dropping misc and spans that are never names; the name in a
 * modifier ("Pakistan-based") is taken out of its span, or left pending until the article is read.
 */
function toMentions(
  a: PieceAnalysis,
  spans: TSpan[],
  model: ModelData,
  known: PhraseMap<KnownName>,
  sink: MentionSink,
): void {
  const { out, names } = sink;
  const words = a.info.text;
  for (const s of spans) {
    const prefix = hyphenPrefix(a, s);
    if (prefix) {
      const named = prefixName(prefix, known, model.gazetteer);
      if (named) out.push(named);
      else sink.pending.push(prefix);
      continue;
    }
    if (s.kind === 'misc') continue;
    const start = a.info.start[s.from]!,
      end = a.info.end[s.to - 1]!;
    // A one-token name's text is the word cache's string (its hash is already computed for look-ups).
    const text = s.to - s.from === 1 ? words[s.from]! : oneSpaced(a.text.slice(start, end));
    if (s.to - s.from === 1 && (isNever(a.info.lower[s.from]!) || a.info.cls[s.from]! > 3)) continue;
    const m: Mention = { block: a.block, start: a.offset + start, end: a.offset + end, kind: s.kind, text };
    if (s.name) m.name = s.name;
    if (s.kind !== 'event') names.addTokens(a.info.lower.slice(s.from, s.to), { name: text, kind: s.kind });
    if (s.kind === 'person' && s.from > 0) {
      const h = HONORIFIC_BEFORE.exec(words[s.from - 1]!);
      if (h) m.honorific = h[1];
    }
    out.push(m);
  }
}

/** Marks untagged capitalised occurrences of names already found (or known to the reader). */
function propagate(a: PieceAnalysis, names: PhraseMap<KnownName>, taken: Mention[], out: Mention[]): void {
  let t = 0;
  const { text: words, start: starts, end: ends, n } = a.info;
  for (let i = 0; i < n; i++) {
    const word = words[i]!;
    const c = word.charCodeAt(0);
    // Only capitalised occurrences count ("Nato", not "nato"); non-ASCII letters checked by case mapping.
    if (!(c >= 65 && c <= 90) && !(c > 127 && word[0] !== word[0]!.toLowerCase())) continue;
    const m = names.longestAt(a.info.lower, i);
    if (!m) continue;
    const start = a.offset + starts[i]!,
      end = a.offset + ends[i + m.len - 1]!;
    while (t < taken.length && (taken[t]!.block < a.block || (taken[t]!.block === a.block && taken[t]!.end <= start)))
      t++;
    if (t < taken.length && taken[t]!.block === a.block && taken[t]!.start < end) continue;
    out.push({
      block: a.block,
      start,
      end,
      kind: m.value.kind,
      text: m.len === 1 ? word : oneSpaced(a.text.slice(starts[i]!, ends[i + m.len - 1]!)),
    });
    i += m.len - 1;
  }
}

/** Per-detector state kept between articles: the word cache, its emission rows and buffers. */
export interface Runtime {
  lex: Lexicon;
  rows: ContextCache;
  scratch: Scratch;
}

/** Creates the per-detector runtime state for a model. */
export function createRuntime(model: ModelData): Runtime {
  const lex = new Lexicon();
  const w = model.tagger.weights;
  return {
    lex,
    rows: new ContextCache(w, lex, model.tagger.open),
    scratch: new Scratch(model.tagger.weights.nTags),
  };
}

/** Runs the whole pipeline on an article given as blocks. */
export function spotArticle(model: ModelData, rt: Runtime, known: PhraseMap<KnownName>, blocks: string[]): SpotResult {
  const art = new Article(blocks, rt.lex);
  const ctx = art.context();
  const { trans, kinds } = model.tagger;
  const sc = rt.scratch;
  const mentions: Mention[] = [];
  // Names tagged once are tagged the same way everywhere; the reader's card names are found too.
  const names = new PhraseMap<KnownName>();
  const sink: MentionSink = { out: mentions, names, pending: [] };
  // An article on the Amazon rainforest: no "Amazon" in it is the company's card.
  const places = known.size ? landformNames(blocks) : undefined;
  art.forEach((a) => {
    const tagged = applySpanRules(a, tagPiece(a, ctx, model.gazetteer, trans, kinds, sc, rt.rows), model.gazetteer);
    const spans = applyKnown(a, findEvents(a, tagged), known, places);
    toMentions(a, spans, model, known, sink);
  });
  // The first and last word of a full person name also name that person ("Stoltenberg").
  for (const m of mentions) {
    if (m.kind !== 'person' || m.name || !/\s/.test(m.text)) continue;
    const words = m.text.split(/\s+/);
    for (const w of [words[0]!, words[words.length - 1]!]) {
      const lw = normTok(w);
      if (w.length > 2 && !w.endsWith('.') && !model.gazetteer.isPlace(lw))
        names.addTokens([lw], { name: w, kind: 'person' });
    }
  }
  // "Hamas-run": a name the article names elsewhere ("Hamas said", "Donald Trump" for "Trump-era") has that kind in the modifier too.
  for (const p of sink.pending) {
    const named = prefixName(p, known, model.gazetteer, names);
    if (named) mentions.push(named);
  }
  mentions.sort((x, y) => x.block - y.block || x.start - y.start);
  const extra: Mention[] = [];
  art.forEach((a) => {
    propagate(a, names, mentions, extra);
  });
  return resolveMentions(splitPairs(dropThings(mentions.concat(extra), blocks)), blocks);
}

/**
 * "Nato-Russia relations": a hyphenated pair of names that each stand alone elsewhere in the
 * article is two mentions, not a third entity. "Nato-Russia Council" (with a head noun) is kept.
 */
function splitPairs(mentions: Mention[]): Mention[] {
  // Most articles have no candidate pair: skip building the kind table then.
  if (!mentions.some((m) => m.kind !== 'event' && m.kind !== 'person' && m.text.indexOf('-') > 0)) return mentions;
  const kindOf = new Map<string, EntityKind>();
  for (const m of mentions)
    if (m.kind !== 'event' && !kindOf.has(m.text.toLowerCase())) kindOf.set(m.text.toLowerCase(), m.kind);
  return mentions.flatMap((m): Mention[] => {
    const hy = m.kind === 'event' || m.kind === 'person' ? -1 : m.text.indexOf('-');
    if (hy <= 0 || /[\s-]/.test(m.text.slice(hy + 1))) return [m];
    const a = m.text.slice(0, hy),
      b = m.text.slice(hy + 1);
    const ka = kindOf.get(a.toLowerCase()),
      kb = kindOf.get(b.toLowerCase());
    // Only pairs of organisations and places ("Nato-Russia", "US-China"); "Smith-Jones" stays whole.
    if (!ka || !kb || ka === 'person' || kb === 'person') return [m];
    return [
      { block: m.block, start: m.start, end: m.start + hy, kind: ka, text: a },
      { block: m.block, start: m.start + hy + 1, end: m.end, kind: kb, text: b },
    ];
  });
}
