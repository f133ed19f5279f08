import { useState } from 'preact/hooks';
import type { SiteDeps } from './deps';
import { ErrorLine } from '../../components/ErrorLine';

/**
 * "Run on this site": asks for the site's permission (the browser shows its own prompt), takes the
 * site off the "off" list, then runs Backstory on the current page at once through `runNow`.
 */
export function RunOnSite({
  site,
  sites,
  disabled,
  runNow,
}: {
  site: string;
  sites: SiteDeps;
  disabled: boolean;
  runNow: () => Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setError(null);
    let granted = false;
    try {
      granted = await sites.request(site);
    } catch (e) {
      return setError(`The browser did not ask for access to ${site}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!granted) return setError(`Backstory was not given access to ${site}, so it runs nowhere new.`);
    try {
      await sites.enable(site);
    } catch (e) {
      return setError(`Could not save the setting: ${e instanceof Error ? e.message : String(e)}`);
    }
    await runNow();
  }

  return (
    <>
      <button type="button" class="bs-btn" disabled={disabled} onClick={() => void run()}>
        Run on this site
      </button>
      <ErrorLine message={error} />
    </>
  );
}

/** "Stop running on this site": adds the site to the reader's "off" list (options page lists it). */
export function StopOnSite({ site, sites }: { site: string; sites: SiteDeps }) {
  const [state, setState] = useState<{ done: boolean; error?: string }>({ done: false });

  async function stop() {
    try {
      await sites.disable(site);
      setState({ done: true });
    } catch (e) {
      setState({ done: false, error: `Could not save the setting: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  return (
    <div class="bs-site-line">
      {!state.done && (
        <button type="button" class="bs-btn" onClick={() => void stop()}>
          Stop running on this site
        </button>
      )}
      <p role="status" class="bs-muted">
        {state.done ? `Backstory is now off on ${site}. Reload the page to remove the marks.` : ''}
      </p>
      <ErrorLine message={state.error} />
    </div>
  );
}
