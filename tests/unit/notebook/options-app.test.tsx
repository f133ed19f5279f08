import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/options/App';
import { formatBytes, type OptionsDeps, type StorageApi } from '@/entrypoints/options/deps';
import type { BackstoryDB } from '@/lib/db/schema';
import { freshDb } from '../db/helpers';
import { fillNotebook, snapshot } from './fixtures';

let db: BackstoryDB;
beforeEach(async () => {
  db = await freshDb();
  await fillNotebook(db);
});
afterEach(cleanup);

function setup(storage?: Partial<StorageApi> | null) {
  const api: StorageApi | undefined =
    storage === null
      ? undefined
      : {
          persisted: vi.fn(async () => false),
          persist: vi.fn(async () => true),
          estimate: vi.fn(async () => ({ usage: 3 * 1024 * 1024, quota: 10 * 1024 ** 3 })),
          ...storage,
        };
  const download = vi.fn<(data: Blob, name: string) => void>();
  const deps: OptionsDeps = { db, storage: api, download, now: () => new Date(Date.UTC(2024, 4, 1)) };
  render(<App deps={deps} />);
  return { api, download };
}

/** Chooses `file` in the import input. */
function choose(file: File) {
  const input = screen.getByLabelText('Import a JSON export') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('options: storage', () => {
  it('asks for persistent storage and shows the answer and the space used', async () => {
    const { api } = setup();
    expect(await screen.findByText('granted')).toBeTruthy();
    expect(api?.persist).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Space used: 3.0 MB of 10 GB available.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open notebook' }).getAttribute('href')).toBe('/notebook.html');
  });

  it('says when it was not granted, and offers to ask again', async () => {
    const { api } = setup({ persist: vi.fn(async () => false) });
    expect(await screen.findByText('not granted')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ask for persistent storage' }));
    await waitFor(() => expect(api?.persist).toHaveBeenCalledTimes(2));
  });

  it('copes with a browser without navigator.storage', async () => {
    setup(null);
    expect(await screen.findByText(/does not tell web pages about its storage/)).toBeTruthy();
  });

  it('formats sizes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
  });
});

describe('options: export and import', () => {
  it('exports JSON and Markdown (zip) as downloads', async () => {
    const { download } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Export as JSON' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [json, name] = download.mock.calls[0]!;
    expect(name).toBe('backstory-2024-05-01.json');
    expect(JSON.parse(await json.text()).notes).toHaveLength(3);
    expect(screen.getByRole('status').textContent).toMatch(/^Exported backstory-2024-05-01\.json \(\d+(\.\d)? KB\)\.$/);

    fireEvent.click(screen.getByRole('button', { name: 'Export as Markdown (zip)' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    const [zip, zipName] = download.mock.calls[1]!;
    expect(zipName).toBe('backstory-2024-05-01.zip');
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(strFromU8(files['backstory/entities/nato.md']!)).toContain('# Nato');
  });

  it('imports a file and reports what it did', async () => {
    const { download } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Export as JSON' }));
    await waitFor(() => expect(download).toHaveBeenCalled());
    const text = await download.mock.calls[0]![0].text();
    await db.notes.clear();
    choose(new File([text], 'backstory.json', { type: 'application/json' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^Import done\. Notes: 3 added, 0 updated, 0 unchanged;/),
    );
    expect(await db.notes.count()).toBe(3);
  });

  it('refuses a bad file with the reason in an alert, changing nothing', async () => {
    setup();
    const before = await snapshot(db);
    choose(
      new File(
        [
          '{"format":"backstory","version":1,"exportedAt":"2024-05-01T00:00:00.000Z","cards":[],"notes":[{"id":1}],"mentions":[]}',
        ],
        'x.json',
      ),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The file was not imported: notes[0].id: Invalid type: Expected string but received 1.',
    );
    expect(await snapshot(db)).toEqual(before);
  });
});
