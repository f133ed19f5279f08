/**
 * Word cache: each distinct token text gets an id and its word-level facts
 * (normalised form, hashes, case class, rule flags) are computed once. News text
 * is Zipfian, so most tokens are cache hits. Bounded: cleared between articles
 * when it grows past MAX_WORDS (ids are only valid within one article).
 */
import { hashString } from './hash';
import { normTok } from './gazetteer';
import { wordFlags } from './word-flags';

const MAX_WORDS = 1 << 17;

/** Case classes of a token. */
export const enum Cls {
  Lower = 0,
  Title = 1,
  Caps = 2,
  Initial = 3,
  Digit = 4,
  Other = 5,
}

/** Case class of a token text. */
export function caseClass(t: string): Cls {
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return Cls.Digit;
  const first = t[0] ?? '';
  const up = first.toUpperCase(), lo = first.toLowerCase();
  if (up === lo) return /\p{L}/u.test(first) ? Cls.Title : Cls.Other;
  if (first === lo) return Cls.Lower;
  if (t.length === 1 || (t.length === 2 && t[1] === '.')) return Cls.Initial;
  return t === t.toUpperCase() ? Cls.Caps : Cls.Title;
}

/** Collapsed word shape: "Nato-Russia" → "Xx-Xx", "1996-08-22" → "d-d-d", at most 8 symbols. */
export function shapeOf(t: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < t.length && out.length < 8; i++) {
    const ch = t[i]!;
    const c = ch.charCodeAt(0);
    let k: string;
    if (c >= 48 && c <= 57) k = 'd';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c >= 65 && c <= 90) k = 'X';
    else if (c < 128) k = ch;
    else {
      const lo = ch.toLowerCase(), up = ch.toUpperCase();
      k = lo !== up ? (ch === up ? 'X' : 'x') : /\p{L}/u.test(ch) ? 'x' : ch;
    }
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

/** Grows a typed array to at least `n` elements. */
function grow<T extends Int32Array | Uint8Array | Uint32Array>(a: T, n: number, make: (n: number) => T): T {
  if (a.length >= n) return a;
  const b = make(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** The word cache. */
export class Lexicon {
  private map = new Map<string, number>();
  lower: string[] = [];
  wh = new Int32Array(4096);
  sh = new Int32Array(4096);
  cls = new Uint8Array(4096);
  /** Rule flags of each word (see word-flags.ts). */
  flags = new Uint8Array(4096);
  /** Id of each word's folded form (lower case, digits as 0), shared by "Nato", "NATO" and "nato". */
  lid = new Int32Array(4096);
  private lowerIds = new Map<string, number>();
  /** Per folded form: the article stamp when last seen in lower case / capitalised mid-sentence. */
  lowerStamp = new Uint32Array(4096);
  titleStamp = new Uint32Array(4096);
  /** Current article stamp (see DocContext); stamps replace per-article sets. */
  stamp = 0;
  /** Bumped whenever ids are invalidated, so caches keyed by id know to clear. */
  generation = 0;

  get size(): number {
    return this.lower.length;
  }

  /** Clears the cache if it has grown too large; call only between articles. */
  maybeReset(): void {
    if (this.lower.length < MAX_WORDS) return;
    this.map = new Map();
    this.lower = [];
    this.lowerIds = new Map();
    this.lowerStamp = new Uint32Array(4096);
    this.titleStamp = new Uint32Array(4096);
    this.generation++;
  }

  /** The id of a token text, computing its facts on first sight. */
  id(text: string): number {
    let id = this.map.get(text);
    if (id !== undefined) return id;
    id = this.lower.length;
    const lower = normTok(text);
    this.lower.push(lower);
    if (id >= this.wh.length) {
      this.wh = grow(this.wh, id + 1, (n) => new Int32Array(n));
      this.sh = grow(this.sh, id + 1, (n) => new Int32Array(n));
      this.cls = grow(this.cls, id + 1, (n) => new Uint8Array(n));
      this.flags = grow(this.flags, id + 1, (n) => new Uint8Array(n));
      this.lid = grow(this.lid, id + 1, (n) => new Int32Array(n));
    }
    const folded = /\d/.test(lower) ? lower.replace(/\d/g, '0') : lower;
    let lid = this.lowerIds.get(folded);
    if (lid === undefined) {
      lid = this.lowerIds.size;
      this.lowerIds.set(folded, lid);
      if (lid >= this.lowerStamp.length) {
        this.lowerStamp = grow(this.lowerStamp, lid + 1, (n) => new Uint32Array(n));
        this.titleStamp = grow(this.titleStamp, lid + 1, (n) => new Uint32Array(n));
      }
    }
    this.lid[id] = lid;
    this.wh[id] = hashString(folded);
    this.sh[id] = hashString(shapeOf(text));
    this.cls[id] = caseClass(text);
    this.flags[id] = wordFlags(lower);
    this.map.set(text, id);
    return id;
  }
}
