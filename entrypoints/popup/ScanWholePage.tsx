import { useState } from 'preact/hooks';
import type { PageState } from '../../lib/messaging/protocol';
import type { PopupDeps } from './deps';
import { ErrorLine } from '../../components/ErrorLine';

/**
 * "Scan the whole page", offered when the content script found no article (a home page, a
 * search page): asks it to scan the page's body instead and hands back the names it marked.
 */
export function ScanWholePage({
  deps,
  onScanned,
}: {
  deps: PopupDeps;
  onScanned: (tabId: number, page: PageState) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function scan() {
    setBusy(true);
    setError(null);
    const tab = await deps.findTab().catch(() => null);
    if (!tab) {
      setBusy(false);
      return setError('There is no page to scan in this window.');
    }
    const r = await deps.sendToTab(tab.id, 'scanWholePage', {});
    setBusy(false);
    if (!r.ok) return setError(`The page could not be scanned: ${r.error}`);
    onScanned(tab.id, r.value);
  }

  return (
    <>
      <div class="bs-card-actions">
        <button type="button" class="bs-btn" disabled={busy} onClick={() => void scan()}>
          {busy ? 'Scanning the page…' : 'Scan the whole page'}
        </button>
      </div>
      <ErrorLine message={error} />
    </>
  );
}
