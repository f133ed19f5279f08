import { useEffect, useRef, useState } from 'preact/hooks';
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

/**
 * "Stop running on this site": adds the site to the reader's "off" list (options page lists it).
 * `announce`: a status to show at first (the site was just turned on from this line).
 */
export function StopOnSite({ site, sites, announce }: { site: string; sites: SiteDeps; announce?: string }) {
  const [state, setState] = useState<{ done: boolean; error?: string }>({ done: false });
  const status = useRef<HTMLParagraphElement>(null);
  // The pressed button is gone once done (or, announced, was "Run on this site"): focus the status
  // that says what happened, not <body>.
  useEffect(() => {
    if (state.done || announce) status.current?.focus();
  }, [state.done]);

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
      <p role="status" class="bs-muted" ref={status} tabIndex={-1}>
        {state.done ? `Backstory is now off on ${site}.` : (announce ?? '')}
      </p>
      <ErrorLine message={state.error} />
    </div>
  );
}

/**
 * The site line under the popup's list: "Stop running on this site", or, on a site the reader
 * turned off (Backstory ran on this page because the reader asked, "Run on this page"), says so
 * and offers "Run on this site" instead.
 */
export function SiteLine({ site, sites }: { site: string; sites: SiteDeps }) {
  const [off, setOff] = useState<boolean | null>(null);
  const [turnedOn, setTurnedOn] = useState(false);
  useEffect(() => {
    let live = true;
    sites.isOff(site).then(
      (v) => live && setOff(v),
      () => live && setOff(false),
    );
    return () => {
      live = false;
    };
  }, [site, sites]);
  if (off === null) return null;
  if (!off)
    return <StopOnSite site={site} sites={sites} announce={turnedOn ? `Backstory now runs on ${site}.` : undefined} />;
  const runNow = async () => {
    setTurnedOn(true);
    setOff(false);
  };
  return (
    <div class="bs-site-line">
      <p class="bs-muted">Backstory is off on {site}. It ran on this page because you asked.</p>
      <RunOnSite site={site} sites={sites} disabled={false} runNow={runNow} />
    </div>
  );
}
