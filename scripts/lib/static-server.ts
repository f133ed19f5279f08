/**
 * A tiny static file server for the demo (`npm start`) and the end-to-end tests.
 * Serves the project's tests/fixtures at `/` and the shared real news pages at `/pages/`,
 * on 127.0.0.1 only, read-only, with no directory listing and no way out of its roots.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (this file lives in scripts/lib/). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the real news pages live: CI checks out ../shared beside the clone. */
export const sharedPagesDir = path.resolve(projectRoot, '../shared/pages');

/** Where the project's own test pages live. */
export const fixturesDir = path.join(projectRoot, 'tests/fixtures');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** URL prefix → directory it serves. Longest prefix wins. */
export type Mounts = Record<string, string>;

export interface StaticServer {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:40123". */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  mounts?: Mounts;
  /** Called once per request, e.g. for the demo's log. */
  onRequest?: (method: string, url: string, status: number) => void;
}

/**
 * Maps a request path onto a file inside one of the mounts, or null when it falls
 * outside every mount (including any `..` or encoded-slash trick).
 */
export function resolveRequestPath(urlPath: string, mounts: Mounts): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  for (const prefix of prefixes) {
    const dir = mounts[prefix];
    if (dir === undefined || !decoded.startsWith(prefix)) continue;
    const root = path.resolve(dir);
    const file = path.resolve(root, `.${path.posix.sep}${decoded.slice(prefix.length)}`);
    if (file !== root && !file.startsWith(root + path.sep)) return null;
    return file;
  }
  return null;
}

async function handle(req: IncomingMessage, res: ServerResponse, mounts: Mounts): Promise<number> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return 405;
  }
  const urlPath = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  let file = resolveRequestPath(urlPath, mounts);
  if (file === null) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden');
    return 403;
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return 404;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return 200;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.on('close', done);
    stream.pipe(res);
  });
  return 200;
}

/** Starts the server on 127.0.0.1 and resolves once it listens. */
export async function startStaticServer(options: ServeOptions = {}): Promise<StaticServer> {
  const mounts = options.mounts ?? { '/': fixturesDir, '/pages/': sharedPagesDir };
  const server = createServer((req, res) => {
    handle(req, res, mounts)
      .then((status) => options.onRequest?.(req.method ?? '?', req.url ?? '', status))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end('Server error');
        else res.destroy();
      });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
