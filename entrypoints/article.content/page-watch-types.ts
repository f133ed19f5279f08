/** What the page watch (page-watch.ts) asks of the page controller, and what the controller may ask of it. */

/** What the watcher needs from the controller. */
export interface WatchHooks {
  /** The article element being marked (null: none found yet). */
  root(): Element | null;
  /** The address (without #fragment) the current article was found at. */
  lastUrl(): string;
  address(): string;
  /** A new article (new address, or the old element removed). */
  restart(): Promise<void>;
  /** True while the article's text is as it was read (Marking.intact). */
  intact(): boolean;
  /** The article stays, under the address it has now (lastUrl becomes address()). */
  keepArticle(): void;
  /** True while the reader is in the open card (a note draft): a restart, which closes it, waits. */
  readerInCard(): boolean;
  /** Another look for an article on a page that had none. */
  lookAgain(): Promise<void>;
  /** New subtrees inside the article, outermost only. */
  rescan(scopes: Element[]): Promise<void>;
  /**
   * Nodes were removed or rewritten inside the article: drop the marks on text no longer there,
   * and forget what was read of `blocks` (block elements about to be read whole again). Their
   * marks still right stay shown until that reading's marks are in: returns what drops them then.
   */
  prune(blocks: ReadonlySet<Element>): (() => void) | undefined;
  /** Blocks left unread as hidden that are shown now, at or inside `el` (an attribute of it changed). */
  revealed(el: Element): Element[];
  /**
   * The page rewrote these text nodes in place. Returns those to read again: the ones that held
   * marks, and a few times ones that may name someone now (ArticleReader.reread).
   */
  reread(nodes: Set<Text>): Text[];
  /** The page changed: keep the marks styled (Marks.keepStyled). */
  keepStyled(): void;
  quiet(error: unknown): void;
}

/** What the controller may still ask of a page watch. */
export interface PageWatch {
  /** Watches an open shadow root of the article too (one whose text was marked). */
  observe(shadow: ShadowRoot): void;
  /** Watches `root` (the article) for the attributes that show a hidden block (reveal-watch.ts). */
  watchReveals(root: Element): void;
  /** Stops watching the article's attributes (it has no hidden block left: a new article). */
  unwatchReveals(): void;
}
