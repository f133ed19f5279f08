import { describe, expect, it } from 'vitest';
import { savePageTimeline } from '@/lib/db/page-timelines';
import { freshDb } from './helpers';

const page = { url: 'https://news.test/a', title: 'A' };

describe('page timeline batches', () => {
  it('does not keep the same undated event twice because its phrase was capitalised differently', async () => {
    // Two batches of one reading ("Earlier this month, …" / "… earlier this month"), no article date.
    const db = await freshDb();
    await savePageTimeline(db, { page, blocks: ['Earlier this month, the army withdrew.'], entities: [] }, 1000);
    const kept = await savePageTimeline(
      db,
      { page, blocks: ['The army withdrew earlier this month.'], entities: [] },
      2000,
    );
    expect(kept?.entries.map((e) => e.what)).toEqual(['Army withdrew']);
  });
});
