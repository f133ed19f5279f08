/**
 * Opens and closes the hover card for a marked name: the hover intent (delays, pointer moving into
 * the card) and the card host, wired together. A card opens only for a name the page spotted and
 * a kind the reader marks.
 */
import type { SendFn } from '../../components/HoverCard';
import { type CardUi, createCardUiLoader } from '../../lib/dom/card-ui-slot';
import type { Mark } from '../../lib/dom/highlights';
import { HoverIntent } from '../../lib/dom/hover-intent';
import type { MarkNavigator } from '../../lib/dom/keyboard-nav';
import { boxOf } from '../../lib/dom/mark-range';
import type { PageRef } from '../../lib/db/records';
import { contextNames } from '../../lib/lookup/page-context';
import type { Settings } from '../../lib/settings/schema';
import { type CardHost, createCardHost } from './card-host';
import type { Marking } from './marking';

/** What the opener needs from the page controller. */
export interface CardOpenerDeps {
  send: SendFn;
  page: () => PageRef;
  marking: Marking;
  nav: MarkNavigator;
  /** The reader's settings now (hover delay, marking style). */
  settings: () => Settings;
  /** Loads the hover card's UI (default: asks the worker to inject it, see card-ui-slot.ts). */
  loadUi?: () => Promise<CardUi>;
  quiet: (error: unknown) => void;
}

/** The hover card's intent and host, and opening a card from the keyboard or the popup. */
export interface CardOpener {
  readonly intent: HoverIntent;
  readonly host: CardHost;
  /** Opens the card of `mark`; `byKeyboard` puts focus in it and rings the mark. */
  open(mark: Mark, byKeyboard: boolean): void;
  dispose(): void;
}

/** Creates the opener for `doc` (the host element is added on the first card). */
export function createCardOpener(doc: Document, d: CardOpenerDeps): CardOpener {
  let byKeyboard = false;
  /** Runs `fn`, logging quietly: nothing may throw into the page's event loop. */
  const safe = (fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      d.quiet(e);
    }
  };
  const intent = new HoverIntent({
    onOpen: (mark) => safe(() => show(mark)),
    onClose: () =>
      safe(() => {
        host.hide();
        if (d.settings().markStyle === 'hover') d.nav.focus(null);
      }),
    get openDelayMs() {
      return d.settings().hoverDelayMs;
    },
  });
  const host = createCardHost(doc, {
    send: d.send,
    page: d.page,
    loadUi: d.loadUi ?? createCardUiLoader(() => d.send('loadCardUi', {})),
    quiet: d.quiet,
    onClose: () => intent.close(),
    // The pointer went straight into the card's note frame: the card is under it, keep it open.
    onPointerIn: () => intent.update(null, true),
  });

  function show(mark: Mark): void {
    const e = d.marking.entities.get(mark.key);
    if (!e || !d.nav.kindShown(mark.kind)) return;
    // "Off until hover": the ring shows which name the open card is about.
    if (byKeyboard || d.settings().markStyle === 'hover') d.nav.focus(mark);
    const anchor = () => {
      const r = boxOf(mark.range);
      return r && { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const context = contextNames(d.marking.entities.values(), e.name);
    host.show(
      { key: e.key, name: e.name, kind: e.kind, aliases: e.aliases, count: e.count, focus: byKeyboard, context },
      anchor,
    );
  }

  return {
    intent,
    host,
    open(mark, keyboard) {
      byKeyboard = keyboard;
      try {
        intent.open(mark);
      } finally {
        byKeyboard = false;
      }
    },
    dispose() {
      intent.dispose();
      host.dispose();
    },
  };
}
