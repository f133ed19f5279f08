/**
 * A local HTTP server on 127.0.0.1 that answers like Wikipedia's action API and REST summary
 * endpoint, from the fixture data in wiki-fixtures.ts, plus misbehaving pages (stall, 429,
 * 500, malformed JSON, huge body, wrong content type). It records every request it gets.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAGES, REDIRECTS, SEARCH, SUMMARIES, type FixturePage } from './wiki-fixtures';

/** One request the server saw. */
export interface Seen {
  path: string;
  params: URLSearchParams;
  userAgent: string | undefined;
  at: number;
}

/** A running fixture server. */
export interface WikiServer {
  baseUrl: string;
  seen: Seen[];
  /** Misbehaviour counters, e.g. how many more 429s "Busy Name" gets. */
  failures: Map<string, number>;
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function queryPage(title: string, p: FixturePage | undefined, index?: number) {
  if (!p) return { title, missing: true };
  const page: Record<string, unknown> = { pageid: p.title.length, ns: 0, title: p.title, description: p.description };
  if (p.disambiguation) page.pageprops = { disambiguation: '' };
  if (index !== undefined) page.index = index;
  return page;
}

/** action=query: titles=A|B (with redirects) or generator=search. */
function answerQuery(params: URLSearchParams, res: ServerResponse): void {
  const search = params.get('gsrsearch');
  if (search !== null) {
    const hits = SEARCH[search] ?? [];
    if (hits.length === 0) return json(res, 200, { batchcomplete: true });
    return json(res, 200, { batchcomplete: true, query: { pages: hits.map((t, i) => queryPage(t, PAGES[t], i + 1)) } });
  }
  const titles = (params.get('titles') ?? '').split('|').filter(Boolean);
  const normalized: { from: string; to: string }[] = [];
  const redirects: { from: string; to: string }[] = [];
  const pages = titles.map((asked) => {
    let title = asked;
    const upper = asked.charAt(0).toUpperCase() + asked.slice(1);
    if (upper !== asked) {
      normalized.push({ from: asked, to: upper });
      title = upper;
    }
    const target = params.get('redirects') ? REDIRECTS[title] : undefined;
    if (target) {
      redirects.push({ from: title, to: target });
      title = target;
    }
    return queryPage(title, PAGES[title]);
  });
  json(res, 200, { batchcomplete: true, query: { normalized, redirects, pages } });
}

/** Misbehaving summaries, by title. Returns true when it answered. */
function misbehave(title: string, res: ServerResponse, failures: Map<string, number>): boolean {
  const left = failures.get(title) ?? 0;
  if (title === 'Busy Name' && left > 0) {
    failures.set(title, left - 1);
    json(res, 429, { type: 'rate-limited' }, { 'retry-after': '1' });
    return true;
  }
  if (title === 'Flaky Name' && left > 0) {
    failures.set(title, left - 1);
    json(res, 503, { type: 'unavailable' });
    return true;
  }
  if (title === 'Broken Name') return (json(res, 500, { type: 'server-error' }), true);
  if (title === 'Stalling Name') {
    // Ten seconds of silence, far beyond any client timeout; unref'd so it never holds the test run.
    setTimeout(() => json(res, 200, { type: 'standard', title }), 10_000).unref();
    return true;
  }
  if (title === 'Malformed Name') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"type": "standard", "title": ');
    return true;
  }
  if (title === 'Huge Name') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"type":"standard","title":"Huge Name","extract":"${'x'.repeat(5 * 1024 * 1024)}"}`);
    return true;
  }
  if (title === 'Html Name') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Not JSON</title>');
    return true;
  }
  return false;
}

function handle(req: IncomingMessage, res: ServerResponse, server: WikiServer): void {
  const url = new URL(req.url ?? '/', server.baseUrl);
  const ua = req.headers['api-user-agent'];
  server.seen.push({
    path: url.pathname,
    params: url.searchParams,
    userAgent: Array.isArray(ua) ? ua[0] : ua,
    at: Date.now(),
  });
  if (url.pathname === '/w/api.php' && url.searchParams.get('action') === 'query')
    return answerQuery(url.searchParams, res);
  const m = /^\/api\/rest_v1\/page\/summary\/(.+)$/.exec(url.pathname);
  if (!m) return json(res, 404, { type: 'not-found' });
  const title = decodeURIComponent(m[1] ?? '').replace(/_/g, ' ');
  if (misbehave(title, res, server.failures)) return;
  const target = REDIRECTS[title];
  if (target) {
    res.writeHead(302, { location: `/api/rest_v1/page/summary/${encodeURIComponent(target.replace(/ /g, '_'))}` });
    return void res.end();
  }
  const summary = SUMMARIES[title];
  if (!summary)
    return json(res, 404, { type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.' });
  json(res, 200, summary);
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startWikiServer(): Promise<WikiServer> {
  const sockets = new Set<import('node:net').Socket>();
  const server: WikiServer = { baseUrl: '', seen: [], failures: new Map(), close: async () => undefined };
  const http: Server = createServer((req, res) => handle(req, res, server));
  http.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  server.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy(); // stalled requests must not keep the test alive
      http.close(() => resolve());
    });
  return server;
}
