import { describe, expect, it, vi } from 'vitest';
import { findArticle, findArticleSliced } from '../../../lib/dom/article';
import { scanBlocks } from '../../../lib/dom/text-blocks';
import { loadHtml, loadPage } from './page-fixture';

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of expected.html's words the scan covers, and share of scanned words outside it. */
async function coverage(name: string): Promise<{ covered: number; outside: number }> {
  const { source, expected } = loadPage(name);
  const root = findArticle(source);
  expect(root, `${name}: article found`).not.toBeNull();
  const blocks = await scanBlocks(root!);
  const want = new Map<string, number>();
  for (const w of words(expected.body.textContent ?? '')) want.set(w, (want.get(w) ?? 0) + 1);
  const total = [...want.values()].reduce((a, b) => a + b, 0);
  let hit = 0;
  let scanned = 0;
  for (const b of blocks)
    for (const w of words(b.text)) {
      scanned++;
      const n = want.get(w) ?? 0;
      if (n > 0) {
        hit++;
        want.set(w, n - 1);
      }
    }
  return { covered: hit / total, outside: (scanned - hit) / Math.max(1, scanned) };
}

// A sample of the shared pages (all 13 are checked in Chromium by the end-to-end tests; here,
// cnet could not be used anyway: happy-dom's parser drops most of that page's body).
const PAGES = ['ars-1', 'bbc-1', 'cnn', 'nytimes-1', 'telegraph', 'tmz-1', 'wapo-1', 'webmd-1'];

describe('findArticle on real news pages', () => {
  // Readability keeps code listings (ars-1 has one); Backstory never reads <pre>/<code>.
  for (const name of PAGES)
    it(`${name}: the scanned text covers the article and little else`, async () => {
      const { covered, outside } = await coverage(name);
      expect(covered).toBeGreaterThanOrEqual(0.95);
      expect(outside).toBeLessThanOrEqual(0.1);
    });

  it('reads the page without changing it', () => {
    const { source } = loadPage('bbc-1');
    const before = source.documentElement.outerHTML;
    findArticle(source);
    expect(source.documentElement.outerHTML).toBe(before);
  });
});

const para = (n: number): string =>
  `<p>Paragraph ${n} of the story tells how the minister met the envoy in Brussels, what they said, and why it matters to readers.</p>`;

describe('findArticle on made-up pages', () => {
  it('prefers the article over navigation, related links and comments', () => {
    const doc = loadHtml(`<body>
      <nav><ul>${'<li><a href="/x">Section link with a long enough name</a></li>'.repeat(30)}</ul></nav>
      <div class="layout"><div id="story">${[1, 2, 3, 4, 5, 6].map(para).join('')}</div>
      <div class="related-stories">${[7, 8].map(para).join('')}</div>
      <section id="comments">${[9, 10, 11].map(para).join('')}</section></div>
      <footer>${para(12)}</footer></body>`);
    expect(findArticle(doc)?.id).toBe('story');
  });

  it('follows an itemprop=articleBody hint', () => {
    const doc = loadHtml(`<body><div class="a">${[1, 2].map(para).join('')}</div>
      <div id="body" itemprop="articleBody">${[3, 4, 5, 6, 7, 8].map(para).join('')}</div></body>`);
    expect(findArticle(doc)?.id).toBe('body');
  });

  it('returns null for a home page of headlines', () => {
    const teaser = (n: number) =>
      `<div class="card"><h3><a href="/s${n}">Headline number ${n} about the day's biggest news story</a></h3><a href="/s${n}"><span>Short standfirst for story ${n}</span></a></div>`;
    const doc = loadHtml(
      `<body><header><a href="/">Home</a></header><main>${Array.from({ length: 40 }, (_, i) => teaser(i)).join('')}</main></body>`,
    );
    expect(findArticle(doc)).toBeNull();
  });

  it('returns null for a search page and for an empty page', () => {
    const hit = (n: number) =>
      `<li><a href="/r${n}">Result ${n}: Nato summit in Vilnius and what it means</a><div>12 July 2023</div></li>`;
    expect(
      findArticle(
        loadHtml(
          `<body><form role="search"><input name="q"></form><ol>${Array.from({ length: 20 }, (_, i) => hit(i)).join('')}</ol></body>`,
        ),
      ),
    ).toBeNull();
    expect(findArticle(loadHtml('<body></body>'))).toBeNull();
  });
});

describe('findArticle: headline, ads, slices', () => {
  it('takes in the headline and dateline that sit beside the article body', () => {
    const doc = loadHtml(`<body><nav>${'<a href="/x">Section</a> '.repeat(20)}</nav>
      <div class="post" id="post"><div class="headline"><h2>Minister resigns</h2><h4>Pearls stolen from hotel</h4></div>
      <h5>2/26/2015 7:11 AM PST</h5>
      <div itemprop="articleBody" id="body">${[1, 2, 3, 4, 5, 6].map(para).join('')}</div></div>
      <aside>${para(9)}</aside></body>`);
    expect(findArticle(doc)?.id).toBe('post');
  });

  it('does not widen to a parent that adds related links', () => {
    const related = Array.from({ length: 8 }, (_, i) => `<h3><a href="/r${i}">Related headline number ${i}</a></h3>`);
    const doc = loadHtml(`<body><div id="outer">${related.join('')}
      <div id="story">${[1, 2, 3, 4, 5].map(para).join('')}</div></div></body>`);
    expect(findArticle(doc)?.id).toBe('story');
  });

  it('treats ad-network boxes as furniture even when their names say "article"', () => {
    const doc = loadHtml(`<body><div id="story">${[1, 2, 3, 4, 5, 6].map(para).join('')}
      <div id="taboola-below-article-thumbnails" class="trc-content-sponsored">${[7, 8, 9].map(para).join('')}</div></div></body>`);
    const root = findArticle(doc)!;
    expect(root.id).toBe('story');
    return scanBlocks(root).then((blocks) => expect(blocks.map((b) => b.text).join(' ')).not.toContain('Paragraph 8'));
  });

  it('finds the same element in slices as in one go, yielding to the page on a big page', async () => {
    const doc = loadHtml(
      `<body><nav>${'<a href="/x">Section</a> '.repeat(50)}</nav><article id="big">${Array.from({ length: 3000 }, (_, i) => para(i)).join('')}</article></body>`,
    );
    // A clock that moves 1 ms per reading: the 16 ms slices end after a fixed amount of work,
    // whatever the speed of the machine running the test.
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock++);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const sliced = await findArticleSliced(doc).finally(() => {
      clearInterval(timer);
      now.mockRestore();
    });
    expect(sliced?.root).toBe(findArticle(doc));
    expect(sliced?.root.id).toBe('big');
    expect(ticks).toBeGreaterThan(0);
    // The length the controller compares with its book-length threshold: the article's text.
    const text = (sliced?.root.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    expect(sliced?.chars).toBeGreaterThan(0.95 * text);
    expect(sliced?.chars).toBeLessThanOrEqual(text);
  });

  it('rejects with AbortedError when aborted', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(findArticleSliced(loadHtml('<body></body>'), ctl.signal)).rejects.toMatchObject({
      name: 'AbortedError',
    });
  });
});
