/**
 * The settings as the options form shows and changes them: loaded once, followed as they change
 * elsewhere, and saved one change at a time with a status line for the outcome.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/schema';

/** Reading, writing and watching the settings (lib/settings/store in the extension, a fake in tests). */
export interface SettingsApi {
  read(): Promise<Settings>;
  write(patch: Partial<Settings>): Promise<Settings>;
  watch(onChange: (settings: Settings) => void): () => void;
  /**
   * Makes sure Backstory may run on `site` before it leaves the "off" list: a site the reader added
   * gave its permission back when turned off, so the browser is asked again (its own prompt; call
   * inside the reader's click, nothing awaited first). Resolves to whether Backstory may run there.
   * Absent: nothing to ask.
   */
  allowSite?(site: string): Promise<boolean>;
}

/** What the form needs from {@link useSettings}. */
export interface SettingsState {
  /** What the form shows: the stored settings with the reader's changes still being saved. */
  settings: Settings | null;
  /**
   * The same, read at the moment of the call rather than from the last render: a change made before
   * the previous one is drawn (two quick clicks) must build on that previous change, not undo it.
   */
  latest(): Settings | null;
  /** Saves `patch`, then says `done` in the status line; resolves to whether it was saved. */
  save(patch: Partial<Settings>, done: string): Promise<boolean>;
  status: string;
  setStatus(status: string): void;
  error: string | null;
  setError(error: string | null): void;
}

/**
 * Loads and watches the settings through `api` and saves changes to them. A change shows at once
 * (so the next one builds on it) and is stored through `api.write`, which applies writes in order;
 * while any is in flight, answers from storage are older than what the reader sees and are only
 * taken once the last write has answered.
 */
export function useSettings(api: SettingsApi): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef<Settings | null>(null);
  const inFlight = useRef(0);

  const adopt = (next: Settings) => {
    latest.current = next;
    setSettings(next);
  };
  const readBack = () => api.read().then(adopt, (e: unknown) => setError(`Could not read the settings: ${String(e)}`));

  useEffect(() => {
    let live = true;
    const show = (s: Settings) => {
      if (live && inFlight.current === 0) adopt(s);
    };
    api.read().then(show, (e: unknown) => setError(`Could not read the settings: ${String(e)}`));
    const stop = api.watch(show);
    return () => {
      live = false;
      stop();
    };
  }, [api]);

  async function save(patch: Partial<Settings>, done: string): Promise<boolean> {
    setError(null);
    if (latest.current) adopt({ ...latest.current, ...patch });
    inFlight.current += 1;
    try {
      const next = await api.write(patch);
      inFlight.current -= 1;
      // An earlier write's answer lacks the later changes still in flight; the last one has them all.
      if (inFlight.current === 0) adopt(next);
      setStatus(done);
      return true;
    } catch (e) {
      inFlight.current -= 1;
      setStatus('');
      setError(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
      // Show what is really stored, not the change that failed.
      if (inFlight.current === 0) void readBack();
      return false;
    }
  }

  return { settings, latest: () => latest.current, save, status, setStatus, error, setError };
}
