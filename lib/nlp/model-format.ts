/**
 * The tagger file format (public/model/tagger.json): JSON with the kinds,
 * hash width, transition matrix, and the sparse emission weights as base64 text:
 * bucket ids as varint deltas and each row as int8 values times `scale`.
 */
import type { TagKind } from './tagger';
import { PackedWeights } from './weights';

/** The tagger as loaded in memory. */
export interface TaggerModel {
  kinds: TagKind[];
  weights: PackedWeights;
  /** (nTags + 1) × nTags transition scores; the last row is the sentence start. */
  trans: Float32Array;
  /** Word hashes of lower-case words/symbols seen inside names in training (others are always O). */
  open: Set<number>;
}

interface TaggerJson {
  format: 'backstory-tagger';
  version: 1;
  kinds: TagKind[];
  bits: number;
  nTags: number;
  scale: number;
  trans: number[];
  keys: string;
  rows: string;
  open: number[];
}

/** Quantile of non-zero |weights| mapped to the int8 maximum (see encodeTagger). */
const QUANTILE = 1;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Each base64 character's value by char code (-1: not base64). */
const B64_VALUES = Int8Array.from({ length: 128 }, (_, code) => B64.indexOf(String.fromCharCode(code)));

/** Base64 without relying on Buffer or btoa (works in Node, workers and tests alike). */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i],
      b = bytes[i + 1] ?? 0,
      c = bytes[i + 2] ?? 0;
    parts.push(
      B64[a! >> 2]! +
        B64[((a! & 3) << 4) | (b >> 4)]! +
        (i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)] : '=') +
        (i + 2 < bytes.length ? B64[c & 63] : '='),
    );
  }
  return parts.join('');
}

/** Inverse of toBase64; throws on characters outside the alphabet. */
export function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0,
    acc = 0,
    o = 0;
  for (let i = 0; i < clean.length; i++) {
    // A table, not B64.indexOf(clean[i]): over the model's 1.1 MB of base64 the search took 20 ms
    // against 8 (Node), on a woken worker's model load, which the first article may wait for.
    const code = clean.charCodeAt(i);
    const v = code < 128 ? B64_VALUES[code]! : -1;
    if (v < 0) throw new Error(`tagger.json: invalid base64 character at ${i}`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}

/** Serialises trained weights: `dense` holds 2^bits × nTags averaged weights. */
export function encodeTagger(
  kinds: TagKind[],
  bits: number,
  dense: Float64Array,
  trans: Float64Array,
  minAbs: number,
  open: number[],
): string {
  const nTags = 1 + 2 * kinds.length;
  // int8 quantisation: the scale maps a high quantile of |w| to 127 and clips the rare
  // larger weights, which keeps far more small weights distinct than scaling by the maximum.
  const mags: number[] = [];
  for (let i = 0; i < dense.length; i++) if (dense[i]) mags.push(Math.abs(dense[i]!));
  mags.sort((x, y) => x - y);
  const scale = (mags[Math.min(mags.length - 1, Math.floor(mags.length * QUANTILE))] ?? 1) / 127 || 1;
  const q = (x: number) => Math.max(-127, Math.min(127, Math.round(x / scale)));
  const keys: number[] = [];
  const rows: number[] = [];
  for (let b = 0; b < 1 << bits; b++) {
    const base = b * nTags;
    let keep = false;
    for (let t = 0; t < nTags; t++) if (Math.abs(dense[base + t]!) >= minAbs && q(dense[base + t]!) !== 0) keep = true;
    if (!keep) continue;
    keys.push(b);
    for (let t = 0; t < nTags; t++) rows.push(q(dense[base + t]!));
  }
  const varint: number[] = [];
  let prev = 0;
  for (const k of keys) {
    let d = k - prev;
    prev = k;
    while (d >= 128) {
      varint.push((d & 127) | 128);
      d >>>= 7;
    }
    varint.push(d);
  }
  const json: TaggerJson = {
    format: 'backstory-tagger',
    version: 1,
    kinds,
    bits,
    nTags,
    scale,
    trans: [...trans].map((x) => Math.round(x * 1000) / 1000),
    open: [...open].sort((x, y) => x - y),
    keys: toBase64(Uint8Array.from(varint)),
    rows: toBase64(Int8Array.from(rows).length ? new Uint8Array(Int8Array.from(rows).buffer) : new Uint8Array()),
  };
  return JSON.stringify(json);
}

/** Parses tagger.json text into a TaggerModel, throwing a clear Error when it is malformed. */
export function decodeTagger(text: string): TaggerModel {
  let j: TaggerJson;
  try {
    j = JSON.parse(text) as TaggerJson;
  } catch (e) {
    throw new Error(`tagger.json is not valid JSON: ${(e as Error).message}`);
  }
  if (!j || j.format !== 'backstory-tagger' || j.version !== 1)
    throw new Error('tagger.json: not a backstory-tagger v1 file');
  if (!Array.isArray(j.kinds) || j.nTags !== 1 + 2 * j.kinds.length)
    throw new Error('tagger.json: kinds and nTags disagree');
  if (!Array.isArray(j.trans) || j.trans.length !== (j.nTags + 1) * j.nTags)
    throw new Error('tagger.json: bad transition matrix size');
  if (typeof j.keys !== 'string' || typeof j.rows !== 'string' || !(j.bits > 0 && j.bits <= 30))
    throw new Error('tagger.json: missing weights');
  const kb = fromBase64(j.keys);
  const keys: number[] = [];
  let prev = 0;
  for (let i = 0; i < kb.length; ) {
    let d = 0,
      shift = 0,
      byte: number;
    do {
      byte = kb[i++]!;
      d |= (byte & 127) << shift;
      shift += 7;
    } while (byte & 128 && i < kb.length);
    prev += d;
    keys.push(prev);
  }
  const rb = new Int8Array(fromBase64(j.rows).buffer);
  if (rb.length !== keys.length * j.nTags) throw new Error('tagger.json: weight rows do not match keys');
  const T = j.nTags;
  // Emission scores stay in int8 units, so transitions are divided by the scale;
  // forbidden BIO moves are stored as a large negative number (JSON has no −∞).
  const trans = Float32Array.from(j.trans, (x) => (x <= -1e4 ? -Infinity : x / j.scale));
  if (!Array.isArray(j.open) || j.open.some((x) => typeof x !== 'number'))
    throw new Error('tagger.json: "open" must be an array of numbers');
  return { kinds: j.kinds, weights: new PackedWeights(j.bits, T, keys, rb), trans, open: new Set(j.open) };
}
