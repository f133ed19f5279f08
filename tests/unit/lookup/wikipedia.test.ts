// @vitest-environment node
// Node's own fetch against a real local server: no fetch mocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestQueue } from '@/lib/lookup/queue';
import { WikipediaClient, userAgent } from '@/lib/lookup/wikipedia';
import { getJson, parseRetryAfter } from '@/lib/lookup/http';
import { toSummary } from '@/lib/lookup/schemas';
import { startWikiServer, type WikiServer } from './wiki-server';

let server: WikiServer;
beforeAll(async () => {
  server = await startWikiServer();
});
afterAll(() => server.close());

function client(opts: { timeoutMs?: number; queue?: RequestQueue } = {}) {
  return new WikipediaClient({
    baseUrl: server.baseUrl,
    queue: opts.queue ?? new RequestQueue({ baseDelayMs: 20 }),
    version: '9.8.7',
    timeoutMs: opts.timeoutMs ?? 2000,
  });
}

describe('WikipediaClient against a local server', () => {
  it('reads a summary: title, description, extract, Wikimedia thumbnail, link, Wikidata id; sends Api-User-Agent', async () => {
    const r = await client().summary('Yulia Skripal');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.summary).toMatchObject({
      title: 'Yulia Skripal',
      type: 'standard',
      description: 'Russian woman poisoned in England in 2018',
      wikibaseItem: 'Q90000001',
      pageUrl: 'https://en.wikipedia.org/wiki/Yulia_Skripal',
    });
    expect(r.summary.thumbnail).toMatch(/^https:\/\/upload\.wikimedia\.org\//);
    const last = server.seen.at(-1)!;
    expect(last.path).toBe('/api/rest_v1/page/summary/Yulia_Skripal');
    expect(last.userAgent).toBe(userAgent('9.8.7'));
    expect(last.userAgent).toMatch(/^Backstory\/9\.8\.7 \(/);
  });

  it('follows a redirect and drops a thumbnail that is not on upload.wikimedia.org', async () => {
    const r = await client().summary('Nato');
    expect(r.ok && r.summary.title).toBe('NATO');
    expect(r.ok && r.summary.thumbnail).toBeUndefined();
  });

  it('gives no image for a page without a thumbnail', async () => {
    const r = await client().summary('Porton Down');
    expect(r.ok && r.summary.thumbnail).toBeUndefined();
    expect(r.ok && r.summary.extract).toContain('science park');
  });

  it('strips markup and refuses a javascript: link', async () => {
    const r = await client().summary('Script Name');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.summary.extract).toBe('Before the markup and a link .');
    expect(r.summary.description).toBe('Person whose extract carries markup');
    expect(r.summary.pageUrl).toBeUndefined();
  });

  it('keeps "<" and ">" used as signs in a plain extract, dropping only real tags', () => {
    const s = toSummary({
      type: 'standard',
      title: 'Inequality (mathematics)',
      extract: 'The notation a < b means that a is less than b. The notation a > b means <i>greater</i>.',
    });
    expect(s?.extract).toBe('The notation a < b means that a is less than b. The notation a > b means greater .');
  });

  it('says "missing" on 404 and "failed" on every kind of bad answer, and whether Wikipedia was reached', async () => {
    const c = client({ timeoutMs: 400 });
    expect(await c.summary('Nobody Atall')).toMatchObject({ ok: false, missing: true });
    for (const [title, why] of [
      // An answer came: Wikipedia was reached, it just cannot be used.
      ['Malformed Name', /^Wikipedia answered, but the answer was not valid JSON\.$/],
      ['Huge Name', /^Wikipedia answered, but the answer was too large\.$/],
      ['Html Name', /^Wikipedia answered, but the answer was text\/html, not JSON\.$/],
      ['Stalling Name', /^Could not reach Wikipedia: no answer within 0\.4 s\.$/],
    ] as const) {
      const r = await c.summary(title);
      expect(r.ok, title).toBe(false);
      if (!r.ok) {
        expect(r.missing, title).toBe(false);
        expect(r.error, title).toMatch(why);
      }
    }
  });

  it('batches many titles into one query request, following normalisation and redirects', async () => {
    const before = server.seen.length;
    const r = await client().pages(['nato', 'Salisbury', 'Yulia Skripal', 'Nobody Atall']);
    expect(server.seen.length - before).toBe(1);
    expect(server.seen.at(-1)!.params.get('titles')).toBe('nato|Salisbury|Yulia Skripal|Nobody Atall');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.get('nato')?.title).toBe('NATO');
    expect(r.value.get('Salisbury')?.disambiguation).toBe(true);
    expect(r.value.get('Yulia Skripal')?.description).toContain('poisoned');
    expect(r.value.get('Nobody Atall')).toBeNull();
  });

  it('searches with descriptions, in rank order', async () => {
    const r = await client().search('Salisbury');
    expect(r.ok && r.value.map((p) => p.title).slice(0, 2)).toEqual(['Salisbury, Maryland', 'Salisbury Cathedral']);
    expect(r.ok && r.value.find((p) => p.title === 'Salisbury')?.disambiguation).toBe(true);
  });
});

describe('back-off', () => {
  it('honours Retry-After on 429 and then gets the answer', async () => {
    server.failures.set('Busy Name', 1);
    const t0 = Date.now();
    const r = await client().summary('Busy Name');
    expect(r.ok && r.summary.extract).toBe('Answered after a 429.');
    const hits = server.seen.filter((s) => s.path.endsWith('/Busy_Name')).map((s) => s.at);
    expect(hits).toHaveLength(2);
    expect(hits[1]! - hits[0]!).toBeGreaterThanOrEqual(950);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('backs off on 5xx, doubling the delay, and keeps later requests waiting behind the pause', async () => {
    server.failures.set('Flaky Name', 2);
    const queue = new RequestQueue({ baseDelayMs: 100 });
    const c = client({ queue });
    const [flaky, other] = await Promise.all([c.summary('Flaky Name'), c.summary('Porton Down')]);
    expect(flaky.ok && flaky.summary.extract).toBe('Answered after a 503.');
    expect(other.ok).toBe(true);
    const hits = server.seen.filter((s) => s.path.endsWith('/Flaky_Name')).map((s) => s.at);
    expect(hits).toHaveLength(3);
    expect(hits[1]! - hits[0]!).toBeGreaterThanOrEqual(90);
    expect(hits[2]! - hits[1]!).toBeGreaterThanOrEqual(190);
    // One at a time: the other request went out only after the flaky one was answered.
    const porton = server.seen.filter((s) => s.path.endsWith('/Porton_Down')).at(-1)!;
    expect(porton.at).toBeGreaterThanOrEqual(hits[2]!);
  });

  it('gives up after its retries on a server that keeps failing, and the queue keeps moving', async () => {
    const c = client({ queue: new RequestQueue({ baseDelayMs: 10, maxRetries: 2 }) });
    const broken = await c.summary('Broken Name');
    expect(broken).toMatchObject({ ok: false, missing: false, error: 'Wikipedia answered HTTP 500.' });
    expect(server.seen.filter((s) => s.path.endsWith('/Broken_Name'))).toHaveLength(3);
    expect((await c.summary('Quiet Village')).ok).toBe(true);
  });

  it('does not wait out an absurd Retry-After: the request fails at once', async () => {
    let now = 0;
    const queue = new RequestQueue({ maxWaitMs: 5000, now: () => now, sleep: async (ms) => void (now += ms) });
    const first = await queue.run(async () => ({ kind: 'http', status: 429, retryAfterMs: 3_600_000 }));
    expect(first).toEqual({ kind: 'held', waitMs: 3_600_000 });
  });

  it('says a held request is a pause Wikipedia asked for, not a failure to reach it', async () => {
    server.failures.set('Busy Name', 1);
    // Retry-After: 1 s, above this queue's longest wait: the retry is held, not sent.
    const r = await client({ queue: new RequestQueue({ maxWaitMs: 500 }) }).summary('Busy Name');
    expect(r).toMatchObject({ ok: false, error: 'Wikipedia asked Backstory to pause; it can ask again in 1 s.' });
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(10_000 + 5000).toUTCString(), 10_000)).toBe(5000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it('getJson turns a refused connection into a failed outcome', async () => {
    const r = await getJson('http://127.0.0.1:1/nothing', { timeoutMs: 1000, maxBytes: 1000 });
    expect(r.kind).toBe('failed');
  });
});
