import { useId, useRef } from 'preact/hooks';
import { anyFilter, type NoteFilters } from '../lib/notebook/filters';

export interface NotebookFiltersProps {
  query: string;
  onQuery: (q: string) => void;
  filters: NoteFilters;
  onFilters: (f: NoteFilters) => void;
  /** Entities that have notes, for the entity filter. */
  entities: { id: string; name: string; count: number }[];
  /** Sites notes were written on, for the site filter. */
  sites: { site: string; count: number }[];
  /** Tags in use, for the tag filter. */
  tags?: { tag: string; count: number }[];
}

/**
 * The notebook's search box (results as you type) and its filters: entity, tag, site, from and to
 * dates. Every control has a visible label; all of them combine.
 */
export function NotebookFilters({
  query,
  onQuery,
  filters,
  onFilters,
  entities,
  sites,
  tags = [],
}: NotebookFiltersProps) {
  const id = useId();
  const search = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<NoteFilters>) => onFilters({ ...filters, ...patch });
  const active = query || anyFilter(filters);
  return (
    <form role="search" aria-label="Notes" class="nb-filters" onSubmit={(e) => e.preventDefault()}>
      <div class="nb-field nb-field-wide">
        <label for={`${id}-q`}>Search notes</label>
        <input
          id={`${id}-q`}
          ref={search}
          type="search"
          value={query}
          placeholder="Words from a note, a quote, a tag, a name or a page title"
          autoComplete="off"
          onInput={(e) => onQuery(e.currentTarget.value)}
        />
      </div>
      <div class="nb-field">
        <label for={`${id}-e`}>Entity</label>
        <select
          id={`${id}-e`}
          value={filters.cardId ?? ''}
          onChange={(e) => set({ cardId: e.currentTarget.value || undefined })}
        >
          <option value="">All entities</option>
          {entities.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({e.count})
            </option>
          ))}
        </select>
      </div>
      <div class="nb-field">
        <label for={`${id}-g`}>Tag</label>
        <select
          id={`${id}-g`}
          value={filters.tag ?? ''}
          onChange={(e) => set({ tag: e.currentTarget.value || undefined })}
        >
          <option value="">All tags</option>
          {tags.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag} ({t.count})
            </option>
          ))}
        </select>
      </div>
      <div class="nb-field">
        <label for={`${id}-s`}>Site</label>
        <select
          id={`${id}-s`}
          value={filters.site ?? ''}
          onChange={(e) => set({ site: e.currentTarget.value || undefined })}
        >
          <option value="">All sites</option>
          {sites.map((s) => (
            <option key={s.site} value={s.site}>
              {s.site} ({s.count})
            </option>
          ))}
        </select>
      </div>
      <div class="nb-field">
        <label for={`${id}-f`}>From</label>
        <input
          id={`${id}-f`}
          type="date"
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(e) => set({ from: e.currentTarget.value || undefined })}
        />
      </div>
      <div class="nb-field">
        <label for={`${id}-t`}>To</label>
        <input
          id={`${id}-t`}
          type="date"
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(e) => set({ to: e.currentTarget.value || undefined })}
        />
      </div>
      {active && (
        <button
          type="button"
          class="bs-btn nb-clear"
          onClick={() => {
            onQuery('');
            onFilters({});
            // This button goes away with the filters: the reader carries on from the search box, not <body>.
            search.current?.focus();
          }}
        >
          Clear search and filters
        </button>
      )}
    </form>
  );
}
