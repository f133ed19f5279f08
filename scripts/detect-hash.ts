/**
 * Fingerprint of the detector's output: a SHA-256 of every SpotResult (JSON) over the corpus splits,
 * the seed article (bare and with the starter cards as known names), the real pages' text and a few
 * huge articles (piece cutting, uncached analysis). Speed work must leave every hash unchanged.
 *
 *   npx tsx scripts/detect-hash.ts [--out hashes.txt]
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadDetectorFromDisk } from '../lib/nlp/load-node';
import type { EntityKind } from '../lib/entity';

const SHARED = path.resolve(import.meta.dirname, '../../shared');
const MODEL = path.resolve(import.meta.dirname, '../public/model');

/** Crude but deterministic article text of an HTML file: one block per paragraph-like element. */
function htmlBlocks(html: string): string[] {
  return html
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, ' ')
    .split(/<\/?(?:p|div|h[1-6]|li|br|tr|section|article|blockquote|figcaption)\b[^>]*>/i)
    .map((b) =>
      b
        .replace(/<[^>]*>/g, '')
        .replace(/&nbsp;/g, '\u00a0')
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&#39;|&#x27;|&rsquo;/g, '’')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

async function main(): Promise<void> {
  const detector = await loadDetectorFromDisk(MODEL);
  const groups: [string, string][] = [];
  const run = (name: string, articles: string[][]) => {
    const h = createHash('sha256');
    for (const blocks of articles) h.update(`${JSON.stringify(detector.spot(blocks))}\n`);
    groups.push([name, h.digest('hex')]);
  };
  const corpora = path.join(SHARED, 'corpora');
  const texts: Record<string, string[]> = {};
  for (const f of fs
    .readdirSync(corpora)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    texts[f] = fs
      .readFileSync(path.join(corpora, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text);
    run(
      f,
      texts[f].map((t) => [t]),
    );
  }
  const seedDir = path.join(SHARED, 'seed');
  const seeds = fs
    .readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(seedDir, f), 'utf8'));
  const seedArticles = seeds.flatMap((s) => [[s], s.split(/\r?\n/).filter((l) => l.trim())]);
  run('seed', seedArticles);
  const pagesDir = path.join(SHARED, 'pages');
  const pages = fs
    .readdirSync(pagesDir)
    .filter((d) => fs.existsSync(path.join(pagesDir, d, 'source.html')))
    .sort()
    .flatMap((d) => ['expected.html', 'source.html'].map((f) => path.join(pagesDir, d, f)))
    .filter((f) => fs.existsSync(f))
    .map((f) => htmlBlocks(fs.readFileSync(f, 'utf8')));
  run('pages', pages);
  // Huge articles: one 640 KB block (cut into pieces), and 2.5 MB of blocks (analysed twice, not cached).
  run('huge', [[texts['conll2003-dev.jsonl']!.join('\n')], texts['conll2003-train.jsonl']!]);
  // The reader's cards as known names, as the background worker runs the detector.
  const cards = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../public/starter-cards.json'), 'utf8'),
  ) as { name: string; kind: EntityKind; aliases: string[] }[];
  detector.setKnownNames(cards.flatMap((c) => [c.name, ...c.aliases].map((name) => ({ name, kind: c.kind }))));
  run('known:seed', seedArticles);
  run('known:pages', pages);
  run(
    'known:crossner-dev',
    texts['crossner-politics-dev.jsonl']!.map((t) => [t]),
  );
  const all = createHash('sha256');
  for (const [name, h] of groups) {
    console.log(`${h.slice(0, 16)}  ${name}`);
    all.update(h);
  }
  console.log(`${all.digest('hex').slice(0, 16)}  ALL`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
