/**
 * Word cache: each distinct token text gets an id and its word-level facts
 * (normalised form, hashes, case class, rule flags) are computed once. News text
 * is Zipfian, so most tokens are cache hits. Bounded: cleared between articles
 * when it grows past MAX_WORDS (ids are only valid within one article).
 */
import { hashString } from './hash';
import { normTok } from './gazetteer';
import { wordFlags } from './word-flags';
import { Cls, caseClass, shapeOf } from './word-shape';
import { TokenBuffer } from './tokenize';
import { Arena } from './token-info';
import { fillSlot, grow, pair, PACKED, SLOT } from './word-slots';

export { Cls, caseClass, shapeOf };

const MAX_WORDS = 1 << 17;
/** Number of small shape ids (the common shapes; the mapping outlives cache resets). */
export const SHAPE_IDS = 63;
/** Most aggregated context features per word (see addToContext). */
export const AGG_MAX = 6;

/** The word cache. */
export class Lexicon {
  /**
   * Open-addressing table over the token texts' hashes, SLOT ints per slot: hash, id + 1 (0 = empty),
   * length, then the text's first PACKED characters two per int. A probe reads one cache line and,
   * for words of up to PACKED characters (most tokens), never touches the interned string.
   */
  private slots = new Int32Array(SLOT << 13);
  private hashes = new Int32Array(4096);
  /** Each word's exact token text (interned: tokens share these strings). */
  text: string[] = [];
  lower: string[] = [];
  wh = new Int32Array(4096);
  sh = new Int32Array(4096);
  /** Small id of each word's shape: the first SHAPE_IDS distinct shapes get 0.., later ones SHAPE_IDS (see ContextCache). */
  sid = new Uint8Array(4096);
  private readonly shapeIds = new Map<number, number>();
  cls = new Uint8Array(4096);
  /** Rule flags of each word (see word-flags.ts). */
  flags = new Uint8Array(4096);
  /** Id of each word's folded form (lower case, digits as 0), shared by "Nato", "NATO" and "nato". */
  lid = new Int32Array(4096);
  private lowerIds = new Map<string, number>();
  /** Per folded form: the article stamp when last seen in lower case / capitalised mid-sentence. */
  lowerStamp = new Uint32Array(4096);
  titleStamp = new Uint32Array(4096);
  /**
   * Per folded form, the aggregated context of its capitalised occurrences in the article
   * (see addToContext): AGG_MAX feature ids from aggF[lid * AGG_MAX], aggN[lid] of them,
   * valid while aggStamp[lid] is the article stamp.
   */
  aggStamp = new Uint32Array(4096);
  aggN = new Uint8Array(4096);
  aggF = new Int32Array(4096 * AGG_MAX);
  /** Per aggregated feature, the neighbour it comes from: word id * 2 + side (0 = left, 1 = right). */
  aggW = new Int32Array(4096 * AGG_MAX);
  /** Current article stamp (see DocContext); stamps replace per-article sets. */
  stamp = 0;
  /** Bumped whenever ids are invalidated, so caches keyed by id know to clear. */
  generation = 0;
  /** Scratch for the tokeniser, and the arena of the current article's per-token arrays (see Article). */
  readonly tokens = new TokenBuffer();
  readonly arena = new Arena();

  get size(): number {
    return this.lower.length;
  }

  /** Clears the cache if it has grown too large; call only between articles. */
  maybeReset(): void {
    if (this.lower.length < MAX_WORDS) return;
    this.slots = new Int32Array(SLOT << 13);
    this.text = [];
    this.lower = [];
    this.lowerIds = new Map();
    this.lowerStamp = new Uint32Array(4096);
    this.titleStamp = new Uint32Array(4096);
    this.aggStamp = new Uint32Array(4096);
    this.aggN = new Uint8Array(4096);
    this.aggF = new Int32Array(4096 * AGG_MAX);
    this.aggW = new Int32Array(4096 * AGG_MAX);
    this.generation++;
  }

  /** The id of a token text, computing its facts on first sight. */
  id(text: string): number {
    return this.idAt(text, 0, text.length);
  }

  /**
   * The id of the token `src[start, end)`. Known words are found by hashing the characters
   * in place, so the tokeniser needs no substring per token (it reuses `text[id]`).
   */
  idAt(src: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ src.charCodeAt(i), 0x01000193);
    const slots = this.slots,
      mask = (slots.length >> 3) - 1,
      len = end - start;
    let slot = h & mask;
    for (let e = slots[SLOT * slot + 1]!; e !== 0; e = slots[SLOT * slot + 1]!) {
      const b = SLOT * slot;
      if (slots[b] === h && slots[b + 2] === len) {
        if (len <= PACKED) {
          let k = 0;
          while (k < len && slots[b + 3 + (k >> 1)] === pair(src, start + k, start + Math.min(k + 2, len))) k += 2;
          if (k >= len) return e - 1;
        } else {
          const t = this.text[e - 1]!;
          let k = 0;
          while (k < len && t.charCodeAt(k) === src.charCodeAt(start + k)) k++;
          if (k === len) return e - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
    return this.add(start === 0 && end === src.length ? src : src.slice(start, end), h, slot);
  }

  /** Adds a new word whose hash is `h` at free table slot `slot`. */
  private add(text: string, h: number, slot: number): number {
    const id = this.lower.length;
    const lower = normTok(text);
    this.lower.push(lower);
    if (id >= this.wh.length) {
      this.wh = grow(this.wh, id + 1, (n) => new Int32Array(n));
      this.sh = grow(this.sh, id + 1, (n) => new Int32Array(n));
      this.sid = grow(this.sid, id + 1, (n) => new Uint8Array(n));
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
        this.aggStamp = grow(this.aggStamp, lid + 1, (n) => new Uint32Array(n));
        this.aggN = grow(this.aggN, lid + 1, (n) => new Uint8Array(n));
        this.aggF = grow(this.aggF, (lid + 1) * AGG_MAX, (n) => new Int32Array(n));
        this.aggW = grow(this.aggW, (lid + 1) * AGG_MAX, (n) => new Int32Array(n));
      }
    }
    this.lid[id] = lid;
    this.wh[id] = hashString(folded);
    const sh = (this.sh[id] = hashString(shapeOf(text)));
    let sid = this.shapeIds.get(sh);
    if (sid === undefined) {
      sid = Math.min(this.shapeIds.size, SHAPE_IDS);
      if (sid < SHAPE_IDS) this.shapeIds.set(sh, sid);
    }
    this.sid[id] = sid;
    this.cls[id] = caseClass(text);
    this.flags[id] = wordFlags(lower);
    this.text.push(text);
    this.hashes = grow(this.hashes, id + 1, (n) => new Int32Array(n));
    this.hashes[id] = h;
    fillSlot(this.slots, SLOT * slot, h, id, text);
    // Keep the table at most half full, so probes stay short.
    if ((id + 1) * 2 * SLOT > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2),
      mask = (slots.length >> 3) - 1;
    for (let id = 0; id < this.text.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[SLOT * slot + 1] !== 0) slot = (slot + 1) & mask;
      fillSlot(slots, SLOT * slot, this.hashes[id]!, id, this.text[id]!);
    }
    this.slots = slots;
  }
}
