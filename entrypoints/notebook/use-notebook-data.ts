import { countMentions, listMentions } from '../../lib/db/mentions';
import { listNotes } from '../../lib/db/notes';
import type { BackstoryDB } from '../../lib/db/schema';
import { loadNotebook, loadNotebookPage } from '../../lib/notebook/load';
import { useLiveQuery } from '../../components/use-live-query';

/** Notes shown before the whole notebook is read. */
const FIRST_PAGE = 40;

/**
 * What the notebook shows, read as live queries: every note (`all`), the newest notes until then
 * (`first`), how many mentions "Clear browsing history" would forget, and the entity `entityId`'s
 * card, notes and mentions (null on the list).
 */
export function useNotebookData(db: BackstoryDB, entityId: string | null) {
  const all = useLiveQuery(() => loadNotebook(db), [db]);
  // The newest notes come first through an index, so the list paints before everything is read.
  const first = useLiveQuery(
    () => (all.value ? Promise.resolve(null) : loadNotebookPage(db, FIRST_PAGE)),
    [db, !all.value],
  );
  const mentionCount = useLiveQuery(() => countMentions(db), [db]);
  const entity = useLiveQuery(
    async () =>
      entityId
        ? {
            card: (await db.cards.get(entityId)) ?? null,
            notes: await listNotes(db, entityId),
            mentions: await listMentions(db, entityId),
          }
        : null,
    [db, entityId],
  );
  return { all, first, mentionCount, entity };
}
