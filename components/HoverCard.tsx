import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { EntityKind } from '../lib/entity';
import type { BackgroundMessageType, BackgroundPayload, BackgroundReplies, Result } from '../lib/messaging/protocol';
import type { Box } from '../lib/dom/place-card';
import { CardView } from './CardView';
import { ErrorLine } from './ErrorLine';
import { useCardPlacement } from './use-card-placement';
import { useCardReply } from './use-card-reply';

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
 * The hover card: a non-modal dialog next to the hovered name, holding the entity's card (or what
 * the page tells about it). The reader's notes are not here: `renderNotes` puts the note frame (an
 * extension page) below the card. Card data goes through the background; nothing here touches
 * the page's DOM.
 */
export function HoverCard({ entity, anchor, send, onClose, renderNotes, cache }: HoverCardProps) {
  const { data, error, lookup, refresh, retry, chooseArticle, createCard } = useCardReply(entity, send, cache);
  const root = useRef<HTMLDivElement>(null);
  const place = useCardPlacement(root, anchor, onClose);
  // After place() made the card visible (a hidden element cannot take focus).
  useLayoutEffect(() => {
    if (!entity.focus) return;
    const heading = root.current?.querySelector<HTMLElement>('h2');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [entity]);

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
