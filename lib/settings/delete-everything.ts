/**
 * "Delete everything": every table of the database (the reader's cards and edits, notes, where they
 * met each name, the look-up cache), every stored setting in both storage areas, the sites the reader
 * added (their permissions given back), then the starter cards shipped with the extension again, so
 * Backstory is as it was just after install, with one exception: a reader who turned look-ups off
 * keeps them off (deleting data must never start sending names to Wikipedia behind their back).
 */
import type { BackstoryDB } from '../db/schema';
import { readSettings, writeSettings } from './store';

/** A storage area that can be emptied (browser.storage.local / .sync, or a test fake). */
export interface ClearableArea {
  clear(): Promise<void>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** What deleting everything needs. */
export interface DeleteEverythingDeps {
  db: BackstoryDB;
  local: ClearableArea;
  sync?: ClearableArea;
  /** Gives back the permissions of the sites the reader added ("Run on this site"). */
  removeAddedSites?: () => Promise<unknown>;
  /** Installs the shipped starter cards into the emptied database; resolves to how many were written. */
  installStarter: (db: BackstoryDB) => Promise<{ written: number }>;
}

/**
 * Deletes everything Backstory stored, then reinstalls the starter cards. The tables are cleared in
 * one transaction, so a failure leaves the data as it was. Resolves to the number of starter cards.
 */
export async function deleteEverything(deps: DeleteEverythingDeps): Promise<{ starterCards: number }> {
  const { db } = deps;
  const lookupsOff = await readSettings()
    .then((s) => !s.lookups)
    .catch(() => false);
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
  try {
    await deps.sync?.clear();
  } catch {
    // Sync off or unavailable: nothing of Backstory's is there to delete.
  }
  await deps.local.clear();
  await deps.removeAddedSites?.();
  if (lookupsOff) {
    await writeSettings({ lookups: false });
    await deps.local.set({ lookups: false }); // what the look-up code reads
  }
  const { written } = await deps.installStarter(db);
  return { starterCards: written };
}
