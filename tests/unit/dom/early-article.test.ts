import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleFound } from '../../../lib/dom/article';
import { articleBeforeParsed, EARLY_PARAGRAPHS, EARLY_POLL_MS, parsedPast } from '../../../lib/dom/early-article';
import { pretendLoading } from './loading-document';

/** Lets a poll tick and the finder's promise run. */
const settle = () => new Promise((done) => setTimeout(done, EARLY_POLL_MS + 10));

/** A stand-in finder: the <article>, once it holds three paragraphs. */
function finder() {
  const find = vi.fn(async (): Promise<ArticleFound | null> => {
    const root = document.querySelector('article');
    return root && root.querySelectorAll('p').length >= 3 ? { root, chars: root.textContent!.length } : null;
  });
  return find;
}

const p = (text: string) => Object.assign(document.createElement('p'), { textContent: text });

let ctl = new AbortController();
afterEach(() => {
  ctl.abort();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('parsedPast', () => {
  it('is true only once the document goes on after the element', () => {
    document.body.innerHTML = '<article><p>One.</p><p>Two.</p></article>';
    const article = document.querySelector('article')!;
    expect(parsedPast(document, article)).toBe(false);
    article.lastElementChild!.append(' still being parsed');
    expect(parsedPast(document, article)).toBe(false);
    document.body.append(Object.assign(document.createElement('footer'), { textContent: 'Footer' }));
    expect(parsedPast(document, article)).toBe(true);
  });
});

/**
 * Starts looking on a loading document, then has the parser add an <article> of `texts` and stay
 * inside it: the finder has found it, and nothing is resolved yet.
 */
async function openArticle(texts: string[]) {
  const parsed = pretendLoading();
  const find = finder();
  ctl = new AbortController();
  const outcome: { result?: ArticleFound | null } = {};
  const done = articleBeforeParsed(document, ctl.signal, find).then((r) => {
    outcome.result = r;
    return r;
  });
  const article = document.createElement('article');
  document.body.append(article);
  for (const text of texts) article.append(p(text));
  await settle();
  expect(find).toHaveBeenCalled();
  expect(outcome.result).toBeUndefined(); // found, but the parser is still inside it
  return { parsed, article, outcome, done };
}

describe('articleBeforeParsed', () => {
  it('resolves with the article once the parser has left it, before DOMContentLoaded', async () => {
    const { parsed, article, outcome } = await openArticle(['One.', 'Two.', 'Three.', 'Four.']);
    document.body.append(document.createElement('footer'));
    await settle();
    await settle();
    expect(outcome.result?.root).toBe(article);
    parsed();
  });

  it('looks again when the parser leaves a candidate, and takes the element the finder picks then', async () => {
    const parsed = pretendLoading();
    ctl = new AbortController();
    // The first look finds a teaser box the parser is inside; once it is left, the finder picks the
    // article beside it (as on cnn, a <main> around a teaser, then the <article>).
    document.body.innerHTML = '<main id="teaser"><p>A.</p><p>B.</p><p>C.</p></main>';
    const teaser = document.getElementById('teaser')!;
    const story = document.createElement('article');
    const find = vi.fn(
      async (): Promise<ArticleFound | null> =>
        story.isConnected ? { root: story, chars: 100 } : { root: teaser, chars: 10 },
    );
    const done = articleBeforeParsed(document, ctl.signal, find);
    await settle();
    document.body.append(story);
    story.append(p('The story.'));
    document.body.append(document.createElement('footer'));
    await settle();
    await settle();
    parsed();
    expect((await done)?.root).toBe(story);
  });

  it('resolves null at DOMContentLoaded when no article was closed, and stops looking', async () => {
    const parsed = pretendLoading();
    const find = finder();
    ctl = new AbortController();
    const result = articleBeforeParsed(document, ctl.signal, find);
    document.body.append(p('A teaser.'), p('Another.'), p('A third.'));
    await settle();
    parsed();
    expect(await result).toBeNull();
    const calls = find.mock.calls.length;
    document.body.append(p('Late.'), p('Later.'), p('Latest.'), p('More.'));
    await settle();
    expect(find).toHaveBeenCalledTimes(calls);
  });

  it('resolves at DOMContentLoaded with the article still open at the last look', async () => {
    const { parsed, article, done } = await openArticle(['One.', 'Two.', 'Three.']);
    article.append(p('Four.')); // the last paragraph, then the document ends
    parsed();
    expect((await done)?.root).toBe(article);
  });

  it('resolves null when aborted, even with an open article', async () => {
    const { done } = await openArticle(['One.', 'Two.', 'Three.']);
    ctl.abort();
    expect(await done).toBeNull();
  });

  it(`looks again only after ${EARLY_PARAGRAPHS} more paragraphs, not at every check`, async () => {
    const parsed = pretendLoading();
    // The clock stands still, so the growing retry wait never comes due: only paragraphs count.
    vi.spyOn(performance, 'now').mockReturnValue(0);
    const find = vi.fn(async () => null);
    ctl = new AbortController();
    const result = articleBeforeParsed(document, ctl.signal, find);
    for (let i = 0; i < 9; i++) {
      document.body.append(p(`Paragraph ${i}.`));
      await settle();
    }
    // Looks at 3, 6 and 9 paragraphs.
    expect(find).toHaveBeenCalledTimes(3);
    parsed();
    expect(await result).toBeNull();
  });

  it('does nothing on a document already parsed', async () => {
    const find = finder();
    document.body.innerHTML = '<article><p>1</p><p>2</p><p>3</p></article><footer></footer>';
    expect(await articleBeforeParsed(document, new AbortController().signal, find)).toBeNull();
    expect(find).not.toHaveBeenCalled();
  });
});
