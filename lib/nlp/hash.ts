/** Small, fast 32-bit string hashing used for feature hashing (no string building on the hot path). */

/** FNV-1a over the UTF-16 code units of `s[from, to)`. */
export function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a of a whole string. */
export function hashString(s: string): number {
  return hashRange(s, 0, s.length);
}

/** Mixes a feature template id with up to two value hashes into one well-spread non-negative 31-bit value. */
export function mix(template: number, a: number, b = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= Math.imul(b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 1;
}
