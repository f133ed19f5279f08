/**
 * One guarded HTTP GET for JSON: a timeout covering headers and body, a cap on the body size, a
 * content-type check and a JSON parse. Every outcome is a value: nothing here throws.
 */

/** What one request gave. */
export type HttpOutcome =
  | { kind: 'json'; status: number; body: unknown }
  /** A non-2xx answer; `retryAfterMs` from its Retry-After header, when it had one. */
  | { kind: 'http'; status: number; retryAfterMs: number | null }
  /** No answer: network down, timeout. */
  | { kind: 'failed'; reason: string }
  /**
   * Held back: Wikipedia asked for a pause (429 or 5xx with Retry-After) longer than is worth
   * waiting, so the request (or its retry, when its own answer asked for the pause) is not sent.
   */
  | { kind: 'held'; waitMs: number }
  /** An answer came but cannot be used: too big, not JSON. */
  | { kind: 'unusable'; reason: string };

/** Options of {@link getJson}. */
export interface GetJsonOptions {
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  fetchImpl?: typeof fetch;
}

/**
 * Parses a Retry-After header: delta-seconds or an HTTP date. Returns milliseconds from `now`
 * (never negative), or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Reads at most `maxBytes` of a body; null when it is longer (the rest is cancelled). */
async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** Fetches `url` and returns its JSON body, or why there is none. */
export async function getJson(url: string, opts: GetJsonOptions): Promise<HttpOutcome> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), opts.timeoutMs);
  const doFetch = opts.fetchImpl ?? fetch;
  try {
    const res = await doFetch(url, {
      headers: opts.headers,
      signal: ctl.signal,
      redirect: 'follow',
      credentials: 'omit',
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'http', status: res.status, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) };
    }
    const type = res.headers.get('content-type') ?? '';
    if (!/\bjson\b/i.test(type)) {
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'unusable', reason: `the answer was ${type.split(';')[0] || 'untyped'}, not JSON` };
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > opts.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'unusable', reason: 'the answer was too large' };
    }
    const text = await readCapped(res, opts.maxBytes);
    if (text === null) return { kind: 'unusable', reason: 'the answer was too large' };
    try {
      return { kind: 'json', status: res.status, body: JSON.parse(text) as unknown };
    } catch {
      return { kind: 'unusable', reason: 'the answer was not valid JSON' };
    }
  } catch (error) {
    if (ctl.signal.aborted)
      return { kind: 'failed', reason: `no answer within ${Math.round(opts.timeoutMs / 100) / 10} s` };
    return {
      kind: 'failed',
      reason: `the network request failed (${error instanceof Error ? error.message : String(error)})`,
    };
  } finally {
    clearTimeout(timer);
  }
}
