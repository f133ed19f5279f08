import { render } from 'preact';
import { notebookCss } from '../../components/notebook-styles';
import { uiCss } from '../../components/styles';
import { openBackstoryDB } from '../../lib/db/schema';
import { App } from './App';
import type { OptionsDeps } from './deps';
import { settingsCss } from './SettingsForm';
import { readSettings, watchSettings, writeSettings } from '../../lib/settings/store';

/** Saves a blob through a temporary download link (no "downloads" permission needed). */
function download(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const style = document.createElement('style');
style.textContent = uiCss + notebookCss + settingsCss;
document.head.append(style);

const root = document.getElementById('app');
if (root) {
  openBackstoryDB()
    .then((db) => {
      const settings = {
        read: () => readSettings(),
        write: (p: Parameters<typeof writeSettings>[0]) => writeSettings(p),
        watch: watchSettings,
      };
      const deps: OptionsDeps = { db, storage: navigator.storage, download, now: () => new Date(), settings };
      render(<App deps={deps} />, root);
    })
    .catch((error: unknown) => {
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.textContent = `Backstory could not open your notebook: ${error instanceof Error ? error.message : String(error)}`;
      root.append(p);
    });
}
