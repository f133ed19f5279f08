/**
 * The hover card's note frame: an extension page inside the card (entrypoints/note-frame) where the
 * reader's notes are listed and typed, so the page never sees a key of a note. It tells its card
 * what happened through the background (never window.postMessage, which the page could forge or
 * read); the events carry a per-frame token and sizes, never any note text. The messages that
 * carry these events (noteFrame, noteFrameEvent) are declared in protocol.ts.
 */
import * as v from 'valibot';
import { id } from './payload-schemas';

export const NOTE_FRAME_EVENTS = ['changed', 'close', 'size'] as const;
export type NoteFrameEventType = (typeof NOTE_FRAME_EVENTS)[number];
const px = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100_000));
export const noteFrameEvent = v.object({
  /** The frame's token (in its URL hash): the card ignores events of any other frame. */
  token: id,
  /** `changed`: a note (or the card) was saved or deleted; `close`: Escape; `size`: content height. */
  event: v.picklist(NOTE_FRAME_EVENTS),
  height: v.optional(px),
  /** With `size`: a band of the frame (px from its top) to scroll into the card's view (the focus). */
  reveal: v.optional(v.object({ top: px, bottom: px })),
});
export type NoteFrameEvent = v.InferOutput<typeof noteFrameEvent>;
