/**
 * The extension's ONE node in the page: `<backstory-host>`, a zero-size fixed element on
 * <html> with a CLOSED shadow root, into which the hover card's UI renders the card. The UI is a
 * script of its own, injected once the page has marks (lib/dom/card-ui-slot.ts says why). The page
 * cannot reach into it, its styles cannot leak in (`all: initial` on the host and on the UI root),
 * and it never takes layout space. Created on first use; re-added if the page removes it.
 * The notes part of the card is an extension frame (components/NoteFrame.tsx): keys typed into a
 * note stay in that frame's document, which the page's window never sees, even in the capture phase.
 */
import { browser } from 'wxt/browser';
import type { HoverEntity, SendFn } from '../../components/HoverCard';
import type { CardUi } from '../../lib/dom/card-ui-slot';
import { NOTE_FRAME_PATH } from '../../lib/messaging/note-frame';
import type { PageEntity } from '../../lib/messaging/protocol';
import type { PageRef } from '../../lib/db/records';
import type { Box } from '../../lib/dom/place-card';
import { HOST_TAG } from '../../lib/dom/skip';
import { NoteFrameEvents } from './note-frame-events';
import { PageCards } from './page-cards';

/** How often the host is put back after the page removed it, before Backstory gives up the fight. */
const MAX_REATTACH = 20;

const HOST_STYLE =
  'all: initial !important; position: fixed !important; z-index: 2147483647 !important; top: 0 !important; ' +
  'left: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important; display: block !important;';

/** The hover card's host. */
export interface CardHost {
  /**
   * Shows the card for `entity` next to `anchor` (replacing any open card); the first card waits
   * for the UI to load, and is dropped if hidden or replaced meanwhile.
   */
  show(entity: HoverEntity, anchor: () => Box | null): void;
  /** Loads the card's UI ahead of the first hover (once the page has marks). */
  preload(): void;
  /** Hides the card; focus inside it goes back where it was before. */
  hide(): void;
  /**
   * True when the event happened on Backstory's open card (its composed path crosses the host),
   * or while focus is inside the card, so a draft note is never closed away under the reader.
   */
  contains(event: Event): boolean;
  /**
   * Keeps the cards of `entities` (those that have one) for their first hover, asked for in one
   * getPageCards message. Resolves when kept; when asking fails, hovers simply ask as before.
   */
  prefetch(entities: readonly PageEntity[]): Promise<void>;
  readonly isOpen: boolean;
  /** True while the card is open with focus inside it (the reader may be writing a note). */
  hasFocus(): boolean;
  /** True while focus is in the card's note frame: the reader is writing (or about to write) a note. */
  notesFocused(): boolean;
  /** Unmounts the UI and removes the host. */
  dispose(): void;
}

/** Options of {@link createCardHost}. */
export interface CardHostOptions {
  send: SendFn;
  page: () => PageRef;
  /** Called when the card asks to close (Escape inside it, anchor gone). */
  onClose: () => void;
  /**
   * Called when the pointer enters the note frame: the page's document gets no pointer moves while
   * the pointer is over the frame, so this is the only sign the pointer reached the card that way.
   */
  onPointerIn?: () => void;
  /** Loads the card's UI (createCardUiLoader; a direct import in unit tests). */
  loadUi: () => Promise<CardUi>;
  /** Where a UI that failed to load is reported (debug level: the reader did nothing wrong). */
  quiet: (error: unknown) => void;
}

/** Creates the (lazy) card host for `doc`. */
export function createCardHost(doc: Document, opts: CardHostOptions): CardHost {
  // Read once: in Chrome a dynamic URL (per session) that pages cannot guess to fingerprint Backstory.
  const frameSrc = (browser.runtime.getURL as (path: string) => string)(NOTE_FRAME_PATH);
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let open = false;
  let returnFocus: Element | null = null;
  let reattached = 0;
  let ui: CardUi | null = null;
  /** Bumped by every show and hide, so a card still waiting for the UI knows it was overtaken. */
  let shown = 0;
  const cards = new PageCards(opts.send);
  const frames = new NoteFrameEvents();
  // Frameworks that own <html> may remove nodes they did not render; put the host straight back
  // (a bounded number of times) so an open card does not vanish under the reader's pointer.
  const watcher = new MutationObserver((records) => {
    if (!host || host.isConnected || reattached >= MAX_REATTACH) return;
    if (records.some((r) => Array.from(r.removedNodes).includes(host as Node))) {
      reattached++;
      doc.documentElement.append(host);
    }
  });

  function ensure(): HTMLElement {
    if (!host) {
      watcher.observe(doc.documentElement, { childList: true });
      host = doc.createElement(HOST_TAG);
      host.setAttribute('style', HOST_STYLE);
      shadow = host.attachShadow({ mode: 'closed' });
      mount = doc.createElement('div');
      shadow.append(mount);
      // Keys typed into a note would otherwise bubble out of the shadow root to the page's own
      // listeners (analytics, site shortcuts). Stopping them here keeps bubbling listeners out;
      // the card handles its own keys (Escape) before the event reaches the root.
      for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input'])
        shadow.addEventListener(type, (e) => e.stopPropagation());
      // The pointer entering the note frame: the page's document sees no moves over the frame.
      shadow.addEventListener('pointerover', (e) => {
        if ((e.target as Element | null)?.localName === 'iframe') opts.onPointerIn?.();
      });
      browser.runtime.onMessage.addListener(frames.listener);
    }
    // The page may have removed us (or replaced <html>'s children): put the same host back.
    if (!host.isConnected) doc.documentElement.append(host);
    return mount!;
  }

  return {
    show(entity, anchor) {
      const target = ensure();
      if (!open) returnFocus = doc.activeElement === host ? null : doc.activeElement;
      open = true;
      const turn = ++shown;
      const props = { entity, anchor, send: opts.send, cache: cards.byKey, onClose: opts.onClose, page: opts.page() };
      const render = (loaded: CardUi) => {
        ui = loaded;
        // The card's stylesheet goes in once per shadow root, ahead of the mount.
        if (!target.previousSibling) {
          const style = doc.createElement('style');
          style.textContent = loaded.css;
          target.before(style);
        }
        loaded.render(target, { ...props, frameSrc, listen: frames.listen });
      };
      if (ui) return render(ui);
      opts.loadUi().then((loaded) => {
        if (turn === shown && open && mount === target) render(loaded);
      }, opts.quiet);
    },
    preload() {
      opts.loadUi().catch(opts.quiet);
    },
    hide() {
      if (!open || !mount) return;
      const hadFocus = doc.activeElement === host;
      open = false;
      shown++;
      ui?.unmount(mount);
      if (hadFocus && returnFocus instanceof (doc.defaultView?.HTMLElement ?? HTMLElement) && returnFocus.isConnected)
        returnFocus.focus({ preventScroll: true });
      returnFocus = null;
    },
    prefetch(entities) {
      return cards.prefetch(entities);
    },
    contains(event) {
      if (!host || !open) return false;
      // While the reader types in the card, it stays theirs wherever the pointer wanders.
      return doc.activeElement === host || event.composedPath().includes(host);
    },
    get isOpen() {
      return open;
    },
    hasFocus() {
      return !!host && open && doc.activeElement === host;
    },
    notesFocused() {
      return !!host && open && doc.activeElement === host && shadow?.activeElement?.tagName === 'IFRAME';
    },
    dispose() {
      watcher.disconnect();
      browser.runtime.onMessage.removeListener(frames.listener);
      frames.clear();
      if (mount) ui?.unmount(mount);
      shown++;
      host?.remove();
      host = null;
      mount = null;
      open = false;
    },
  };
}
