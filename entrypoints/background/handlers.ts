/**
 * The background worker's message handlers, framework-free: they take the database and a
 * detector getter, so unit tests run them with fake-indexeddb and a tiny fake detector.
 * Each area's handlers live in a file of their own (page-handlers.ts, card-message-handlers.ts,
 * note-handlers.ts); this one combines them over the state they share (handler-context.ts).
 */
import { matchCards } from '@/lib/db/cards';
import type { Card } from '@/lib/db/records';
import { createCardMessageHandlers } from './card-message-handlers';
import { type BackgroundHandlers, createHandlerContext, type HandlerDeps } from './handler-context';
import { createNoteHandlers } from './note-handlers';
import { createPageHandlers } from './page-handlers';

export type { SpotDetector } from './named-detector';
export type { HandlerDeps } from './handler-context';

/**
 * Builds the background handlers. `cardsChanged()` tells them the cards changed, so the
 * detector's known names are reloaded from Dexie before the next spot.
 */
export function createHandlers(deps: HandlerDeps): {
  handlers: BackgroundHandlers;
  cardsChanged: () => void;
  /** The cards as read by a watch of the table: a change unless their ids and names are those in use. */
  cardsRead: (cards: readonly Card[]) => void;
  /** Ids of the cards of the entities the detector spots in `text` (a saved quote's links). */
  linkEntities: (text: string) => Promise<string[]>;
  /** Writes the mentions of every spotBlocks answered so far; resolves once written (or failed). */
  mentionsSettled: () => Promise<void>;
  /** Resolves once the timelines of every spotBlocks answered so far are built (or failed). */
  timelinesSettled: () => Promise<void>;
} {
  const ctx = createHandlerContext(deps);
  const { ready, named, mentionWriter, timelines } = ctx;

  const handlers: BackgroundHandlers = {
    ...createPageHandlers(ctx),
    ...createCardMessageHandlers(ctx),
    ...createNoteHandlers(ctx),
  };

  async function linkEntities(text: string): Promise<string[]> {
    await ready();
    const loaded = await named.loaded();
    if (!loaded.ok) throw new Error(loaded.error);
    const { detector, index } = loaded.value;
    const result = await detector.spot([text]);
    return [...new Set([...matchCards(index, result.entities).values()].map((c) => c.id))];
  }

  return {
    handlers,
    cardsChanged: named.cardsChanged,
    cardsRead: named.cardsRead,
    linkEntities,
    mentionsSettled: () => mentionWriter.flush(),
    timelinesSettled: () => timelines.drained(),
  };
}
