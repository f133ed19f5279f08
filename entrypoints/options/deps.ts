import type { BackstoryDB } from '../../lib/db/schema';
import type { SettingsApi } from './SettingsForm';
import type { AddedSitesApi } from './AddedSites';

/** The parts of navigator.storage the options page uses (absent in some browsers). */
export interface StorageApi {
  persisted: () => Promise<boolean>;
  persist: () => Promise<boolean>;
  estimate: () => Promise<{ usage?: number; quota?: number }>;
}

/** What the options page needs from outside, injected so tests run without a browser. */
export interface OptionsDeps {
  db: BackstoryDB;
  storage: StorageApi | undefined;
  /** Offers `data` to the reader as a file download named `fileName`. */
  download: (data: Blob, fileName: string) => void;
  now: () => Date;
  /** The reader's settings; the form is left out when absent. */
  settings?: SettingsApi;
  /** The sites the reader added (browser permissions); the list is left out when absent. */
  sites?: AddedSitesApi;
  /** Deletes everything and reinstalls the starter cards; resolves to the message to show. */
  deleteEverything?: () => Promise<string>;
}

/** "0 B", "12 KB", "3.4 MB", "1.2 GB". */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 || v >= 10 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
