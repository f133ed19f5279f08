import { describe, expect, it, vi } from 'vitest';
import type { BackstoryDB } from '@/lib/db/schema';
import { countSeenIn, type MentionInput } from '@/lib/db/mentions';
import { mentionsOf } from '@/lib/db/page-mentions';
import { createMentionWriter } from '@/entrypoints/background/mention-writer';
import { card, freshDb } from '../db/helpers';

/** A database holding three people's cards, as the mentions refer to cards. */
async function openDb(): Promise<BackstoryDB> {
  const db = await freshDb();
  await db.cards.bulkAdd(['Ada Byron', 'Bo Diddley', 'Cy Young'].map((name, i) => card('abc'[i]!, name, 'person')));
  return db;
}

const url = 'https://news.test/book';
const mention = (cardId: string): MentionInput => ({ cardId, url, title: 'A book', sentence: `${cardId} met.` });
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('mention writer', () => {
  it("writes a page's batches together once they stop coming, in one write", async () => {
    const db = await openDb();
    const puts = vi.spyOn(db.pageMentions, 'bulkPut');
    const writer = createMentionWriter(db, vi.fn(), 40);
    writer.add([mention('a')]);
    await sleep(10);
    writer.add([mention('b')]);
    await sleep(10);
    writer.add([mention('c')]);
    expect(await db.pageMentions.count()).toBe(0); // batches are still coming
    await sleep(80);
    await writer.flush();
    expect(puts).toHaveBeenCalledTimes(1);
    const stored = (await db.pageMentions.toArray()).flatMap(mentionsOf);
    expect(stored.map((m) => m.cardId).sort()).toEqual(['a', 'b', 'c']);
  });

  it('writes at once when a reader needs the mentions (a card counting the page)', async () => {
    const db = await openDb();
    const writer = createMentionWriter(db, vi.fn(), 60_000);
    writer.add([mention('a')]);
    await writer.flush();
    expect(await countSeenIn(db, 'a')).toBe(1);
  });

  it('logs a failed write (a full disk) and still writes what comes next', async () => {
    const db = await openDb();
    const log = vi.fn();
    const writer = createMentionWriter(db, log, 60_000);
    vi.spyOn(db.pageMentions, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));
    writer.add([mention('a')]);
    await writer.flush();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('mentions not recorded: QuotaExceededError'));
    writer.add([mention('b')]);
    await writer.flush();
    expect(await countSeenIn(db, 'b')).toBe(1);
  });
});
