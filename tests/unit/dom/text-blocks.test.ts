import { describe, expect, it } from 'vitest';
import { locate, piecesFor, rangeFor } from '../../../lib/dom/block-ranges';
import { scanBlocks, MAX_BLOCK_CHARS } from '../../../lib/dom/text-blocks';
import { hiddenBlock } from '../../../lib/dom/unstyled-blocks';

function article(html: string): HTMLElement {
  document.body.innerHTML = `<article id="a">${html}</article>`;
  return document.getElementById('a')!;
}

describe('scanBlocks', () => {
  it('makes one block per paragraph, heading, list item and caption, in reading order', async () => {
    const root = article(`<h2>Nato at <em>75</em></h2><p>Jens <b>Stoltenberg</b> spoke.</p>
      <ul><li>First point</li><li>Second point</li></ul><figure><img alt=""><figcaption>Photo: AFP</figcaption></figure>`);
    const blocks = await scanBlocks(root);
    expect(blocks.map((b) => b.text.trim())).toEqual([
      'Nato at 75',
      'Jens Stoltenberg spoke.',
      'First point',
      'Second point',
      'Photo: AFP',
    ]);
    expect(blocks.map((b) => b.element.tagName)).toEqual(['H2', 'P', 'LI', 'LI', 'FIGCAPTION']);
  });

  it('maps every span back to exactly the same characters in the DOM', async () => {
    const root =
      article(`<p>The <a href="#">North <i>Atlantic</i> Treaty</a> Organization and Mr&nbsp;Stoltenberg's aides.</p>
      <p>Line one<br>line two, <span>with <b>nested</b> inline</span> text.</p>`);
    const blocks = await scanBlocks(root);
    for (const b of blocks)
      for (let s = 0; s < b.text.length; s++)
        for (let e = s + 1; e <= b.text.length; e++) {
          if (b.text.slice(s, e).includes('\n')) continue; // a <br> has no characters in the DOM
          const r = rangeFor(b, s, e);
          expect(r?.toString(), `${s}-${e}`).toBe(b.text.slice(s, e));
          expect(
            piecesFor(b, s, e)
              .map((p) => p.node.data.slice(p.start, p.end))
              .join(''),
          ).toBe(b.text.slice(s, e));
        }
    expect(blocks[1]!.text).toContain('Line one\nline two');
  });

  it('skips inputs, textareas, contenteditable, scripts, styles, code, pre, svg, hidden text and our host', async () => {
    const root = article(`<p>Kept one.</p><p>Kept <code>secretCode()</code> two.</p>
      <pre>preformatted</pre><textarea>typed</textarea><input value="inputval"><div contenteditable="true">editable</div>
      <script>var scripted = 1;</script><style>.styled{}</style><noscript>noscripted</noscript><template><p>templated</p></template>
      <svg><text>svgtext</text></svg><p hidden>hiddenattr</p><p style="display:none">hiddenstyle</p><p aria-hidden="true">ariahidden</p>
      <backstory-host><p>ourhost</p></backstory-host><iframe srcdoc="<p>framed</p>"></iframe>`);
    const text = (await scanBlocks(root)).map((b) => b.text).join(' ');
    expect(text).toContain('Kept one.');
    expect(text).toContain('Kept  two.');
    for (const bad of [
      'secretCode',
      'preformatted',
      'typed',
      'inputval',
      'editable',
      'scripted',
      'styled',
      'noscripted',
      'templated',
      'svgtext',
      'hiddenattr',
      'hiddenstyle',
      'ariahidden',
      'ourhost',
      'framed',
    ])
      expect(text).not.toContain(bad);
  });

  it('skips share bars and related links inside the article', async () => {
    const root = article(
      `<p>Story text.</p><div class="share-tools">Share on Facebook</div><aside>Related story</aside>`,
    );
    expect((await scanBlocks(root)).map((b) => b.text)).toEqual(['Story text.']);
  });

  it('scans open shadow roots, including slotted light-DOM text, and maps into them', async () => {
    const root = article(`<p>Before.</p><x-quote id="q"><span>Slotted Stoltenberg</span></x-quote><p>After.</p>`);
    const host = document.getElementById('q')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow text about Nato.</p><blockquote><slot></slot></blockquote>';
    const blocks = await scanBlocks(root);
    const texts = blocks.map((b) => b.text);
    expect(texts).toEqual(['Before.', 'Shadow text about Nato.', 'Slotted Stoltenberg', 'After.']);
    const b = blocks[1]!;
    const r = rangeFor(b, b.text.indexOf('Nato'), b.text.indexOf('Nato') + 4)!;
    expect(r.toString()).toBe('Nato');
    expect(r.startContainer.getRootNode()).toBe(shadow);
  });

  it('names each open shadow root it enters, an empty one too, so a watch can observe them', async () => {
    const root = article(`<p>Before.</p><x-a id="xa"></x-a><x-b id="xb"></x-b><p>After.</p>`);
    const a = document.getElementById('xa')!.attachShadow({ mode: 'open' });
    a.innerHTML = '<p>Shadow text.</p>';
    const b = document.getElementById('xb')!.attachShadow({ mode: 'open' });
    const met: ShadowRoot[] = [];
    await scanBlocks(root, undefined, { onShadowRoot: (s) => met.push(s) });
    expect(met).toHaveLength(2);
    expect(met[0]).toBe(a);
    expect(met[1]).toBe(b);
  });

  // How fast is for the page-audit e2e and bench:page; this checks what is kept.
  it('trims a 5 MB text node and caps the total', async () => {
    const root = article(`<p id="big"></p><p>Next paragraph.</p>`);
    root.querySelector('#big')!.appendChild(document.createTextNode('word '.repeat(1_000_000)));
    const blocks = await scanBlocks(root);
    expect(blocks[0]!.text.length).toBeLessThanOrEqual(MAX_BLOCK_CHARS);
    expect(blocks[1]!.text).toBe('Next paragraph.');
    const capped = await scanBlocks(root, undefined, { maxChars: 1000 });
    expect(capped.reduce((n, b) => n + b.text.length, 0)).toBeLessThanOrEqual(1000);
  });

  it('does not scan text nodes it has already seen', async () => {
    const root = article('<p>Old paragraph.</p>');
    const seen = new WeakSet<Text>();
    await scanBlocks(root, undefined, { seen });
    const p = document.createElement('p');
    p.textContent = 'New paragraph.';
    root.append(p);
    expect((await scanBlocks(root, undefined, { seen })).map((b) => b.text)).toEqual(['New paragraph.']);
  });

  it('reads hidden blocks unchecked while styles do not exist, flags them, and hiddenBlock tells them', async () => {
    const root = article(`<p>Shown first.</p><div class="folded"><p>Folded away.</p></div><p>Shown last.</p>`);
    const style = Object.assign(document.createElement('style'), { textContent: '.folded { display: none }' });
    document.head.append(style);
    try {
      expect((await scanBlocks(root)).map((b) => b.text)).toEqual(['Shown first.', 'Shown last.']);
      let styled = false;
      const blocks = await scanBlocks(root, undefined, { styled: () => styled });
      expect(blocks.map((b) => b.text)).toEqual(['Shown first.', 'Folded away.', 'Shown last.']);
      expect(blocks.every((b) => b.unstyled)).toBe(true);
      styled = true;
      const checked = new Map<Element, boolean>();
      expect(blocks.map((b) => hiddenBlock(b, checked))).toEqual([false, true, false]);
    } finally {
      style.remove();
    }
  });

  it('flags every block once styles were missing at any point of the scan', async () => {
    const root = article('<section><p>One.</p><p>Two.</p></section>');
    let calls = 0;
    // Styles arrive after the first check: the <section> was entered unchecked.
    const blocks = await scanBlocks(root, undefined, { styled: () => calls++ > 0 });
    expect(blocks.map((b) => !!b.unstyled)).toEqual([true, true]);
    expect(hiddenBlock({ ...blocks[0]!, unstyled: false })).toBe(false); // checked when read
  });

  it('holds the scan while onBlock waits', async () => {
    const root = article('<p>One.</p><p>Two.</p><p>Three.</p>');
    let release = (): void => {};
    const seen: string[] = [];
    const scan = scanBlocks(root, undefined, {
      onBlock: (b) => {
        seen.push(b.text);
        if (b.text === 'One.') return new Promise<void>((done) => (release = done));
      },
    });
    await new Promise((done) => setTimeout(done, 20));
    expect(seen).toEqual(['One.']);
    release();
    expect((await scan).map((b) => b.text)).toEqual(['One.', 'Two.', 'Three.']);
    expect(seen).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('rejects when aborted', async () => {
    const root = article('<p>x</p>'.repeat(5000));
    const ctl = new AbortController();
    ctl.abort();
    await expect(scanBlocks(root, ctl.signal)).rejects.toThrow('aborted');
  });
});

describe('locate', () => {
  it('returns null outside the block and prefers the earlier node at a boundary for ends', async () => {
    const root = article('<p><b>ab</b>cd</p>');
    const [b] = await scanBlocks(root);
    expect(locate(b!, 5)).toBeNull();
    expect(locate(b!, 2)?.node.data).toBe('cd');
    expect(locate(b!, 2, true)?.node.data).toBe('ab');
  });
});

describe('line breaks in the text of a block', () => {
  it('reads a source line break as the space it renders as, and keeps one the page shows (pre-line)', async () => {
    document.body.innerHTML =
      '<article><p>Former Nato chief Jens\n      Stoltenberg spoke.</p>' +
      '<p style="white-space: pre-line">Present at the summit:\nAngela Merkel\nEmmanuel Macron</p></article>';
    const [wrapped, list] = await scanBlocks(document.querySelector('article')!);
    expect(wrapped?.text).toBe('Former Nato chief Jens       Stoltenberg spoke.');
    expect(list?.text).toContain('Angela Merkel\nEmmanuel Macron');
  });
});
