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
import { compareStarts } from '../../lib/dom/mark-range';
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
  /** True while the reader is in the open card's notes: "next name" must not replace that card. */
  inNotes(): boolean;
  /** Scans and marks the whole body (no article was found). */
  scanWholePage(): Promise<void>;
  /** True until the first search for the article after the page was parsed is done. */
  searching(): boolean;
}

/** The mark of `marks` that comes first in the page, among those still on it. */
function firstOnPage(marks: readonly Mark[]): Mark | undefined {
  let first: Mark | undefined;
  for (const m of marks)
    if (m.range.startContainer.isConnected && (!first || compareStarts(m.range, first.range) < 0)) first = m;
  return first;
}

function scrollTo(mark: Mark): void {
  mark.range.startContainer.parentElement?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
}

/**
 * The getPageState answer while the first search for the article is still under way: whether the
 * page has an article is not known yet, so it answers with no names (the popup asks again) rather
 * than noArticle, which the popup takes as final. The reply type has no "still looking" shape; an
 * empty list is the nearest honest answer.
 */
export function stillLooking(reply: TabReplies['getPageState']): TabReplies['getPageState'] {
  return 'noArticle' in reply ? { url: reply.url, title: reply.title, entities: [] } : reply;
}

/** The globalThis key "Run on this page" sets in the content script's isolated world (see markRunOnce). */
export const RUN_ONCE_KEY = '__backstoryRunOnce';

/**
 * Run in the tab's isolated world by the popup (scripting.executeScript({ func, args: [RUN_ONCE_KEY] }))
 * just before it injects the article script: the reader asked for this page, so the script runs
 * even on a site on the "off" list. Self-contained, as executeScript sends only its source.
 */
export function markRunOnce(key: string): void {
  (globalThis as unknown as Record<string, unknown>)[key] = true;
}

/**
 * True when the popup asked for this injection (markRunOnce); clears the flag, so a later
 * injection by the worker on the same page respects the "off" list again.
 */
export function takeRunOnce(): boolean {
  const g = globalThis as unknown as Record<string, unknown>;
  const asked = g[RUN_ONCE_KEY] === true;
  delete g[RUN_ONCE_KEY];
  return asked;
}

/** Builds the handlers. */
export function createTabApi(d: TabApiDeps): TabApi {
  const state = (): PageState => {
    const list = [...d.marking.entities.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    const marking = d.searching() || d.marking.busy();
    return { ...d.page(), entities: list, marks: d.marks.size, markedAt: d.marks.lastAddedAt, marking };
  };
  return {
    getPageState() {
      const reply = d.root() ? state() : { noArticle: true as const, ...d.page() };
      // Still parsing or searching: the article may be further down, not yet found.
      return d.searching() ? stillLooking(reply) : reply;
    },
    revealEntity(key) {
      // The first mention in reading order still on the page: a re-rendered paragraph leaves its old
      // marks on detached text, and one read again is added after the marks below it.
      const mark = firstOnPage(d.marks.byKey(key));
      // A kind the reader chose not to mark (Options) opens no card (page-controller's openCard) and
      // shows no mark: say so rather than scroll to nothing. The popup names the reason.
      if (!mark || !d.nav.kindShown(mark.kind)) return { revealed: false };
      scrollTo(mark);
      d.open(mark, false);
      return { revealed: true };
    },
    getArticleText() {
      const published = d.published();
      // A hidden block, or one the page took away, keeps its place: block numbers stay the marks'.
      const blocks = d.marking.blocks.map((b) => (b.hidden || b.gone ? '' : b.text));
      return { blocks, ...(published ? { published } : {}) };
    },
    revealPassage(block, start, end) {
      // A passage the page took away (re-rendered, cut) cannot be shown: the popup says so.
      const b = d.marking.blocks[block];
      const range = b && !b.gone && !b.hidden ? rangeFor(b, start, Math.min(end, b.text.length)) : null;
      return { revealed: range?.startContainer.isConnected ? flashRange(d.doc, range) : false };
    },
    pageCommand(command) {
      if (command === 'toggle-marks') {
        d.nav.setDisplay({ shown: !d.nav.shown });
        return { done: true, marksShown: d.nav.shown };
      }
      // The shortcut reaches the page even with focus in the note frame: stepping on would replace
      // the card, and the note being written with it.
      if (d.inNotes()) return { done: false };
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
