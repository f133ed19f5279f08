/**
 * Relays what the hover card's note frame tells its card (saved, Escape, new height) to the content
 * script in the top frame of the frame's own tab. The frame and the content script cannot talk
 * directly without window.postMessage, which the page could read or forge; the tab comes from the
 * browser's sender record, so a frame can only ever reach the card it sits in.
 */
import { browser } from 'wxt/browser';
import { envelope } from '@/lib/messaging/client';
import { noteFrameSenderError } from '@/lib/messaging/note-frame';
import { type NoteFrameEvent, type NoteFrameReplies, noteFrameSchemas, type Result } from '@/lib/messaging/protocol';
import { backgroundSenderPolicy, createRouter, type Sender } from '@/lib/messaging/serve';

/** Sends one message to a tab's top frame (browser.tabs.sendMessage in the extension). */
export type DeliverFn = (tabId: number, message: unknown) => Promise<unknown>;

const deliverToTopFrame: DeliverFn = (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 });

/** Checks the sender is the note frame, then forwards `event` to its tab's top frame. */
export async function relayNoteFrame(
  event: NoteFrameEvent,
  sender: Sender,
  deliver: DeliverFn = deliverToTopFrame,
): Promise<Result<NoteFrameReplies['noteFrame']>> {
  const refused = noteFrameSenderError(sender);
  if (refused) return { ok: false, error: `Backstory refused "noteFrame": ${refused}.` };
  try {
    const reply = (await deliver(sender.tab?.id as number, envelope('noteFrameEvent', event))) as
      | Result<{ handled: boolean }>
      | undefined;
    return { ok: true, value: { delivered: !!reply && reply.ok && reply.value.handled } };
  } catch (error) {
    // The card's page went away (navigated, closed): nothing left to tell.
    return { ok: false, error: `The card could not be reached (${error instanceof Error ? error.message : error}).` };
  }
}

/** Serves `noteFrame` in the worker (its own listener beside serveBackground's). Returns the unsubscribe. */
export function serveNoteFrameRelay(deliver?: DeliverFn): () => void {
  const listener = createRouter(
    noteFrameSchemas,
    { noteFrame: (event, sender) => relayNoteFrame(event, sender, deliver) },
    backgroundSenderPolicy,
  );
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
