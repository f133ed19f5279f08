/**
 * Article analysis: blocks are cut into bounded pieces, tokenised, split into
 * sentences and tagged. Huge blocks (a 5 MB text node) are processed piece by
 * piece, so time stays linear and memory bounded.
 */
import { scanTokens, sentencesOf, type Sentence } from './tokenize';
import { addToContext, type DocContext } from './features';
import { pieceInfo, type TokenInfo } from './token-info';
import type { Gazetteer } from './gazetteer';
import { viterbi, tagKind, isB, type TagKind } from './tagger';
import type { TSpan } from './events';
import type { Lexicon } from './lexicon';
import type { ContextCache } from './context-cache';
import { emissions } from './emissions';

/** Longest piece of a block analysed at once, in UTF-16 units. */
const PIECE_CHARS = 20_000;
/** Above this many characters in total, piece analyses are recomputed instead of kept. */
const CACHE_CHARS = 1_000_000;
/** Longest token run decoded at once (sentences longer than this are cut). */
const MAX_RUN = 200;

/** A piece of a block: `offset` is where `text` starts inside block `block`. */
export interface Piece {
  block: number;
  offset: number;
  text: string;
}

/** A piece after tokenisation: its tokens (offsets, texts, word facts) are in `info`. */
export interface PieceAnalysis extends Piece {
  sentences: Sentence[];
  info: TokenInfo;
}

/** Cuts blocks into pieces of at most PIECE_CHARS, preferring line breaks, then spaces. */
export function toPieces(blocks: string[]): Piece[] {
  const out: Piece[] = [];
  blocks.forEach((text, block) => {
    let at = 0;
    while (text.length - at > PIECE_CHARS) {
      const limit = at + PIECE_CHARS;
      let cut = text.lastIndexOf('\n', limit);
      if (cut <= at + PIECE_CHARS / 2) cut = text.lastIndexOf(' ', limit);
      if (cut <= at + PIECE_CHARS / 2) cut = limit;
      // Never cut a surrogate pair in two.
      if (cut > 0 && text.charCodeAt(cut - 1) >= 0xd800 && text.charCodeAt(cut - 1) < 0xdc00) cut--;
      out.push({ block, offset: at, text: text.slice(at, cut) });
      at = cut;
    }
    out.push({ block, offset: at, text: at === 0 ? text : text.slice(at) });
  });
  return out;
}

/** Tokenises one piece; its typed arrays come from the word cache's arena (valid until its next reset). */
export function analyzePiece(p: Piece, lex: Lexicon): PieceAnalysis {
  scanTokens(p.text, lex.tokens, lex);
  const info = pieceInfo(lex.tokens, lex, lex.arena);
  return {
    block: p.block,
    offset: p.offset,
    text: p.text,
    sentences: sentencesOf(info.text, info.start, info.end, info.nl, info.n),
    info,
  };
}

/** Iterates piece analyses, from cache when the article is small, recomputed when it is huge. */
export class Article {
  readonly pieces: Piece[];
  private readonly cache: PieceAnalysis[] | null;

  constructor(
    readonly blocks: string[],
    private readonly lex: Lexicon,
  ) {
    lex.maybeReset();
    lex.arena.reset();
    this.pieces = toPieces(blocks);
    const total = blocks.reduce((n, b) => n + b.length, 0);
    this.cache = total <= CACHE_CHARS ? this.pieces.map((p) => analyzePiece(p, lex)) : null;
  }

  /** Calls `fn` for each analysed piece in reading order. */
  forEach(fn: (a: PieceAnalysis) => void): void {
    if (this.cache) this.cache.forEach(fn);
    else
      for (const p of this.pieces) {
        this.lex.arena.reset(); // the previous piece's analysis is no longer used
        fn(analyzePiece(p, this.lex));
      }
  }

  /** Builds the article-wide context (which words occur in lower case / Title case). */
  context(): DocContext {
    const ctx: DocContext = { lex: this.lex, stamp: ++this.lex.stamp };
    this.forEach((a) => {
      for (const s of a.sentences) addToContext(ctx, a.info, s.from, s.to);
    });
    return ctx;
  }
}

/** Calls `fn(from, to)` for each decoding run: sentences, cut at MAX_RUN tokens. */
export function forEachRun(sentences: Sentence[], fn: (from: number, to: number) => void): void {
  for (const s of sentences) for (let f = s.from; f < s.to; f += MAX_RUN) fn(f, Math.min(s.to, f + MAX_RUN));
}

/** Reusable buffers for tagging runs. */
export class Scratch {
  readonly gaz = new Uint8Array(MAX_RUN);
  readonly tags = new Uint8Array(MAX_RUN);
  readonly closed = new Uint8Array(MAX_RUN);
  readonly emit: Float32Array;
  readonly score: Float64Array;
  readonly back: Uint8Array;

  constructor(readonly nTags: number) {
    this.emit = new Float32Array(MAX_RUN * nTags);
    this.score = new Float64Array(MAX_RUN * nTags);
    this.back = new Uint8Array(MAX_RUN * nTags);
  }
}

/** Tags one analysed piece and returns its spans (token ranges with the kind named in `kinds`). */
export function tagPiece(
  a: PieceAnalysis,
  ctx: DocContext,
  gaz: Gazetteer,
  trans: Float32Array,
  kinds: TagKind[],
  sc: Scratch,
  rows: ContextCache,
): TSpan[] {
  const spans: TSpan[] = [];
  const T = sc.nTags,
    { emit, tags } = sc;
  for (const s of a.sentences) {
    for (let from = s.from; from < s.to; from += MAX_RUN) {
      const to = Math.min(s.to, from + MAX_RUN);
      emissions(rows, a.info, from, to, ctx, gaz, sc.gaz, sc.closed, emit);
      viterbi(emit, to - from, T, trans, tags, sc.score, sc.back, sc.closed);
      // Spans: a B- tag, or an I- tag of another kind than the open span's, starts one.
      let open = -1,
        kind = -1;
      for (let i = 0; i <= to - from; i++) {
        const t = i < to - from ? tags[i]! : 0;
        if (open >= 0 && (t === 0 || isB(t) || tagKind(t) !== kind)) {
          spans.push({ from: open, to: from + i, kind: kinds[kind]! });
          open = -1;
        }
        if (t !== 0 && open < 0) {
          open = from + i;
          kind = tagKind(t);
        }
      }
    }
  }
  return spans;
}
