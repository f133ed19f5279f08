import { useEffect, useState } from 'preact/hooks';
import { exportFileName, exportJson, exportMarkdownZip } from '../../lib/notebook/export';
import { importBackstory, summariseImport } from '../../lib/notebook/import';
import { formatBytes, type OptionsDeps } from './deps';
import { SettingsForm } from './SettingsForm';
import { AddedSites } from './AddedSites';
import { DeleteEverything } from './DeleteEverything';

/** What the page knows about the browser's storage for Backstory. */
interface StorageState {
  persisted: boolean | null;
  usage?: number;
  quota?: number;
  error?: string;
}

/** The outcome of the last export or import: a message in role="status" or role="alert". */
type Outcome = null | { ok: boolean; message: string };

/**
 * The options page: persistent storage (asked for on open, with the answer and the space
 * used), export as JSON or as Markdown in a zip, import of a JSON export, and a link to the
 * notebook.
 */
export function App({ deps }: { deps: OptionsDeps }) {
  const [storage, setStorage] = useState<StorageState>({ persisted: null });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function refreshStorage(ask: boolean) {
    const api = deps.storage;
    if (!api)
      return setStorage({
        persisted: null,
        error: 'This browser does not tell web pages about its storage.',
      });
    try {
      // Asking is harmless when already granted; extension pages are answered without a prompt.
      const persisted = (await api.persisted()) || (ask ? await api.persist() : false);
      const { usage, quota } = await api.estimate();
      setStorage({ persisted, usage, quota });
    } catch (e) {
      setStorage({
        persisted: null,
        error: `Could not read the storage status: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }

  useEffect(() => void refreshStorage(true), [deps]);

  async function run(action: () => Promise<Outcome>) {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await action());
    } catch (e) {
      setOutcome({ ok: false, message: `That did not work: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  }

  const exportAs = (kind: 'json' | 'zip') =>
    run(async () => {
      const now = deps.now();
      const name = exportFileName(kind, now);
      const blob =
        kind === 'json'
          ? new Blob([await exportJson(deps.db, now)], { type: 'application/json' })
          : new Blob([(await exportMarkdownZip(deps.db, now)) as Uint8Array<ArrayBuffer>], {
              type: 'application/zip',
            });
      deps.download(blob, name);
      return { ok: true, message: `Exported ${name} (${formatBytes(blob.size)}).` };
    });

  const importFile = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    void run(async () => {
      const res = await importBackstory(deps.db, file);
      input.value = ''; // the same file can be chosen again
      void refreshStorage(false);
      return res.ok ? { ok: true, message: summariseImport(res.report) } : { ok: false, message: res.error };
    });
  };

  return (
    <main class="bs-root nb-options">
      <h1 class="nb-title">Backstory settings</h1>
      <p>
        <a class="bs-btn" href="/notebook.html">
          Open notebook
        </a>
      </p>
      {deps.settings && (
        <section aria-labelledby="opt-settings">
          <h2 class="nb-h2" id="opt-settings">
            On news pages
          </h2>
          <SettingsForm api={deps.settings} />
        </section>
      )}
      {deps.sites && (
        <section aria-labelledby="opt-where">
          <h2 class="nb-h2" id="opt-where">
            Where Backstory runs
          </h2>
          <AddedSites api={deps.sites} />
        </section>
      )}
      <section aria-labelledby="opt-storage">
        <h2 class="nb-h2" id="opt-storage">
          Storage
        </h2>
        {storage.error ? (
          <p>{storage.error}</p>
        ) : storage.persisted === null ? (
          <p class="bs-muted">Checking storage…</p>
        ) : (
          <>
            <p>
              Persistent storage: <strong>{storage.persisted ? 'granted' : 'not granted'}</strong>.{' '}
              {storage.persisted
                ? 'The browser will not delete your notes to free up space.'
                : 'The browser may delete your notes if the disk runs low. Export them now and then.'}
            </p>
            {storage.usage !== undefined && (
              <p>
                Space used: {formatBytes(storage.usage)}
                {storage.quota ? ` of ${formatBytes(storage.quota)} available` : ''}.
              </p>
            )}
            {!storage.persisted && (
              <button type="button" class="bs-btn" onClick={() => void refreshStorage(true)}>
                Ask for persistent storage
              </button>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="opt-export">
        <h2 class="nb-h2" id="opt-export">
          Export and import
        </h2>
        <p>
          Export saves your notes, your own cards and where you met each name. Import merges an export back in: for each
          record, the newer copy wins.
        </p>
        <div class="nb-actions">
          <button type="button" class="bs-btn bs-btn-primary" disabled={busy} onClick={() => void exportAs('json')}>
            Export as JSON
          </button>
          <button type="button" class="bs-btn" disabled={busy} onClick={() => void exportAs('zip')}>
            Export as Markdown (zip)
          </button>
        </div>
        <label class="nb-file">
          Import a JSON export
          <input
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => importFile(e.currentTarget)}
          />
        </label>
        {busy && <p class="bs-muted">Working…</p>}
        <p role="status" class="bs-status">
          {outcome?.ok ? outcome.message : ''}
        </p>
        {outcome && !outcome.ok && (
          <p role="alert" class="bs-error">
            {outcome.message}
          </p>
        )}
      </section>
      {deps.deleteEverything && (
        <section aria-labelledby="opt-delete">
          <h2 class="nb-h2" id="opt-delete">
            Delete everything
          </h2>
          <DeleteEverything
            onDelete={async () => {
              const message = await (deps.deleteEverything as () => Promise<string>)();
              void refreshStorage(false);
              return message;
            }}
          />
        </section>
      )}
    </main>
  );
}
