/**
 * Where the reader met each name: the mentions of every spotBlocks reply, written to the database
 * after the reply and together once a page has sent all its text.
 *
 * Why together: a page keeps its mentions in ONE record, and every write reads it, adds to it and
 * clones it back. A book-length page sends a batch every few dozen ms; one write per batch
 * rewrote an ever larger record eleven times on the 200,000-word page, on the worker's one thread,
 * while the next batches waited to be read. Writes therefore wait until no mentions have come for
 * `quietMs`, and `flush()` writes at once for a reader who needs them now (a card's "Seen in N
 * articles" counts the page being read).
 */
import type { BackstoryDB } from '@/lib/db/schema';
import { recordMentions, type MentionInput } from '@/lib/db/mentions';

/** Default of the quiet time: longer than the gap between two batches of one page. */
export const MENTIONS_QUIET_MS = 300;

/** Queues mentions and writes them in one go. */
export interface MentionWriter {
  /** Queues `mentions`; they are written once none have come for the writer's quiet time. */
  add(mentions: readonly MentionInput[]): void;
  /** Writes what is queued now; resolves once every write so far is done (or failed and logged). */
  flush(): Promise<void>;
}

/** Creates the writer; a failed write (a full disk) is logged and loses nothing else. */
export function createMentionWriter(
  db: BackstoryDB,
  log: (message: string) => void,
  quietMs = MENTIONS_QUIET_MS,
): MentionWriter {
  let queued: MentionInput[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (queued.length > 0) {
      const batch = queued;
      queued = [];
      written = written
        .then(() => recordMentions(db, batch))
        .then(
          () => undefined,
          (error: unknown) =>
            log(`[Backstory] mentions not recorded: ${error instanceof Error ? error.message : String(error)}`),
        );
    }
    return written;
  };

  return {
    add(mentions) {
      if (mentions.length === 0) return;
      queued.push(...mentions);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void flush(), quietMs);
    },
    flush,
  };
}
