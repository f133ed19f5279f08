/** Helpers of the word cache (Lexicon): its probe table's slot layout, and growing typed arrays. */

/** Grows a typed array to at least `n` elements. */
export function grow<T extends Int32Array | Uint8Array | Uint32Array>(a: T, n: number, make: (n: number) => T): T {
  if (a.length >= n) return a;
  const b = make(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** Ints per slot of the word table, and characters of a word stored in its slot. */
export const SLOT = 8,
  PACKED = 10;

/** Characters src[i] and, if i + 1 < end, src[i + 1], packed in one int (0 stands for no second character). */
export function pair(src: string, i: number, end: number): number {
  return src.charCodeAt(i) | (i + 1 < end ? src.charCodeAt(i + 1) << 16 : 0);
}

/** Writes word `id` (text `text`, hash `h`) into the slot at `b`. */
export function fillSlot(slots: Int32Array, b: number, h: number, id: number, text: string): void {
  slots[b] = h;
  slots[b + 1] = id + 1;
  slots[b + 2] = text.length;
  for (let k = 0; k < text.length && k < PACKED; k += 2) slots[b + 3 + (k >> 1)] = pair(text, k, text.length);
}
