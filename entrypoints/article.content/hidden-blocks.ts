/**
 * The article's blocks the scan left unread because the page hid them: a "Read more" section, a
 * collapsed live-blog entry. Showing one changes only an attribute (`hidden`, a class, a style),
 * which adds no node, so the page watch learns of it from an attribute observer and asks here
 * which of these blocks are shown now; those are read then.
 */
import { isHidden, isHiddenByMarkup } from '../../lib/dom/skip';

export class HiddenBlocks {
  private readonly blocks = new Set<Element>();
  /** True from the first block recorded until clear(): the attributes are watched meanwhile. */
  private watching = false;

  /**
   * `onFirst`: the article has a hidden block now (start watching attributes, only then);
   * `onNone`: it has none any more (a new article: stop watching the old one's attributes).
   */
  constructor(
    private readonly onFirst: () => void,
    private readonly onNone: () => void,
  ) {}

  /** Records a block left unread as hidden. */
  add(el: Element): void {
    this.blocks.add(el);
    if (this.watching) return;
    this.watching = true;
    this.onFirst();
  }

  /** The recorded blocks at or inside `el` that are shown now; they are forgotten (read next). */
  shownWithin(el: Element): Element[] {
    const shown: Element[] = [];
    for (const block of this.blocks) {
      if (!block.isConnected) this.blocks.delete(block);
      else if ((el === block || el.contains(block)) && !isHiddenByMarkup(block) && !isHidden(block)) {
        this.blocks.delete(block);
        shown.push(block);
      }
    }
    return shown;
  }

  /** True when some block is recorded. */
  any(): boolean {
    return this.blocks.size > 0;
  }

  /** Forgets every block (a new article). */
  clear(): void {
    this.blocks.clear();
    // Also once every block was shown (and forgotten): the watch is still on the old article.
    if (!this.watching) return;
    this.watching = false;
    this.onNone();
  }
}
