/**
 * A local stand-in for Wikipedia (node:http on 127.0.0.1) answering the two requests Backstory's
 * client makes (lib/lookup/wikipedia.ts): `/w/api.php?action=query` (page facts for `titles=`,
 * or `generator=search`) and `/api/rest_v1/page/summary/{Title}`, from the JSON fixtures in
 * tests/fixtures/wiki/. It answers CORS preflights (the extension has no host permission for
 * 127.0.0.1, so its worker's requests are cross-origin), records every request with its headers,
 * and can answer a chosen request once with HTTP 429 + Retry-After.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fixturesDir } from '../../../scripts/lib/static-server';

/** Where the fixture answers live. */
export const WIKI_FIXTURES = path.join(fixturesDir, 'wiki');

interface PageFacts {
  description: string;
  disambiguation?: boolean;
}
interface WikiData {
  pages: Record<string, PageFacts>;
  search: Record<string, string[]>;
}

/** One request the server saw. */
export interface WikiRequest {
  method: string;
  /** Path without the query string, decoded. */
  path: string;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** Date.now() when it arrived. */
  at: number;
  status: number;
}

/** A rule answering the first matching request with 429. */
interface Throttle {
  matches: (req: WikiRequest) => boolean;
  retryAfter: string;
}

export interface WikiServer {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:40123" (the `lookupBaseUrl`). */
  url: string;
  /** Every request so far (preflights included), oldest first. */
  requests: WikiRequest[];
  /** The next GET matching `matches` gets HTTP 429 with `Retry-After: <retryAfter>`. */
  throttleOnce(matches: (req: WikiRequest) => boolean, retryAfter: string): void;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, OPTIONS',
  'access-control-allow-headers': 'Api-User-Agent',
  // Without this a cross-origin caller cannot read Retry-After (not a CORS-safelisted header).
  'access-control-expose-headers': 'Retry-After',
  'access-control-max-age': '0',
};

/** "Daniel_Weiss_(politician)" → "Daniel Weiss (politician)". */
export function titleOfPath(segment: string): string {
  return segment.replace(/_/g, ' ');
}

function loadData(): WikiData {
  return JSON.parse(readFileSync(path.join(WIKI_FIXTURES, 'pages.json'), 'utf8')) as WikiData;
}

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): number {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(text);
  return status;
}

/** An action=query answer (formatversion=2), as Wikipedia shapes it. */
function queryAnswer(data: WikiData, params: Record<string, string>): unknown {
  const pageOf = (title: string, index?: number) => {
    const facts = data.pages[title];
    if (!facts) return { ns: 0, title, missing: true };
    return {
      pageid: 1000 + Object.keys(data.pages).indexOf(title),
      ns: 0,
      title,
      ...(index === undefined ? {} : { index }),
      description: facts.description,
      descriptionsource: 'local',
      ...(facts.disambiguation ? { pageprops: { disambiguation: '' } } : {}),
    };
  };
  if (params.generator === 'search') {
    const hits = (data.search[params.gsrsearch ?? ''] ?? []).slice(0, Number(params.gsrlimit ?? 10));
    if (hits.length === 0) return { batchcomplete: true };
    return { batchcomplete: true, query: { pages: hits.map((t, i) => pageOf(t, i + 1)) } };
  }
  const titles = (params.titles ?? '').split('|').filter(Boolean);
  return { batchcomplete: true, query: { pages: titles.map((t) => pageOf(t)) } };
}

function answer(req: WikiRequest, res: ServerResponse, data: WikiData): number {
  if (req.path === '/w/api.php') {
    if (req.params.action !== 'query' || req.params.format !== 'json')
      return json(res, 400, { error: { code: 'badparams', info: 'only action=query&format=json here' } });
    return json(res, 200, queryAnswer(data, req.params));
  }
  const prefix = '/api/rest_v1/page/summary/';
  if (req.path.startsWith(prefix)) {
    const title = titleOfPath(req.path.slice(prefix.length));
    // Only titles listed in pages.json map onto files: no way out of the fixture folder.
    const file = path.join(WIKI_FIXTURES, 'summary', `${title.replace(/ /g, '_')}.json`);
    if (data.pages[title] && existsSync(file)) return json(res, 200, JSON.parse(readFileSync(file, 'utf8')));
    return json(res, 404, { type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.' });
  }
  return json(res, 404, { error: 'not found' });
}

/** Starts the stand-in on a free port of 127.0.0.1. */
export async function startWikiServer(): Promise<WikiServer> {
  const data = loadData();
  const requests: WikiRequest[] = [];
  const throttles: Throttle[] = [];
  const server = createServer((raw, res) => {
    const url = new URL(raw.url ?? '/', 'http://127.0.0.1');
    let decoded = url.pathname;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      // Keep the raw path: it will simply not match a fixture.
    }
    const req: WikiRequest = {
      method: raw.method ?? 'GET',
      path: decoded,
      params: Object.fromEntries(url.searchParams),
      headers: raw.headers,
      at: Date.now(),
      status: 0,
    };
    requests.push(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end();
      req.status = 204;
      return;
    }
    const throttle = throttles.findIndex((t) => t.matches(req));
    if (throttle >= 0) {
      const [rule] = throttles.splice(throttle, 1);
      req.status = json(res, 429, { error: 'too many requests' }, { 'retry-after': rule?.retryAfter ?? '1' });
      return;
    }
    req.status = answer(req, res, data);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    throttleOnce: (matches, retryAfter) => void throttles.push({ matches, retryAfter }),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
