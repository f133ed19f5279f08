/**
 * One benchmark run over any IndexedDB (fake-indexeddb in Node, Chromium's own in a page):
 * fill the notebook, then time the first page, search per keystroke, export and import with
 * performance.now(). Uses only the notebook's own library code, so both runs time the same.
 */
import { BackstoryDB } from '../../lib/db/schema';
import { exportJson } from '../../lib/notebook/export';
import { visibleNotes } from '../../lib/notebook/filters';
import { importBackstory, parseExport } from '../../lib/notebook/import';
import { loadNotebook, loadNotebookPage } from '../../lib/notebook/load';
import { NoteSearch } from '../../lib/notebook/search';
import { makeBenchData, QUERIES } from './data';

/** The figures of one run, all in milliseconds except `exportMB` and `keysWithHits`. */
export interface Figures {
  fillMentions: number;
  firstPage: number;
  fullLoad: number;
  indexBuild: number;
  searchP50: number;
  searchP95: number;
  exportMs: number;
  exportMB: number;
  importMs: number;
  /** parseExport alone (JSON.parse + valibot + duplicate ids): the part import does before writing. */
  importParse: number;
  /** The same import into a database whose mentions lack the plain cardId index. */
  importNoCardIdIndex: number;
  keysWithHits: number;
  /** CPU time of export and import (all Chromium processes in the browser run), else -1. */
  exportCpu: number;
  importCpu: number;
}

/** CPU milliseconds used so far by whatever runs the benchmark; negative when unknown. */
export type CpuClock = () => Promise<number>;

/**
 * The schema as it would be without the mentions' plain `cardId` index, for measuring what
 * that index costs. A fresh database is created straight at the newest version, so this is
 * exactly "SCHEMA_V5 minus one index". Dexie then answers where('cardId') from [cardId+url].
 */
class WithoutCardIdIndex extends BackstoryDB {
  constructor(name: string) {
    super(name);
    this.version(6).stores({ mentions: '++id, url, seenAt, [cardId+url]' });
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? 0;
};

/**
 * Runs the whole benchmark once on fresh databases named after `tag`, deleting them after.
 * Throws when a result is wrong (short first page, failed import, virtual index mismatch).
 */
export async function runOnce(tag: string, cpu: CpuClock = async () => -1): Promise<Figures> {
  const cpuSince = async (from: number) => (from < 0 ? -1 : (await cpu()) - from);
  const data = makeBenchData();
  const db = new BackstoryDB(`bench-notes-${tag}`);
  const target = new BackstoryDB(`bench-notes-import-${tag}`);
  const bare = new WithoutCardIdIndex(`bench-notes-import-bare-${tag}`);
  try {
    await db.open();
    await db.cards.bulkPut(data.cards);
    await db.notes.bulkPut(data.notes);
    let t = performance.now();
    await db.mentions.bulkAdd(data.mentions);
    const fillMentions = performance.now() - t;

    // First page: what the notebook does before its first paint of the list.
    t = performance.now();
    const page = await loadNotebookPage(db, 40);
    const firstRows = visibleNotes(page.notes, null, {}).slice(0, 30);
    const firstPage = performance.now() - t;
    if (firstRows.length !== 30) throw new Error('first page is short');
    // Then the whole notebook, for search and filters (the list is already on screen).
    t = performance.now();
    const { notes, cards } = await loadNotebook(db);
    const fullLoad = performance.now() - t;

    // Search as you type: index once, then each keystroke.
    t = performance.now();
    const search = new NoteSearch();
    await search.sync(notes, cards);
    const indexBuild = performance.now() - t;
    const byId = new Map(notes.map((n) => [n.id, n]));
    const latencies: number[] = [];
    let keysWithHits = 0;
    for (const q of QUERIES) {
      for (let i = 1; i <= q.length; i++) {
        const started = performance.now();
        const shown = visibleNotes(notes, search.search(q.slice(0, i)), {}, byId);
        latencies.push(performance.now() - started);
        keysWithHits += shown.length > 0 ? 1 : 0;
      }
    }

    let cpuFrom = await cpu();
    t = performance.now();
    const json = await exportJson(db);
    const exportMs = performance.now() - t;
    const exportCpu = await cpuSince(cpuFrom);

    await target.open();
    cpuFrom = await cpu();
    t = performance.now();
    const imported = await importBackstory(target, json);
    const importMs = performance.now() - t;
    const importCpu = await cpuSince(cpuFrom);
    if (!imported.ok) throw new Error(imported.error);
    if (imported.report.mentions.added !== data.mentions.length) throw new Error('import lost mentions');

    t = performance.now();
    if (!parseExport(json).ok) throw new Error('export does not parse');
    const importParse = performance.now() - t;

    await bare.open();
    t = performance.now();
    const bareImport = await importBackstory(bare, json);
    const importNoCardIdIndex = performance.now() - t;
    if (!bareImport.ok) throw new Error(bareImport.error);
    // The virtual index must find exactly what the real one finds.
    for (const id of ['card-0', 'card-7', 'card-1999']) {
      const [a, b] = await Promise.all([
        target.mentions.where('cardId').equals(id).count(),
        bare.mentions.where('cardId').equals(id).count(),
      ]);
      if (a !== b || a === 0) throw new Error(`where('cardId') differs without the index: ${a} vs ${b}`);
    }

    return {
      fillMentions,
      firstPage,
      fullLoad,
      indexBuild,
      searchP50: quantile(latencies, 0.5),
      searchP95: quantile(latencies, 0.95),
      exportMs,
      exportMB: json.length / 1e6,
      importMs,
      importParse,
      importNoCardIdIndex,
      keysWithHits,
      exportCpu,
      importCpu,
    };
  } finally {
    for (const d of [db, target, bare]) await d.delete().catch(() => undefined);
  }
}

/** The per-field median of several runs. */
export function medianFigures(runs: readonly Figures[]): Figures {
  const first = runs[0];
  if (!first) throw new Error('no runs');
  const out = { ...first };
  for (const k of Object.keys(first) as (keyof Figures)[])
    out[k] = quantile(
      runs.map((r) => r[k]),
      0.5,
    );
  return out;
}
