import { BackstoryDB } from '@/lib/db/schema';
import type { Card } from '@/lib/db/records';
import { keysFor } from '@/lib/db/card-keys';
import type { EntityKind } from '@/lib/entity';

/** A fresh, isolated database (fake-indexeddb) for one test. */
export async function freshDb(): Promise<BackstoryDB> {
  const db = new BackstoryDB(`test-${crypto.randomUUID()}`);
  await db.open();
  return db;
}

/** A complete card for tests. */
export function card(
  id: string,
  name: string,
  kind: EntityKind,
  aliases: string[] = [],
  extra: Partial<Card> = {},
): Card {
  return {
    id,
    name,
    kind,
    aliases,
    keys: keysFor(name, aliases),
    description: `${name} description`,
    summary: `${name} summary`,
    source: 'starter',
    edited: false,
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}
