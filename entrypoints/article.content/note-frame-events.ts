/**
 * The events of the hover card's note frames, relayed by the background (see
 * entrypoints/background/note-frame-relay.ts): each frame's token leads to the card that listens.
 */
import type { NoteFrameListen } from '../../components/NoteFrame';
import { cardFrameSchemas, type NoteFrameEvent } from '../../lib/messaging/protocol';
import { createRouter, type MessageListener, tabSenderPolicy } from '../../lib/messaging/serve';

/** The frames open in this page's card, by token. */
export class NoteFrameEvents {
  private readonly frames = new Map<string, (event: NoteFrameEvent) => void>();

  /** What a card calls to hear its frame's events (returns the call that stops them). */
  readonly listen: NoteFrameListen = (token, handler) => {
    this.frames.set(token, handler);
    return () => void this.frames.delete(token);
  };

  /** The runtime.onMessage listener that takes the relayed events (checked like every message). */
  readonly listener: MessageListener = createRouter(
    cardFrameSchemas,
    {
      noteFrameEvent: (event) => {
        const handler = this.frames.get(event.token);
        handler?.(event);
        return { ok: true, value: { handled: !!handler } };
      },
    },
    tabSenderPolicy,
    (m) => console.debug(m),
  );

  /** Forgets every frame (the card is gone). */
  clear(): void {
    this.frames.clear();
  }
}
