import { useState } from 'preact/hooks';
import { ENTITY_KINDS } from '../lib/entity';
import type { EntityKind } from '../lib/entity';
import { KIND_GROUPS, KindIcon } from './KindBadge';

/** What the list needs of an entity (PageEntity fits). */
export interface ListEntity {
  key: string;
  name: string;
  kind: EntityKind;
  count: number;
  aliases?: string[];
}

export interface EntityListProps<E extends ListEntity = ListEntity> {
  entities: E[];
  onChoose: (entity: E) => void;
}

// Past this many names a filter box earns its space.
const FILTER_FROM = 6;

/** "Jens Stoltenberg, 4 mentions" / "Cold War, 1 mention": the button's accessible name. */
export function entityLabel(e: { name: string; count: number }): string {
  return `${e.name}, ${e.count} ${e.count === 1 ? 'mention' : 'mentions'}`;
}

/** Groups entities by kind in a fixed kind order, each group most-mentioned first, then by name. */
export function groupEntities<E extends ListEntity>(entities: E[]): { kind: EntityKind; items: E[] }[] {
  return ENTITY_KINDS.map((kind) => ({
    kind,
    items: entities
      .filter((e) => e.kind === kind)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })),
  })).filter((g) => g.items.length > 0);
}

/** True when the filter text occurs in the entity's name or one of its aliases. */
function matches(e: ListEntity, q: string): boolean {
  if (!q) return true;
  const needle = q.toLocaleLowerCase();
  return [e.name, ...(e.aliases ?? [])].some((n) => n.toLocaleLowerCase().includes(needle));
}

/**
 * The names a page mentions, grouped under "People" / "Organisations" / "Places" /
 * "Events" headings, each a list of buttons named "<name>, <N> mention(s)".
 */
export function EntityList<E extends ListEntity>({ entities, onChoose }: EntityListProps<E>) {
  const [query, setQuery] = useState('');
  const q = query.trim();
  const groups = groupEntities(entities.filter((e) => matches(e, q)));

  if (entities.length === 0) return <p class="bs-muted">No names found in this article.</p>;
  return (
    <div class="bs-entities">
      {entities.length >= FILTER_FROM && (
        <label class="bs-filter">
          <span class="bs-muted">Filter names</span>
          <input
            type="search"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            autoComplete="off"
            spellcheck={false}
          />
        </label>
      )}
      {groups.length === 0 && <p class="bs-muted">No names match “{q}”.</p>}
      {groups.map((g) => (
        <section key={g.kind} class="bs-group">
          <h2 class="bs-group-title">
            <KindIcon kind={g.kind} />
            {KIND_GROUPS[g.kind]}
          </h2>
          <ul role="list">
            {g.items.map((e) => (
              <li key={e.key}>
                <button
                  type="button"
                  class="bs-entity"
                  data-key={e.key}
                  aria-label={entityLabel(e)}
                  onClick={() => onChoose(e)}
                >
                  <span class="bs-entity-name">{e.name}</span>
                  {/* A space, so the visible text "Nato 4" stays words of the accessible name (WCAG 2.5.3). */}{' '}
                  <span class="bs-count" aria-hidden="true">
                    {e.count}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
