// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { dateFromLine, findPublished } from '../../../lib/dom/article-date';

function doc(html: string): Document {
  const d = document.implementation.createHTMLDocument('t');
  d.documentElement.innerHTML = html;
  return d;
}

describe('findPublished', () => {
  it('prefers article:published_time, then JSON-LD, then <time>, then a visible line', () => {
    expect(
      findPublished(
        doc(
          '<head><meta property="article:published_time" content="2021-10-20T16:07:00+04:00"></head><body><time datetime="2020-01-01">x</time></body>',
        ),
        null,
      ),
    ).toBe('2021-10-20T16:07:00+04:00');
    expect(
      findPublished(
        doc(
          '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2017-01-13T03:38:38-05:00"}]}</script>',
        ),
        null,
      ),
    ).toBe('2017-01-13T03:38:38-05:00');
    expect(
      findPublished(
        doc(
          '<script type="application/ld+json">{broken</script><article><time datetime="2021-10-20T16:07">Oct 20</time></article>',
        ),
        null,
      ),
    ).toBe('2021-10-20T16:07');
    expect(findPublished(doc('<article><p>Text.</p><p>Updated: October 20, 2021, 4:07 PM</p></article>'), null)).toBe(
      '2021-10-20',
    );
    expect(findPublished(doc('<article><p>No date here at all.</p></article>'), null)).toBeUndefined();
  });

  it("keeps only the date and time a page's value starts with, so junk after it is not sent", () => {
    const junk = `2024-05-01T10:00:00Z${'x'.repeat(200)}`;
    expect(findPublished(doc(`<head><meta property="article:published_time" content="${junk}"></head>`), null)).toBe(
      '2024-05-01T10:00:00Z',
    );
    expect(findPublished(doc('<article><time datetime="2024-05-01 junk">May 1</time></article>'), null)).toBe(
      '2024-05-01',
    );
  });

  it('looks for a visible date line in the first 200,000 characters of the article only', () => {
    const filler = `<p>${'word '.repeat(20_000)}</p>`; // 100,000 characters a paragraph
    const early = doc(`<article><p>Published 20 Oct 2021</p>${filler}${filler}${filler}</article>`);
    expect(findPublished(early, early.querySelector('article'))).toBe('2021-10-20');
    const late = doc(`<article>${filler}${filler}<p>Published 20 Oct 2021</p></article>`);
    expect(findPublished(late, late.querySelector('article'))).toBeUndefined();
    const straddling = doc(`<article>${filler}<p>${'x'.repeat(99_990)}Published 20 Oct 2021</p></article>`);
    expect(findPublished(straddling, straddling.querySelector('article'))).toBeUndefined();
  });

  it('reads the usual visible date lines', () => {
    expect(dateFromLine('CNNMoney (New York) First published February 1, 2016: 1:28 AM ET')).toBe('2016-02-01');
    expect(dateFromLine('Published 20 Oct 2021')).toBe('2021-10-20');
    expect(dateFromLine('Updated: Wednesday, Sept. 3, 2014')).toBe('2014-09-03');
    expect(dateFromLine('Updated: Smarch 40, 2021')).toBeUndefined();
    // A word that only starts like a month is no month.
    expect(dateFromLine('Posted Marching 5, 2021')).toBeUndefined();
    expect(dateFromLine('Published 5 Junk 2021')).toBeUndefined();
  });
});

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
