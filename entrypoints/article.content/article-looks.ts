/**
 * Looks for the article and marks it: the first pass (while the page parses, then again at
 * DOMContentLoaded) and the later looks of client-rendered pages. Looks are numbered, so a look
 * that a newer one overtook (a restart, the reader's "scan the whole page") drops what it found.
 */
import { type ArticleFound, findArticleSliced } from '../../lib/dom/article';
import { articleBeforeParsed } from '../../lib/dom/early-article';
import { afterFirstPaint, type SlicePriority, yieldIfSpent, yieldToPage } from '../../lib/dom/scheduler';

/** Article length (chars) above which the first scan waits for the page's first frame. */
const PAINT_FIRST_CHARS = 200_000;

/** What the looks need from the page controller. */
export interface ArticleLooksDeps {
  doc: Document;
  signal: AbortSignal;
  /** Scans `scopes` and marks the names in them (Marking.scanAndMark; `firstFrame`: see its options). */
  mark(scopes: Element[], priority?: SlicePriority, firstFrame?: Promise<void>): Promise<void>;
  /** The article being marked from now on (null: none found). */
  setRoot(root: Element | null): void;
  /** No article: takes the marks' stylesheets off the page. */
  unstyle(): void;
  /** Reads (and keeps) the article's date. */
  readDate(): void;
  /** True while the text read so far is still as it was read (Marking.intact). */
  intact(): boolean;
}

/** The article looks of one page. */
export class ArticleLooks {
  private looks = 0;

  constructor(private readonly deps: ArticleLooksDeps) {}

  /** Makes every look under way drop what it finds. */
  overtake(): void {
    this.looks++;
  }

  /**
   * While the page parses: marks the article once the parser is past it (early-article.ts), or at
   * DOMContentLoaded the one still open at the last look, at 'user-blocking' priority, as the
   * reader is looking at the page now. Resolves once that is done, or once the page is parsed
   * without one.
   */
  async markWhileParsing(): Promise<void> {
    const { doc, signal } = this.deps;
    const early = await articleBeforeParsed(doc, signal, () => findArticleSliced(doc, signal, 'user-blocking'));
    if (early) await this.markArticle(early, ++this.looks, 'user-blocking');
  }

  /** Looks for the article and marks it (the first pass, and late looks on client-rendered pages). */
  async findAndMark(priority?: SlicePriority): Promise<void> {
    const { doc, signal } = this.deps;
    const look = ++this.looks;
    // The finder's slice clock starts in a task of its own, not after the setup (card host,
    // listeners, tab API: 5-13 ms) that ran in this one; together they made a 30-50 ms first task.
    await yieldToPage(signal, priority);
    const found = await findArticleSliced(doc, signal, priority);
    if (look !== this.looks) return;
    await this.markArticle(found, look, priority);
  }

  /**
   * After DOMContentLoaded, on an article marked while the page was parsed: the finder must pick
   * it again (or an element around it) and its text must be as it was read; then only text added
   * since is scanned (usually none, so nothing is sent). Otherwise `restart` marks from scratch.
   */
  async confirmEarly(early: Element, restart: (priority: SlicePriority) => Promise<void>): Promise<void> {
    const { doc, signal } = this.deps;
    const look = ++this.looks;
    await yieldToPage(signal, 'user-blocking');
    const found = await findArticleSliced(doc, signal, 'user-blocking');
    if (look !== this.looks) return;
    if (found?.root.contains(early) && this.deps.intact()) {
      this.deps.setRoot(found.root);
      return this.deps.mark([found.root], 'user-blocking');
    }
    await restart('user-blocking');
  }

  /** Marks the article `found` by look number `look` (dropped if a newer look overtook it). */
  private async markArticle(found: ArticleFound | null, look: number, priority?: SlicePriority): Promise<void> {
    const { doc, signal } = this.deps;
    this.deps.setRoot(found?.root ?? null);
    if (!found) return this.deps.unstyle();
    // Before the first frame, the scan's first style read makes the browser style the whole page in
    // our task (68 ms on the 200,000-word page, traced). For an ordinary article after
    // DOMContentLoaded that is a few ms, less than any wait would cost. A book-length article waits
    // for that frame. (The length is the finder's count: reading root.textContent there took
    // 22-57 ms.) Reading one batch unstyled and spotting it during that frame gained nothing there:
    // 535 ms against 558 to the last mark, medians of 20 loads spread over 350-820 (the frame's
    // rendering and the detector share the machine's cores).
    if (found.chars > PAINT_FIRST_CHARS) await afterFirstPaint(doc, signal);
    // An article read while the page still parses (its first frame may not have come) is read
    // without style until that frame, and spotted meanwhile. DOMContentLoaded to first marks,
    // medians of 10: ars-1 32 ms against 62, guardian-1 47 against 65, telegraph -25 against 8.
    const firstFrame = doc.readyState === 'loading' ? afterFirstPaint(doc, signal) : undefined;
    // The scan starts a slice clock of its own: its first slice must not run in the task of a
    // finder's slice that used its budget (two budgets in one task: 25-30 ms slices on bbc-1,
    // traced). After a short last slice it goes on at once: on a busy page each yield waits behind
    // the page's queued tasks.
    await yieldIfSpent(signal, priority);
    if (look !== this.looks) return;
    // Read (and kept) here, not in the task that sends the first batch: on a book-length page the
    // date and the serialising of a 120,000-character batch together made a 50 ms task (traced).
    this.deps.readDate();
    await this.deps.mark([found.root], priority, firstFrame);
  }
}
