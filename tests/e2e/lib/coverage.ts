/**
 * How well the text Backstory scanned matches a page's article (issue 6: at least 95% of the words
 * of expected.html, at most 10% of the scanned words outside it). Words are compared as a
 * multiset, so a word read twice counts once per occurrence in the article.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Browser } from './browser';
import { tabIdOf } from './popup';

/** The shares of one page. */
export interface Coverage {
  /** Share of the article's words found in the scanned text. */
  covered: number;
  /** Share of the scanned words that are not the article's. */
  outside: number;
  articleWords: number;
  scannedWords: number;
  /** A few article words the scan missed (for the failure message). */
  missed: string[];
}

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Compares scanned blocks with the article's text. */
export function coverage(scanned: string[], article: string): Coverage {
  const want = new Map<string, number>();
  const articleWords = words(article);
  for (const w of articleWords) want.set(w, (want.get(w) ?? 0) + 1);
  let hit = 0;
  let scannedWords = 0;
  for (const w of scanned.flatMap(words)) {
    scannedWords++;
    const n = want.get(w) ?? 0;
    if (n > 0) {
      hit++;
      want.set(w, n - 1);
    }
  }
  const missed = [...want.entries()].filter(([, n]) => n > 0).map(([w]) => w);
  return {
    covered: hit / Math.max(1, articleWords.length),
    outside: (scannedWords - hit) / Math.max(1, scannedWords),
    articleWords: articleWords.length,
    scannedWords,
    missed: missed.slice(0, 20),
  };
}

/**
 * The article text of an expected.html, as a reader sees it, less what Backstory must never scan
 * (issue 6: code, pre, scripts, styles, form fields), which Readability keeps.
 */
export async function expectedText(context: BrowserContext, url: string): Promise<string> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return await page.evaluate(() => {
      const body = document.body.cloneNode(true) as HTMLElement;
      for (const el of body.querySelectorAll('pre, code, script, style, noscript, textarea, input, select, svg'))
        el.remove();
      return body.textContent ?? '';
    });
  } finally {
    await page.close();
  }
}

/** The text blocks the content script scanned on `page`, asked through the extension's worker. */
export async function scannedBlocks(browser: Browser, page: Page): Promise<string[]> {
  const tabId = await tabIdOf(browser, page);
  const reply = await browser.worker!.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: object): Promise<unknown> } } })
      .chrome;
    return api.tabs.sendMessage(id, { backstory: 1, type: 'getArticleText', payload: {} });
  }, tabId);
  const r = reply as { ok: boolean; value?: { blocks: string[] }; error?: string };
  if (!r?.ok || !r.value) throw new Error(`getArticleText failed: ${r?.error ?? 'no answer'}`);
  return r.value.blocks;
}
