import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EntityKind } from '../lib/entity';
import type { BackgroundMessageType, BackgroundPayload, BackgroundReplies, Result } from '../lib/messaging/protocol';
import { placeCard, type Box } from '../lib/dom/place-card';
import { CardView } from './CardView';
import { ErrorLine } from './ErrorLine';

/** Sends a message to the background (sendToBackground in the extension, a fake in tests). */
export type SendFn = <T extends BackgroundMessageType>(
  type: T,
  payload: BackgroundPayload<T>,
) => Promise<Result<BackgroundReplies[T]>>;

/** The entity a hover card is about. */
export interface HoverEntity {
  key: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** Mentions on this page. */
  count: number;
  /** The page's other names (lib/lookup/page-context.ts), to choose among Wikipedia's articles. */
  context?: string[];
  /** Opened from the keyboard: focus moves to the card's heading (a hover leaves focus alone). */
  focus?: boolean;
}

export interface HoverCardProps {
  entity: HoverEntity;
  /** The hovered name's rect in viewport px, read again on scroll and resize; null when gone. */
  anchor: () => Box | null;
  send: SendFn;
  onClose: () => void;
  /**
   * Renders the notes part once the card is known (card-host: the note frame, an extension page,
   * so the page never sees a key typed into a note). `refresh` reloads the card (a note created it);
   * `relayout` places the card again after the notes changed height.
   */
  renderNotes: (ctx: NotesSlot) => ComponentChildren;
  /**
   * The page's card replies so far, by entity key: a name hovered before shows its card at once,
   * and is asked again behind it. Chromium stops the worker after 30 s idle, and a hover that
   * had to wake it showed the card 557 ms after the hover delay (bench:hover, demo article).
   */
  cache?: Map<string, CardReply>;
}

/** What the card shows: getCard's reply. */
export type CardReply = BackgroundReplies['getCard'];

/** What the notes part of the card gets. */
export interface NotesSlot {
  /** The entity's card, or null while it has none (the first note creates it). */
  cardId: string | null;
  refresh: () => void;
  relayout: () => void;
}

/**
 * A pending look-up is asked again PENDING_POLLS times every PENDING_POLL_MS, then every
 * SLOW_POLL_MS for as long as the card is open (a queue paused by a 429 can take minutes): the
 * card then says it is still waiting and offers "Check again", which starts the quick asking again.
 */
const PENDING_POLL_MS = 1500;
const PENDING_POLLS = 8;
const SLOW_POLL_MS = 10_000;

/**
 * The hover card: a non-modal dialog next to the hovered name, holding the entity's card (or what
 * the page tells about it). The reader's notes are not here: `renderNotes` puts the note frame (an
 * extension page) below the card. Card data goes through the background; nothing here touches
 * the page's DOM.
 */
export function HoverCard({ entity, anchor, send, onClose, renderNotes, cache }: HoverCardProps) {
  const [data, setData] = useState<CardReply | null>(() => cache?.get(entity.key) ?? null);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const ask = {
    name: entity.name,
    kind: entity.kind,
    aliases: entity.aliases.slice(0, 50),
    context: entity.context ?? [],
  };

  const refresh = useCallback(
    async (retry = false): Promise<string | null> => {
      const r = await send('getCard', retry ? { ...ask, retry } : ask);
      if (!r.ok) {
        // A card already shown from the cache stays: the reader loses nothing to a failed refresh.
        if (!cache?.has(entity.key)) setError(r.error);
        return r.error;
      }
      setError(null);
      keep(r.value);
      return null;
    },
    [entity.key, send],
  );

  /** Shows `reply` and keeps it for the next hover of this name. */
  function keep(reply: CardReply): void {
    cache?.set(entity.key, reply);
    setData(reply);
  }

  useEffect(() => {
    setData(cache?.get(entity.key) ?? null);
    void refresh();
  }, [refresh]);

  // A Wikipedia look-up still running answers "pending": ask again until it settles.
  const polls = useRef(0);
  useEffect(() => {
    if (data?.lookup?.status !== 'pending') return;
    const delay = polls.current < PENDING_POLLS ? PENDING_POLL_MS : SLOW_POLL_MS;
    polls.current++;
    const timer = setTimeout(() => void refresh(), delay);
    return () => clearTimeout(timer);
  }, [data, refresh]);
  // Read after the answer that used up the quick polls was set, so this render shows it.
  const lookup =
    data?.lookup?.status === 'pending' && polls.current >= PENDING_POLLS
      ? { ...data.lookup, slow: true }
      : data?.lookup;

  /** "Retry" / "Look up again" / "Check again": asks again at once, and quickly again while it is pending. */
  function retry(): Promise<string | null> {
    polls.current = 0;
    return refresh(true);
  }

  // Placement is applied straight to the element after each render and on scroll/resize, so the
  // card follows its name without a re-render and never moves the page's own layout.
  const place = useCallback(() => {
    const el = root.current;
    const box = anchor();
    const view = el?.ownerDocument.defaultView;
    if (!el || !view) return;
    if (!box) return onClose();
    const pos = placeCard(
      box,
      { width: el.offsetWidth, height: el.offsetHeight },
      { width: view.innerWidth, height: view.innerHeight },
    );
    el.style.left = `${pos.left}px`;
    el.style.top = `${pos.top}px`;
    el.style.visibility = 'visible';
  }, [anchor, onClose]);
  useLayoutEffect(place);
  // After place() made the card visible (a hidden element cannot take focus).
  useLayoutEffect(() => {
    if (!entity.focus) return;
    const heading = root.current?.querySelector<HTMLElement>('h2');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [entity]);
  useEffect(() => {
    const view = root.current?.ownerDocument.defaultView;
    if (!view) return;
    const ctl = new AbortController();
    view.addEventListener('scroll', place, { passive: true, capture: true, signal: ctl.signal });
    view.addEventListener('resize', place, { passive: true, signal: ctl.signal });
    return () => ctl.abort();
  }, [place]);

  /** The reader picked one of Wikipedia's candidate articles for this name. */
  async function chooseArticle(title: string): Promise<string | null> {
    const r = await send('chooseArticle', { name: entity.name, kind: entity.kind, title });
    if (!r.ok) return r.error;
    keep(r.value);
    return null;
  }

  async function createCard(): Promise<void> {
    const r = await send('createCard', ask);
    if (!r.ok) throw new Error(r.error);
    await refresh();
  }

  return (
    <div
      ref={root}
      class="bs-root bs-panel bs-hovercard"
      role="dialog"
      aria-label={entity.name}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <CardView
        entity={{ name: entity.name, kind: entity.kind, count: entity.count }}
        card={data?.card ?? null}
        seenIn={data?.seenIn}
        onCreateCard={data ? createCard : undefined}
        lookup={lookup}
        onChoose={chooseArticle}
        onRetry={retry}
      />
      {!data && !error && <p class="bs-muted">Loading…</p>}
      <ErrorLine message={error} />
      {(data || error) &&
        renderNotes({ cardId: data?.card?.id ?? null, refresh: () => void refresh(), relayout: place })}
    </div>
  );
}

/**
 * Positioning CSS of the hover card (px only; the shared look comes from uiCss). It must come
 * AFTER uiCss: `.bs-root { all: initial }` there would otherwise reset position and width.
 */
export const hoverCardCss = `
:host { all: initial; }
.bs-root.bs-hovercard {
  position: fixed;
  top: 0;
  left: 0;
  width: 360px;
  max-width: calc(100vw - 16px);
  max-height: min(480px, calc(100vh - 16px));
  overflow: auto;
  visibility: hidden;
  pointer-events: auto;
  z-index: 2147483647;
}
`;
