import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { NoteBody } from '@/components/NoteBody';
import { parseInline, parseMarkdown, safeLink } from '@/lib/notebook/md';

/** The rendered body's element. */
function shown(body: string): HTMLElement {
  const { container } = render(<NoteBody body={body} />);
  return container.firstElementChild as HTMLElement;
}

describe('note body Markdown', () => {
  it('renders emphasis, strong, code, links, lists and paragraphs as elements', () => {
    const el = shown(
      'A *small* and **bold** `x<y` [BBC](https://www.bbc.co.uk/news) note.\nSecond line\n\n- one\n- two\n\n3. three\n4. four',
    );
    const ps = el.querySelectorAll('p');
    expect(ps).toHaveLength(1);
    expect(el.querySelector('em')?.textContent).toBe('small');
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    expect(el.querySelector('code')?.textContent).toBe('x<y');
    const a = el.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://www.bbc.co.uk/news');
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(ps[0]?.querySelector('br')).not.toBeNull();
    expect([...el.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    const ol = el.querySelector('ol');
    expect(ol?.getAttribute('start')).toBe('3');
    expect([...(ol?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual(['three', 'four']);
  });

  it('shows <script> and HTML with event handlers as text, never as elements', () => {
    const body = '<script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>';
    const el = shown(body);
    expect(el.querySelector('script, img, [onerror]')).toBeNull();
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toBe(body);
  });

  it('drops the target of javascript:, data: and other links but keeps their words', () => {
    const el = shown(
      '[click](javascript:alert(1)) [data](data:text/html,<b>x</b>) [rel](/local) [JS](JaVaScRiPt:alert(1)) [mail](mailto:a@b.test)',
    );
    const links = [...el.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['mailto:a@b.test']);
    expect(el.textContent).toContain('click');
    // Whatever is left of a refused link is text: no attribute anywhere carries it.
    for (const node of el.querySelectorAll('*'))
      for (const name of node.getAttributeNames()) expect(node.getAttribute(name)).not.toMatch(/javascript:|data:/i);
    expect(safeLink(' javascript:alert(1)')).toBeNull();
    expect(safeLink('http://x.test/a b')).toBe('http://x.test/a%20b');
    expect(safeLink('https://x.test/"onmouseover="alert(1)')).toBe('https://x.test/%22onmouseover=%22alert(1)');
  });

  it('an attribute-looking text inside a link label stays text', () => {
    const el = shown('[<b onclick="x()">hi</b>](https://a.test/)');
    const a = el.querySelector('a');
    expect(a?.textContent).toBe('<b onclick="x()">hi</b>');
    expect(a?.querySelector('b')).toBeNull();
    expect(a?.getAttributeNames().sort()).toEqual(['href', 'rel', 'target']);
  });

  it('leaves unmatched marks, snake_case and escapes alone', () => {
    expect(parseInline('2 * 3 = 6 and a_b_c and \\*not em\\*')).toEqual([
      { t: 'text', v: '2 * 3 = 6 and a_b_c and *not em*' },
    ]);
    expect(parseInline('**unclosed')).toEqual([{ t: 'text', v: '**unclosed' }]);
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown('- a\n  continued\ntext')).toEqual([
      { t: 'ul', items: [[{ t: 'text', v: 'a' }, { t: 'br' }, { t: 'text', v: 'continued' }]] },
      { t: 'p', c: [{ t: 'text', v: 'text' }] },
    ]);
  });
});

describe('note body Markdown on hostile input', () => {
  it('keeps thousands of unclosed marks as text (the parse is linear, not quadratic)', () => {
    const body = `\`c ${'*a _b [d '.repeat(10_000)}`;
    const parsed = parseInline(body);
    expect(parsed).toEqual([{ t: 'text', v: body }]);
  });

  it('stops nesting emphasis at a sane depth instead of overflowing the stack', () => {
    const deep = `${'*x '.repeat(5_000)}y${' x*'.repeat(5_000)}`;
    const text = (nodes: ReturnType<typeof parseInline>): string =>
      nodes.map((n) => ('v' in n ? n.v : 'c' in n ? text(n.c) : '\n')).join('');
    const parsed = parseInline(deep);
    expect(text(parsed)).toContain('y');
    let depth = 0;
    for (let n = parsed.find((x) => ('c' in x)); n && 'c' in n; n = n.c.find((x) => 'c' in x)) depth++;
    expect(depth).toBeLessThanOrEqual(16);
  });
});
