/**
 * The names spotted on a page, by key, with their mentions counted over every spotBlocks reply:
 * what the popup lists and the hover cards' "mentioned N times" say.
 */
import type { PageEntity } from '../../lib/messaging/protocol';

/** A page's spotted names and their counts. */
export class EntityTally {
  /** Names by key. */
  readonly byKey = new Map<string, PageEntity>();

  /** Adds a reply's names: counts are summed and aliases joined with those of earlier replies. */
  merge(found: PageEntity[]): void {
    for (const e of found) {
      const old = this.byKey.get(e.key);
      this.byKey.set(
        e.key,
        old ? { ...old, count: old.count + e.count, aliases: [...new Set([...old.aliases, ...e.aliases])] } : e,
      );
    }
  }

  /** One mention fewer of `key` (its span was not marked, or its text left the page); a name left with none is dropped. */
  uncount(key: string): void {
    const e = this.byKey.get(key);
    if (!e) return;
    if (e.count > 1) this.byKey.set(key, { ...e, count: e.count - 1 });
    else this.byKey.delete(key);
  }
}
