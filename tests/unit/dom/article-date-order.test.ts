// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findPublished } from '@/lib/dom/article-date';

function doc(html: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.documentElement.innerHTML = html;
  return d;
}

describe('the article date a timeline hangs on', () => {
  it('prefers JSON-LD datePublished over meta article:modified_time', () => {
    // An article updated days later would get every "yesterday"/"last week" resolved against the update.
    const d = doc(
      '<head><meta property="article:modified_time" content="2021-11-02T09:00:00Z">' +
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-10-20T16:07:00+04:00"}</script>' +
        '</head><body><article><p>Text.</p></article></body>',
    );
    expect(findPublished(d, d.querySelector('article'))).toBe('2021-10-20T16:07:00+04:00');
  });

  it('prefers a <time datetime> in the article over the modified time', () => {
    const d = doc(
      '<head><meta property="article:modified_time" content="2021-11-02T09:00:00Z"></head>' +
        '<body><article><time datetime="2021-10-20">20 Oct</time><p>Text.</p></article></body>',
    );
    expect(findPublished(d, d.querySelector('article'))).toBe('2021-10-20');
  });

  it('takes the modified time when the page gives nothing else', () => {
    const d = doc('<head><meta property="article:modified_time" content="2021-11-02T09:00:00Z"></head><body></body>');
    expect(findPublished(d, null)).toBe('2021-11-02T09:00:00Z');
  });

  it('skips an impossible CMS placeholder date and goes on to a real one', () => {
    // Taken, "0000-00-00" would stop the search and the timeline would say "The article gives no date".
    const d = doc(
      '<head><meta property="article:published_time" content="0000-00-00T00:00:00">' +
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-10-20"}</script></head><body></body>',
    );
    expect(findPublished(d, null)).toBe('2021-10-20');
  });
});
