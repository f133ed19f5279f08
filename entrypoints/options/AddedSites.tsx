import { useEffect, useRef, useState } from 'preact/hooks';
import { normaliseSite } from '../../lib/settings/schema';
import { ErrorLine } from '../../components/ErrorLine';
import { useFocusAfterRemove } from './focus-after-remove';
import { SiteList } from './SiteList';

/** Sites the reader added, as the options page reads and changes them (the browser's permissions). */
export interface AddedSitesApi {
  list(): Promise<string[]>;
  /** Asks the browser for the site (its own prompt); must be called inside the reader's action. */
  add(site: string): Promise<boolean>;
  remove(site: string): Promise<void>;
  /** Calls back when permissions change elsewhere (popup, the browser's settings); returns the stop function. */
  watch(onChange: () => void): () => void;
}

/**
 * "Sites you added": the sites beyond the built-in news list where Backstory runs, each with
 * Remove, and a field to add one (the browser asks the reader for that site's permission).
 */
export function AddedSites({ api }: { api: AddedSitesApi }) {
  const [sites, setSites] = useState<string[] | null>(null);
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const removing = useFocusAfterRemove(list, sites, heading);

  const refresh = () => api.list().then(setSites, (e: unknown) => setError(`Could not read the sites: ${String(e)}`));
  useEffect(() => {
    void refresh();
    return api.watch(() => void refresh());
  }, [api]);

  async function add(e: Event) {
    e.preventDefault();
    const site = normaliseSite(text);
    if (!site) return setError(`"${text.trim() || '(empty)'}" is not a site name; type a name such as example.com.`);
    setError(null);
    try {
      // Asked first, with nothing awaited before it: the browser only prompts inside the reader's action.
      if (!(await api.add(site))) return setStatus(`Backstory was not given access to ${site}.`);
      setText('');
      setStatus(`Backstory now runs on ${site}.`);
    } catch (err) {
      setError(`Could not add ${site}: ${err instanceof Error ? err.message : String(err)}`);
    }
    await refresh();
  }

  async function remove(site: string) {
    removing(site);
    setError(null);
    try {
      await api.remove(site);
      setStatus(`Backstory no longer runs on ${site}.`);
    } catch (err) {
      setError(`Could not remove ${site}: ${err instanceof Error ? err.message : String(err)}`);
    }
    await refresh();
  }

  return (
    <div class="opt-settings">
      <h3 class="opt-h3" id="opt-added" ref={heading} tabIndex={-1}>
        Sites you added
      </h3>
      {sites === null ? (
        <p class="bs-muted">Loading…</p>
      ) : sites.length === 0 ? (
        <p class="bs-muted">None: Backstory runs only on the news sites it knows.</p>
      ) : (
        <SiteList
          labelledBy="opt-added"
          sites={sites}
          listRef={list}
          removeLabel={(site) => `Remove ${site} from the sites you added`}
          onRemove={(site) => void remove(site)}
        />
      )}
      <form class="opt-field" onSubmit={(e) => void add(e)}>
        <label for="opt-add-site">Run Backstory on another site</label>
        <span class="opt-row">
          <input
            id="opt-add-site"
            type="text"
            placeholder="example.com"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" class="bs-btn">
            Run on site
          </button>
        </span>
      </form>
      <p role="status" class="bs-status">
        {status}
      </p>
      <ErrorLine message={error} />
    </div>
  );
}
