/**
 * Characters a page renders as one space or as nothing: source line breaks inside a paragraph
 * (hand-wrapped HTML, e.g. tmz-1's "Kanye\n   West") are read as spaces, and invisible format
 * characters (soft hyphens on German sites, zero-width spaces) do not split a name; marks still
 * cover the page's own characters.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SendFn } from '../../../components/HoverCard';
import type { BlockSpan } from '../../../lib/entity';
import { loadDetectorFromDisk } from '../../../lib/nlp/load-node';
import type { Detector } from '../../../lib/nlp/detector';
import { FILLER as filler, startOnPage } from './page-harness';

let detector: Detector;
beforeAll(async () => {
  detector = await loadDetectorFromDisk(path.resolve('public/model'));
});

const article = (first: string) =>
  `<article id="story"><p>${first}${filler}</p><p>Ministers agreed.${filler}</p><p>Nothing named here.${filler}</p></article>`;

/** The background's spotBlocks, answered by the real detector (as the worker does). */
function realBackground(): SendFn {
  return (async (type: string, payload: { blocks: string[] }) => {
    if (type === 'spotBlocks') return { ok: true, value: detector.spot(payload.blocks) };
    return { ok: false, error: 'not in this test' };
  }) as unknown as SendFn;
}

async function run(html: string, send: SendFn) {
  const { page, marked } = await startOnPage(html, send);
  const state = page.getPageState();
  const names = 'entities' in state ? state.entities.map((e) => e.name) : [];
  return { marked: marked(), names };
}

describe('characters the page renders as one word or a space', () => {
  it('spots and marks a name that the HTML source wraps onto a new line (renders as "Jens Stoltenberg")', async () => {
    // As tmz-1's "Kanye\n                        West": the page shows one space there.
    const { names, marked } = await run(
      article('Former Nato chief Jens\n                        Stoltenberg said on Monday that the talks were over.'),
      realBackground(),
    );
    expect(names).toContain('Jens Stoltenberg');
    expect(names).not.toContain('Jens');
    expect(marked.map((t) => t.replace(/\s+/g, ' '))).toContain('Jens Stoltenberg');
  });

  it('marks a span the detector found across a source line break (span-marks unchanged())', async () => {
    // A detector that treats the collapsible newline as the space it renders as.
    const send = (async (type: string, payload: { blocks: string[] }) => {
      if (type !== 'spotBlocks') return { ok: false, error: 'not in this test' };
      const spans: BlockSpan[] = [];
      payload.blocks.forEach((text, block) => {
        for (const m of text.matchAll(/Jens\s+Stoltenberg/g))
          spans.push({ block, start: m.index!, end: m.index! + m[0].length, entityKey: 'person:jens stoltenberg' });
      });
      const entities = spans.length
        ? [
            {
              key: 'person:jens stoltenberg',
              name: 'Jens Stoltenberg',
              kind: 'person',
              aliases: [],
              count: spans.length,
            },
          ]
        : [];
      return { ok: true, value: { entities, spans } };
    }) as unknown as SendFn;
    const { marked, names } = await run(article('Nato chief Jens\n      Stoltenberg said on Monday.'), send);
    expect(marked).toEqual(['Jens\n      Stoltenberg']);
    expect(names).toEqual(['Jens Stoltenberg']);
  });

  it('spots a name whole when the page hyphenates it with a soft hyphen (&shy;)', async () => {
    const { marked, names } = await run(
      article('Nato chief Jens Stolten&shy;berg said on Monday that Angela Mer&shy;kel was right.'),
      realBackground(),
    );
    expect(names).toContain('Jens Stoltenberg');
    expect(marked.map((t) => t.replaceAll('\u00AD', ''))).toContain('Jens Stoltenberg');
  });
});
