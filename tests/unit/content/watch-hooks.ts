/** Watch hooks for testing page-watch.ts alone: an article element and spies for what it asks. */
import { vi } from 'vitest';
import type { WatchHooks } from '../../../entrypoints/article.content/page-watch';

/** Hooks for an article `root` first read at `address()`; `overrides` replace any of them. */
export function fakeHooks(root: Element, overrides: Partial<WatchHooks> = {}): WatchHooks {
  return {
    root: () => root,
    lastUrl: () => location.href,
    address: () => location.href,
    restart: vi.fn(async () => undefined),
    intact: () => true,
    keepArticle: vi.fn(),
    readerInCard: () => false,
    lookAgain: vi.fn(async () => undefined),
    rescan: vi.fn(async () => undefined),
    prune: vi.fn(),
    reread: () => [],
    revealed: vi.fn(() => []),
    keepStyled: () => undefined,
    quiet: () => undefined,
    ...overrides,
  };
}
