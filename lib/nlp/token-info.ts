/**
 * Per-token facts of a piece of text, in typed arrays carved from one reusable arena: the
 * tokens' offsets and word-cache facts, gathered once per piece and shared by the tagger's
 * features and the span rules.
 */
import type { Lexicon } from './lexicon';
import { TokenBuffer, type Token } from './tokenize';

/** Per-token facts computed once per article and shared by all feature templates. */
export interface TokenInfo {
  /** Number of tokens. */
  n: number;
  /** Each token's exact text (the word cache's shared string) and normalised form. */
  text: string[];
  lower: string[];
  /** UTF-16 offsets of each token in its piece's text, and 1 when a line break precedes it. */
  start: Int32Array;
  end: Int32Array;
  nl: Uint8Array;
  /** Word-cache id of each token, and of its folded form (see Lexicon). */
  wid: Int32Array;
  lid: Int32Array;
  /** Hash of the normalised word (lower-case, digits folded to 0). */
  wh: Int32Array;
  /** Hash of the collapsed word shape ("Xx", "X.X.", "d-d"). */
  sh: Int32Array;
  cls: Uint8Array;
  /** Rule flags per token (see word-flags.ts) and their union over the text. */
  flags: Uint8Array;
  anyFlags: number;
}

/**
 * Bump allocator for the per-piece typed arrays: allocating a typed array's memory is costly,
 * so pieces take slices of one buffer, reset between articles (or pieces, for huge articles).
 * A full buffer is replaced, never reused, so views handed out earlier stay valid.
 */
export class Arena {
  private buf = new ArrayBuffer(1 << 16);
  private used = 0;

  /** Forgets every slice handed out; call only when none is in use any more. */
  reset(): void {
    this.used = 0;
  }

  /** Reserves `bytes` (rounded up to 8); returns the buffer and the slice's offset in it. */
  take(bytes: number): [ArrayBuffer, number] {
    const size = (bytes + 7) & ~7;
    if (this.used + size > this.buf.byteLength) {
      this.buf = new ArrayBuffer(Math.max(size, this.buf.byteLength * 2));
      this.used = 0;
    }
    const at = this.used;
    this.used += size;
    return [this.buf, at];
  }
}

/** Gathers the TokenInfo of the `buf.n` tokens in `buf` (word ids in `buf.id`) from the word cache. */
export function pieceInfo(buf: TokenBuffer, lex: Lexicon, arena: Arena = new Arena()): TokenInfo {
  const n = buf.n;
  const [mem, at] = arena.take(n * 27);
  const info: TokenInfo = {
    n,
    text: new Array<string>(n),
    lower: new Array<string>(n),
    start: new Int32Array(mem, at, n),
    end: new Int32Array(mem, at + 4 * n, n),
    wid: new Int32Array(mem, at + 8 * n, n),
    lid: new Int32Array(mem, at + 12 * n, n),
    wh: new Int32Array(mem, at + 16 * n, n),
    sh: new Int32Array(mem, at + 20 * n, n),
    cls: new Uint8Array(mem, at + 24 * n, n),
    flags: new Uint8Array(mem, at + 25 * n, n),
    nl: new Uint8Array(mem, at + 26 * n, n),
    anyFlags: 0,
  };
  info.start.set(buf.start.subarray(0, n));
  info.end.set(buf.end.subarray(0, n));
  info.nl.set(buf.nl.subarray(0, n));
  const { text, lower, wid, lid, wh, sh, cls, flags } = info,
    ids = buf.id;
  let any = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    wid[i] = id;
    lid[i] = lex.lid[id]!;
    text[i] = lex.text[id]!;
    lower[i] = lex.lower[id]!;
    wh[i] = lex.wh[id]!;
    sh[i] = lex.sh[id]!;
    cls[i] = lex.cls[id]!;
    any |= flags[i] = lex.flags[id]!;
  }
  info.anyFlags = any;
  return info;
}

/** Computes TokenInfo for tokens through the word cache (`ids`: their word ids, if known). */
export function tokenInfo(tokens: Token[], lex: Lexicon, ids?: number[]): TokenInfo {
  const buf = new TokenBuffer();
  while (buf.start.length < tokens.length) buf.grow();
  tokens.forEach((t, i) => {
    buf.start[i] = t.start;
    buf.end[i] = t.end;
    buf.nl[i] = t.nl ? 1 : 0;
    buf.id[i] = ids ? ids[i]! : lex.id(t.text);
  });
  buf.n = tokens.length;
  return pieceInfo(buf, lex);
}
