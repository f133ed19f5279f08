// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { pageRef } from '../../../lib/dom/page-ref';
import { backgroundSchemas } from '../../../lib/messaging/protocol';
import * as v from 'valibot';

const batch = (page: { url: string; title: string }) =>
  v.safeParse(backgroundSchemas.spotBlocks, { blocks: ['Nato met.'], page }).success;

describe('pageRef', () => {
  afterEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    history.replaceState(null, '', '/');
  });

  it('gives the address and title as they are when they fit', () => {
    history.replaceState(null, '', '/story?id=1#comments');
    document.title = 'Nato and Russia';
    expect(pageRef(document)).toEqual({ url: `${location.origin}/story?id=1#comments`, title: 'Nato and Russia' });
  });

  it('cuts an over-long title and drops a huge fragment, so the worker still takes the batch', () => {
    history.replaceState(null, '', `/story#${'state'.repeat(1000)}`);
    document.title = 'T'.repeat(1500);
    const ref = pageRef(document);
    expect(ref.url).toBe(`${location.origin}/story`);
    expect(ref.title).toHaveLength(1000);
    expect(batch(ref)).toBe(true);
    expect(batch({ url: location.href, title: document.title })).toBe(false);
  });

  it('reads the real title when the page names an element "title"', () => {
    document.title = 'The real title';
    document.body.innerHTML = '<img name="title" alt="">';
    // What Chromium does with <img name="title"> (happy-dom does not): the element shadows the getter.
    Object.defineProperty(document, 'title', { value: document.querySelector('img'), configurable: true });
    try {
      expect(pageRef(document).title).toBe('The real title');
    } finally {
      Reflect.deleteProperty(document, 'title');
    }
  });
});
