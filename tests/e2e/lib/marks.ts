/**
 * Reading the page's marks and pointing at words. The CSS highlight registry is readable from the
 * page world, so tests can see what Backstory marked without touching its closed UI. Positions come
 * from Ranges; the card itself is only ever asserted through the accessibility tree (see ax.ts).
 */
import type { Page } from 'playwright-core';
import { type WaitOptions, waitFor } from './wait';

export interface Mark {
  /** Name of the highlight in CSS.highlights. */
  highlight: string;
  /** The marked text, whitespace collapsed. */
  text: string;
}

/** Every range in every CSS highlight on the page, with its text. */
export async function readMarks(page: Page): Promise<Mark[]> {
  return page.evaluate(() => {
    const out: { highlight: string; text: string }[] = [];
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return out;
    for (const [highlight, set] of CSS.highlights) {
      for (const r of set) {
        const range = document.createRange();
        try {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
        } catch {
          continue;
        }
        out.push({ highlight, text: range.toString().replace(/\s+/g, ' ').trim() });
      }
    }
    return out;
  });
}

/** Waits until the page has at least `min` marked ranges; returns them. */
export async function waitForMarks(page: Page, min = 1, options: WaitOptions = {}): Promise<Mark[]> {
  return waitFor(
    `at least ${min} CSS.highlights range(s) on ${page.url()}`,
    async () => {
      const marks = await readMarks(page);
      return marks.length >= min ? marks : null;
    },
    { timeout: 20_000, ...options },
  );
}

/**
 * True when a marked text stands for `name`: exactly it, or it with a leading "the" or a trailing
 * possessive (the detector may or may not include those).
 */
export function markCovers(markText: string, name: string): boolean {
  const bare = markText
    .replace(/^the\s+/i, '')
    .replace(/['\u2019]s$/i, '')
    .trim();
  return bare === name;
}

/**
 * Moves the real mouse onto the `occurrence`-th marked range whose text is `name`, scrolling it into
 * view first, and rests there. Throws if no such mark exists (listing what is marked).
 */
export async function hoverMark(page: Page, name: string, occurrence = 0): Promise<void> {
  const point = await page.evaluate(
    ({ name, occurrence }) => {
      let seen = 0;
      for (const [, set] of CSS.highlights) {
        for (const r of set) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString().replace(/\s+/g, ' ').trim() !== name || seen++ < occurrence) continue;
          let rect = range.getClientRects()[0];
          if (!rect) continue;
          if (rect.top < 40 || rect.bottom > innerHeight - 40) {
            range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            rect = range.getClientRects()[0];
          }
          if (!rect) continue;
          return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
        }
      }
      return null;
    },
    { name, occurrence },
  );
  if (!point) {
    const marked = [...new Set((await readMarks(page)).map((m) => m.text))].join(' | ');
    throw new Error(`No mark with text "${name}" (occurrence ${occurrence}) on the page; marked: ${marked}`);
  }
  await page.mouse.move(5, 5);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

/** Moves the mouse to an empty corner (away from any mark or card). */
export async function moveAway(page: Page): Promise<void> {
  await page.mouse.move(2, 790, { steps: 2 });
}
