import { NOTE_MAX_CHARS } from '../db/records';

/** Note body rule shared by every UI and the background. Returns an error message or null. */
export function noteBodyError(body: string): string | null {
  if (body.trim().length === 0) return 'A note cannot be empty.';
  if (body.length > NOTE_MAX_CHARS)
    return `A note can be at most ${NOTE_MAX_CHARS.toLocaleString('en')} characters; this one has ${body.length.toLocaleString('en')}.`;
  return null;
}
