/**
 * Gazetteers: lists of multi-word names matched token by token, case-insensitively.
 * The lists themselves are generated from data packages by scripts/build-gazetteer.ts.
 */
import { tokenize } from './tokenize';

/** Gazetteer list names, in the bit order used by features. */
export const GAZ_TYPES = ['country', 'city', 'demonym', 'capital'] as const;
export type GazType = (typeof GAZ_TYPES)[number];
const PLACE_BITS =
  (1 << GAZ_TYPES.indexOf('country')) | (1 << GAZ_TYPES.indexOf('city')) | (1 << GAZ_TYPES.indexOf('capital'));
const DEMONYM_BIT = 1 << GAZ_TYPES.indexOf('demonym');

/** The JSON shape of public/model/gazetteer.json. */
export interface GazetteerData {
  version: 1;
  lists: Record<GazType, string[]>;
}

/** Lower-cased, quote-normalised token text used as gazetteer key part. */
export function normTok(t: string): string {
  return t.toLowerCase().replace(/’/g, "'");
}

/** A trie node: the value of the phrase ending here, and the next tokens of longer phrases. */
class PhraseNode<V> {
  value: V | undefined = undefined;
  next: Map<string, PhraseNode<V>> | null = null;
}

/**
 * A phrase dictionary: token-sequence key -> value. Stored as a trie over normalised
 * tokens, so look-ups walk token strings (interned by the word cache, hashes cached)
 * and never build joined keys.
 */
export class PhraseMap<V> {
  private readonly root = new Map<string, PhraseNode<V>>();
  private count = 0;

  /** Adds a phrase; `merge` combines a value with one already stored for the same key. */
  add(phrase: string, value: V, merge?: (old: V, v: V) => V): void {
    this.addTokens(
      tokenize(phrase).map((t) => normTok(t.text)),
      value,
      merge,
    );
  }

  /** Adds a phrase given as normalised token texts (see normTok). */
  addTokens(toks: string[], value: V, merge?: (old: V, v: V) => V): void {
    if (toks.length === 0) return;
    let level = this.root,
      node: PhraseNode<V> | undefined;
    for (let i = 0; i < toks.length; i++) {
      node = level.get(toks[i]!);
      if (!node) level.set(toks[i]!, (node = new PhraseNode<V>()));
      if (i + 1 < toks.length) level = node.next ??= new Map();
    }
    const old = node!.value;
    if (old === undefined) this.count++;
    node!.value = old !== undefined && merge ? merge(old, value) : value;
  }

  /** True when some phrase starts with normalised token `t`. */
  startsWith(t: string): boolean {
    return this.root.has(t);
  }

  /** The value stored for a space-joined key of normalised tokens. */
  get(key: string): V | undefined {
    if (key.indexOf(' ') < 0) return this.root.get(key)?.value;
    let level: Map<string, PhraseNode<V>> | null = this.root,
      node: PhraseNode<V> | undefined;
    for (const t of key.split(' ')) {
      node = level?.get(t);
      if (!node) return undefined;
      level = node.next;
    }
    return node?.value;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Longest phrase starting at token `i` of `lower` (normalised token texts), or null.
   * Returns the phrase length in tokens and its value.
   */
  longestAt(lower: string[], i: number, limit = lower.length): { len: number; value: V } | null {
    let node = this.root.get(lower[i]!);
    let bestLen = 0,
      bestValue: V | undefined;
    for (let n = 1; node; n++) {
      if (node.value !== undefined) {
        bestLen = n;
        bestValue = node.value;
      }
      if (!node.next || i + n >= limit) break;
      node = node.next.get(lower[i + n]!);
    }
    return bestLen ? { len: bestLen, value: bestValue! } : null;
  }
}

/** The gazetteer used as tagger features: each phrase maps to a bit mask of GAZ_TYPES. */
export class Gazetteer {
  readonly phrases = new PhraseMap<number>();

  constructor(data: GazetteerData) {
    GAZ_TYPES.forEach((type, bit) => {
      for (const name of data.lists[type] ?? []) this.phrases.add(name, 1 << bit, (a, b) => a | b);
    });
  }

  /** True when the normalised phrase (tokens joined by spaces) is in list `type`. */
  has(key: string, type: GazType): boolean {
    return ((this.phrases.get(key) ?? 0) & (1 << GAZ_TYPES.indexOf(type))) !== 0;
  }

  /** True for a known place name: country, city or capital. */
  isPlace(key: string): boolean {
    return ((this.phrases.get(key) ?? 0) & PLACE_BITS) !== 0;
  }

  /** True for a nationality word, singular or plural ("Tajik", "Libyans"). */
  isDemonym(key: string): boolean {
    return (
      ((this.phrases.get(key) ?? 0) & DEMONYM_BIT) !== 0 || (key.endsWith('s') && this.has(key.slice(0, -1), 'demonym'))
    );
  }

  /**
   * Per-token feature codes for tokens [from, to) (`cls` = case classes, see Lexicon): for each token, a bit mask
   * where bit (2*type) marks the first token of a match and bit (2*type+1) a later token.
   * `starts`, if given, flags the tokens (index i - from) that may start a phrase (see startsWith); others are skipped.
   */
  mark(lower: string[], cls: Uint8Array, from: number, to: number, out: Uint8Array, starts?: Uint8Array): void {
    for (let i = from; i < to; i++) out[i - from] = 0;
    for (let i = from; i < to; i++) {
      // Names start with a capital (classes Title, Caps, Initial); skipping the rest saves look-ups.
      const c = cls[i]!;
      if ((c !== 1 && c !== 2 && c !== 3) || (starts && !starts[i - from])) continue;
      const m = this.phrases.longestAt(lower, i, to);
      if (!m) continue;
      for (let b = 0; b < GAZ_TYPES.length; b++) {
        if (!(m.value & (1 << b))) continue;
        out[i - from]! |= 1 << (2 * b);
        for (let k = 1; k < m.len; k++) out[i + k - from]! |= 1 << (2 * b + 1);
      }
    }
  }
}

/** Validates parsed gazetteer JSON, throwing a clear Error when it is malformed. */
export function checkGazetteerData(x: unknown): GazetteerData {
  const d = x as GazetteerData;
  if (!d || typeof d !== 'object' || d.version !== 1 || typeof d.lists !== 'object' || d.lists === null) {
    throw new Error('gazetteer.json: expected {"version":1,"lists":{...}}');
  }
  for (const type of GAZ_TYPES) {
    const list = d.lists[type];
    if (!Array.isArray(list) || list.some((s) => typeof s !== 'string')) {
      throw new Error(`gazetteer.json: lists.${type} must be an array of strings`);
    }
  }
  return d;
}
