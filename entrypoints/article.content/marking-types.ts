/**
 * What the marking pipeline (marking.ts) works with and offers: the page's scanned text and spotted
 * names, and the operation that adds to them.
 */
import type { SendFn } from '../../components/HoverCard';
import type { PageEntity } from '../../lib/messaging/protocol';
import type { PageRef } from '../../lib/db/records';
import type { Mark, Marks } from '../../lib/dom/highlights';
import type { MarkNavigator } from '../../lib/dom/keyboard-nav';
import type { SlicePriority } from '../../lib/dom/scheduler';
import type { TextBlock } from '../../lib/dom/text-blocks';

/** What the pipeline works with. */
export interface MarkingDeps {
  send: SendFn;
  signal: AbortSignal;
  marks: Marks;
  nav: MarkNavigator;
  page: () => PageRef;
  /** The article's publication date, when the page says (the background's page timeline needs it). */
  published?: () => string | undefined;
  quiet: (error: unknown) => void;
}

/** Options of {@link Marking.scanAndMark}. */
export interface ScanAndMarkOptions {
  /** False reads navigation and the like too (the reader's "scan the whole page"). */
  skipFurniture?: boolean;
  /** How eagerly the scan and marking slices take the main thread (the first pass: 'user-blocking'). */
  priority?: SlicePriority;
  /**
   * Resolves after the page's first frame, when the scan starts before it. Until then blocks are
   * read without checking their display (text-blocks' `styled`) and the scan stops after its first
   * batch to wait, so the background spots that batch while the page renders; marks wait for the
   * frame, and blocks then found hidden get none.
   */
  firstFrame?: Promise<void>;
  /** Each open shadow root the scan enters (text-blocks' `onShadowRoot`). */
  onShadowRoot?: (shadow: ShadowRoot) => void;
  /** Each custom element the scan meets before it is defined (text-blocks' `onUndefined`). */
  onUndefined?: (el: Element) => void;
  /** Each block left unread as hidden, when read or once styles showed it hidden (text-blocks' `onHidden`). */
  onHidden?: (el: Element) => void;
}

/** The page's scanned text and spotted names, and the operation that adds to them. */
export interface Marking {
  /** Every block scanned so far, in the order spans refer to them. */
  readonly blocks: TextBlock[];
  /** Names spotted so far, by key, with counts summed over requests. */
  readonly entities: Map<string, PageEntity>;
  /**
   * Scans `scopes` (the article, or subtrees added since) and marks what is spotted in them;
   * `skipFurniture: false` reads navigation and the like too (the reader's "scan the whole page").
   */
  scanAndMark(scopes: Element[], opts?: ScanAndMarkOptions): Promise<void>;
  /**
   * True while the text read so far is still in the page as it was read: the last text node of
   * every block is connected and as long as then (the parser appends to the last node it made, so
   * a block read before the page was parsed could have grown).
   */
  intact(): boolean;
  /**
   * Counts `gone` (marks whose text the page took away, Marks.prune) out of the names, and flags
   * the blocks none of whose text is left, so they count as no text.
   */
  dropGone(gone: ReadonlySet<Mark>): void;
  /** Forgets that `nodes` were read (the page rewrote their text): a rescan reads them again. Returns them. */
  unsee(nodes: Text[]): Text[];
  /**
   * Forgets what was read of these block elements, to read them whole again (the page changed part
   * of one): their blocks count as no text, and none of their text counts as read. Their marks are
   * the caller's to drop (Marks.prune).
   */
  forgetBlocks(elements: ReadonlySet<Element>): void;
  /** True while a pass is scanning or waiting for its marks (the page's names may still grow). */
  busy(): boolean;
  /** Forgets blocks, names and scanned nodes (a new article); passes under way give up. */
  reset(): void;
}
