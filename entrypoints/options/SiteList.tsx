import type { RefObject } from 'preact';

/** Props of {@link SiteList}. */
interface SiteListProps {
  /** Id of the heading that names the list. */
  labelledBy: string;
  sites: readonly string[];
  /** The list element, for focus after a removal (focus-after-remove.ts finds `button[data-site]`). */
  listRef: RefObject<HTMLUListElement>;
  /** The accessible name of a site's Remove button (voice control still hears "Remove"). */
  removeLabel: (site: string) => string;
  onRemove: (site: string) => void;
}

/** A list of sites, each with its Remove button: the options page's two site lists. */
export function SiteList({ labelledBy, sites, listRef, removeLabel, onRemove }: SiteListProps) {
  return (
    <ul aria-labelledby={labelledBy} class="opt-sites" ref={listRef}>
      {sites.map((site) => (
        <li key={site}>
          <span>{site}</span>{' '}
          <button
            type="button"
            class="bs-btn"
            aria-label={removeLabel(site)}
            data-site={site}
            onClick={() => onRemove(site)}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
