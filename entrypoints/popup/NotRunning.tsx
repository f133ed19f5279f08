import type { PopupDeps } from './deps';
import { RunOnSite } from './SiteButtons';
import { ErrorLine } from '../../components/ErrorLine';

/** Props of {@link NotRunning}. */
interface NotRunningProps {
  deps: PopupDeps;
  /** The tab's site, for "Run on this site"; null where that cannot apply. */
  site: string | null;
  busy: boolean;
  error?: string;
  /** Runs Backstory on this page once (activeTab). */
  run: () => Promise<void>;
}

/** The popup on a page where Backstory is not running: run it once, or on the whole site. */
export function NotRunning({ deps, site, busy, error, run }: NotRunningProps) {
  return (
    <>
      <p data-view-start>Backstory is not running on this page.</p>
      <div class="bs-card-actions">
        <button type="button" class="bs-btn bs-btn-primary" disabled={busy} onClick={() => void run()}>
          Run on this page
        </button>
        {site && deps.sites && <RunOnSite site={site} sites={deps.sites} disabled={busy} runNow={run} />}
      </div>
      {busy && (
        <p role="status" class="bs-muted">
          Starting Backstory…
        </p>
      )}
      <ErrorLine message={error} />
    </>
  );
}
