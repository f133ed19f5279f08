import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import type { SettingsApi } from '../options/SettingsForm';

/**
 * The page opened on first install: what Backstory reads, what leaves the browser (only a name, to
 * Wikipedia, and only with look-ups on), what stays in it, and the look-ups switch itself: the same
 * setting as on the options page, saved as soon as it changes.
 */
export function Onboarding({
  settings,
  lookupHost,
  optionsUrl,
}: {
  settings: SettingsApi;
  /** The host look-ups go to (en.wikipedia.org unless a mirror is set). */
  lookupHost: () => Promise<string>;
  optionsUrl: string;
}) {
  const [lookups, setLookups] = useState<boolean | null>(null);
  const [host, setHost] = useState('en.wikipedia.org');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    settings.read().then(
      (s) => setLookups(s.lookups),
      (e: unknown) => {
        setError(`Could not read the settings: ${e instanceof Error ? e.message : String(e)}`);
        // Unreadable settings mean the defaults apply: the switch still lets the reader turn look-ups off.
        setLookups(DEFAULT_SETTINGS.lookups);
      },
    );
    lookupHost().then(setHost, () => undefined);
    return settings.watch((s) => setLookups(s.lookups));
  }, [settings, lookupHost]);

  async function toggle(on: boolean) {
    setError(null);
    try {
      const next = await settings.write({ lookups: on });
      setLookups(next.lookups);
      setStatus(
        next.lookups
          ? `Look-ups are on: names without a card are looked up on ${host}.`
          : 'Look-ups are off: nothing leaves your browser.',
      );
    } catch (e) {
      setError(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <main class="bs-root nb-options">
      <h1 class="nb-title">Welcome to Backstory</h1>
      <p>
        On news sites, Backstory marks the people, organisations, places and events in the article. Rest the pointer on
        a name, or press Alt+Shift+N, to see who or what it is and your own notes about it.
      </p>
      <section aria-labelledby="ob-sends">
        <h2 class="nb-h2" id="ob-sends">
          What leaves your browser
        </h2>
        <p>
          Only with look-ups on, and only for a name that has no card yet: <strong>the name itself</strong> (for example
          "Jens Stoltenberg") is sent to <strong>{host}</strong> to find its Wikipedia article. Nothing else: not the
          page's address, not the article, not your notes.
        </p>
        <p>With look-ups off, nothing leaves your browser; names without a card simply have no card.</p>
      </section>
      <section aria-labelledby="ob-stored">
        <h2 class="nb-h2" id="ob-stored">
          What stays on this computer
        </h2>
        <ul>
          <li>The cards: the ones Backstory ships, the ones it looked up, and the ones you made.</li>
          <li>Your notes.</li>
          <li>Where you met each name (page title, address and the sentence), except in private windows.</li>
          <li>Your settings, which your browser may sync to your other browsers if you use its sync.</li>
        </ul>
        <p>You can export or delete all of it from the settings page.</p>
      </section>
      <section aria-labelledby="ob-switch">
        <h2 class="nb-h2" id="ob-switch">
          Your choice
        </h2>
        {lookups === null ? (
          <p class="bs-muted">Loading…</p>
        ) : (
          <label class="opt-choice">
            <input type="checkbox" checked={lookups} onChange={(e) => void toggle(e.currentTarget.checked)} />
            Look up names on Wikipedia
          </label>
        )}
        <p>
          You can change this at any time in <a href={optionsUrl}>Backstory settings</a>.
        </p>
        <p role="status" class="bs-status">
          {status}
        </p>
        {error && (
          <p role="alert" class="bs-error">
            {error}
          </p>
        )}
      </section>
    </main>
  );
}
