/**
 * The key of a look-up record, and the version-8 upgrade that moved older records to it. Apart
 * from lookups.ts so the schema can run the upgrade without importing the look-up code.
 */
import type { Transaction } from 'dexie';
import { ENTITY_KINDS, nameKey, type EntityKind } from '../entity';

/**
 * The key of a name's look-up: its kind and nameKey(), like an entity's key ("place:salisbury").
 * The same name is often another article as another kind (Salisbury the city, Salisbury the
 * prime minister), so each kind keeps its own answer.
 */
export function lookupKey(kind: EntityKind, name: string): string {
  return `${kind}:${nameKey(name)}`;
}

/**
 * Re-keys version-7 look-ups (keyed by nameKey alone) by kind and name, each under the kind it
 * was looked up as. Nothing is dropped: tombstones keep deleted cards deleted and a reader's
 * choice stays theirs. A record without a known kind, or a merge tombstone (under a key no name
 * can have, see mergeCards), keeps its key: only its deletedCardId or cardId is still read.
 */
export async function rekeyLookups(tx: Transaction): Promise<void> {
  const table = tx.table('lookups');
  const rows: { key: string; name?: unknown; kind?: unknown }[] = await table.toArray();
  const kinds: readonly string[] = ENTITY_KINDS;
  const rekeyed = rows.map((row) =>
    typeof row.name === 'string' &&
    typeof row.kind === 'string' &&
    kinds.includes(row.kind) &&
    !row.key.startsWith('\u0000')
      ? { ...row, key: lookupKey(row.kind as EntityKind, row.name) }
      : row,
  );
  await table.clear();
  await table.bulkPut(rekeyed);
}
