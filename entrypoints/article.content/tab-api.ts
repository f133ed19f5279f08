/**
 * The content script's answers to the popup (tab messages): what the page mentions, revealing a
 * name or a passage, the article's text for the timeline, keyboard commands, and scanning the
 * whole page when no article was found.
 */
import type { PageCommand, PageState, TabReplies } from '../../lib/messaging/protocol';
import { flashRange } from '../../lib/dom/flash';
import type { Mark, Marks } from '../../lib/dom/highlights';
import type { MarkNavigator } from '../../lib/dom/keyboard-nav';
import { rangeFor } from '../../lib/dom/block-ranges';
import type { Marking } from './marking';

/** Tab-message handlers the controller offers (wired to serveTab by the entrypoint). */
export interface TabApi {
  getPageState(): TabReplies['getPageState'];
  revealEntity(key: string): TabReplies['revealEntity'];
  getArticleText(): TabReplies['getArticleText'];
  revealPassage(block: number, start: number, end: number): TabReplies['revealPassage'];
  pageCommand(command: PageCommand): TabReplies['pageCommand'];
  /** Resolves once the whole page is scanned and marked (see lib/messaging/protocol). */
  scanWholePage(): Promise<TabReplies['scanWholePage']>;
}

/** What the handlers read and drive. */
export interface TabApiDeps {
  doc: Document;
  marking: Marking;
  marks: Marks;
  nav: MarkNavigator;
  root(): Element | null;
  page(): { url: string; title: string };
  /** The article's publication date, when the page says (read once per article). */
  published(): string | undefined;
  /** Opens the card of `mark`; `byKeyboard` puts focus in it. */
  open(mark: Mark, byKeyboard: boolean): void;
  /** Scans and marks the whole body (no article was found). */
  scanWholePage(): Promise<void>;
}

function scrollTo(mark: Mark): void {
  mark.range.startContainer.parentElement?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
}

/** Builds the handlers. */
export function createTabApi(d: TabApiDeps): TabApi {
  const state = (): PageState => {
    const list = [...d.marking.entities.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    return { ...d.page(), entities: list, marks: d.marks.size, markedAt: d.marks.lastAddedAt };
  };
  return {
    getPageState() {
      return d.root() ? state() : { noArticle: true, ...d.page() };
    },
    revealEntity(key) {
      const mark = d.marks.byKey(key)[0];
      if (!mark) return { revealed: false };
      scrollTo(mark);
      d.open(mark, false);
      return { revealed: true };
    },
    getArticleText() {
      const published = d.published();
      // A hidden block keeps its place, so block numbers stay those of the marks.
      const blocks = d.marking.blocks.map((b) => (b.hidden ? '' : b.text));
      return { blocks, ...(published ? { published } : {}) };
    },
    revealPassage(block, start, end) {
      const b = d.marking.blocks[block];
      const range = b ? rangeFor(b, start, Math.min(end, b.text.length)) : null;
      return { revealed: range ? flashRange(d.doc, range) : false };
    },
    pageCommand(command) {
      if (command === 'toggle-marks') {
        d.nav.setDisplay({ shown: !d.nav.shown });
        return { done: true, marksShown: d.nav.shown };
      }
      const mark = d.nav.step(command === 'next-name' ? 1 : -1);
      const e = mark && d.marking.entities.get(mark.key);
      if (!mark || !e) return { done: false };
      scrollTo(mark);
      d.open(mark, true); // the card opens with focus on its heading; Escape gives focus back
      return { done: true, name: e.name };
    },
    async scanWholePage() {
      await d.scanWholePage();
      return state();
    },
  };
}
