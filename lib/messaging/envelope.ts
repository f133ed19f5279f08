/**
 * Backstory's message envelope, on its own so the page starter can send one without the browser
 * API polyfill the rest of the messaging code imports.
 */
import type { Envelope } from './protocol';

/** Wraps a message in Backstory's envelope. */
export function envelope<T extends string>(type: T, payload: unknown): Envelope<T> {
  return { backstory: 1, type, payload };
}
