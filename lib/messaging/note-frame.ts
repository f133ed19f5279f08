/**
 * The hover card's note frame (entrypoints/note-frame): what the card tells it through its URL hash,
 * and how the background recognises it as a sender. The hash holds the entity, the card id, the page
 * and a random token; never any note text (notes are fetched by the frame itself).
 */
import * as v from 'valibot';
import { ENTITY_KINDS } from '../entity';
import { PAGE_TITLE_MAX_CHARS, PAGE_URL_MAX_CHARS } from './payload-schemas';
import type { Sender } from './serve';

/** The frame's page in the extension package (built from entrypoints/note-frame/index.html). */
export const NOTE_FRAME_PATH = '/note-frame.html';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nonEmpty = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/** What the frame needs: whose notes, on which card (when there is one), written on which page. */
export const noteFrameParamsSchema = v.object({
  token: nonEmpty(200),
  name: nonEmpty(300),
  kind: v.picklist(ENTITY_KINDS),
  aliases: v.pipe(v.array(nonEmpty(300)), v.maxLength(50)),
  /** Absent until the entity has a card: the first note creates it. */
  cardId: v.optional(nonEmpty(300)),
  page: v.object({ url: text(PAGE_URL_MAX_CHARS), title: text(PAGE_TITLE_MAX_CHARS) }),
});
export type NoteFrameParams = v.InferOutput<typeof noteFrameParamsSchema>;

/** The URL hash (with "#") that carries `params` to the frame. */
export function noteFrameHash(params: NoteFrameParams): string {
  return `#${encodeURIComponent(JSON.stringify(params))}`;
}

/** Reads the params back from a URL hash; a clear message for anything malformed, never a throw. */
export function parseNoteFrameHash(hash: string): { ok: true; value: NoteFrameParams } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeURIComponent(hash.replace(/^#/, '')));
  } catch {
    return { ok: false, error: 'The notes frame was opened without its card.' };
  }
  const parsed = v.safeParse(noteFrameParamsSchema, raw);
  if (!parsed.success) return { ok: false, error: `The notes frame got a bad card: ${parsed.issues[0].message}` };
  return { ok: true, value: parsed.output };
}

/**
 * Null when `sender` is the note frame inside a tab (an extension page in a sub-frame: the page's own
 * scripts and content scripts have the page's URL), or the reason it is not.
 */
export function noteFrameSenderError(sender: Sender): string | null {
  if (sender.tab?.id === undefined) return 'the note frame lives in a tab';
  if (!sender.frameId) return 'the note frame is never a top frame';
  let url: URL;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    return 'the sender has no address';
  }
  // Chrome's dynamic web-accessible URLs use a per-session host instead of the extension id.
  if (!/^(chrome|moz)-extension:$/.test(url.protocol) || url.pathname !== NOTE_FRAME_PATH)
    return 'only the note frame may send this';
  return null;
}
