/**
 * Project conventions, enforced by a test rather than by memory (refined-github style).
 * Each rule protects a promise made to readers: the page never sees notes, the content
 * script never opens the news site's IndexedDB, shadow UI survives the page's font size.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(name)) out.push(rel);
  }
  return out;
}

const shipped = ['entrypoints', 'components', 'lib'].flatMap(sourceFiles);
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('conventions', () => {
  it('never parses HTML from strings (no innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML)', () => {
    const offenders = shipped.filter((f) =>
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/.test(read(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps only entrypoints directly in entrypoints/', () => {
    const loose = readdirSync(join(root, 'entrypoints')).filter(
      (name) => statSync(join(root, 'entrypoints', name)).isFile() && !/\.(ts|tsx|html)$/.test(name),
    );
    expect(loose).toEqual([]);
  });

  it('does not let the content script or the page-side UI reach IndexedDB', () => {
    const pageSide = [...sourceFiles('entrypoints/article.content'), ...sourceFiles('lib/dom')];
    const imports = pageSide.flatMap((f) => {
      const text = read(f);
      return /from ['"](dexie|@\/lib\/db\/(?!records)|.*\/db\/(?!records))|indexedDB/.test(text) ? [f] : [];
    });
    expect(imports).toEqual([]);
  });

  it('does not bundle the model into the content script', () => {
    const pageSide = [...sourceFiles('entrypoints/article.content'), ...sourceFiles('lib/dom')];
    expect(pageSide.filter((f) => /lib\/nlp|\/nlp\//.test(read(f)))).toEqual([]);
  });

  it('keeps every content script from posting WXT\'s "script started" message to the page', () => {
    // The page's message listeners would hear it (with the extension's id): see article.content/index.ts.
    const scripts = shipped.filter((f) => f.startsWith('entrypoints/') && /defineContentScript\(/.test(read(f)));
    expect(scripts.length).toBeGreaterThanOrEqual(1);
    expect(scripts.filter((f) => !/noScriptStartedPostMessage: true/.test(read(f)))).toEqual([]);
  });

  it("keeps the page starter free of the browser API polyfill and of WXT's content script context", () => {
    // It runs inside the parse task of every news page: see entrypoints/page-start.ts.
    // Every import, on one line or several, and side-effect imports ("import 'x';").
    const imports = (file: string) =>
      [...read(file).matchAll(/^import\s(?:[^;]*?\sfrom\s)?['"]([^'"]+)['"];/gm)].map((m) => m[1]);
    expect(imports('entrypoints/page-start.ts')).toEqual([
      'wxt/utils/define-unlisted-script',
      '../lib/messaging/envelope',
    ]);
    expect(read('lib/messaging/envelope.ts')).not.toMatch(/^import (?!type )/m);
  });

  it('uses px, not rem, in UI styles that live in a shadow root on news pages', () => {
    const ui = [...sourceFiles('components'), ...sourceFiles('entrypoints/article.content')];
    expect(ui.filter((f) => /\d+(\.\d+)?rem\b/.test(read(f))).map((f) => relative(root, join(root, f)))).toEqual([]);
  });
});
