/**
 * One benchmark run over any IndexedDB (fake-indexeddb in Node, Chromium's own in a page):
 * fill the notebook, then time the first page, search per keystroke, export and import with
 * performance.now(). Uses only the notebook's own library code, so both runs time the same.
 */
import Dexie from 'dexie';
import { countMentions, countSeenIn, listMentions, storeMentions } from '../../lib/db/mentions';
import { BackstoryDB, SCHEMA_V5 } from '../../lib/db/schema';
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
  /** Writing the 50,000 mentions the version-5 way, one row each (bulkAdd), for comparison. */
  fillRowsV5: number;
  /** Opening that version-5 database with this build: the upgrade moving every row to page records. */
  upgradeMs: number;
  keysWithHits: number;
  /** CPU time of export and import (all Chromium processes in the browser run), else -1. */
  exportCpu: number;
  importCpu: number;
}

/** CPU milliseconds used so far by whatever runs the benchmark; negative when unknown. */
export type CpuClock = () => Promise<number>;

/** The previous release's database (version 5: one `mentions` row per card per page). */
function versionFive(name: string): Dexie {
  const db = new Dexie(name);
  db.version(5).stores(SCHEMA_V5);
  return db;
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
  const oldName = `bench-notes-v5-${tag}`;
  const old = versionFive(oldName);
  let upgraded: BackstoryDB | null = null;
  try {
    await db.open();
    await db.cards.bulkPut(data.cards);
    await db.notes.bulkPut(data.notes);
    let t = performance.now();
    await storeMentions(db, data.mentions);
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
    if ((await countMentions(target)) !== data.mentions.length) throw new Error('import stored too few mentions');

    t = performance.now();
    if (!parseExport(json).ok) throw new Error('export does not parse');
    const importParse = performance.now() - t;

    // A reader's version-5 database, filled the old way, then upgraded by this build.
    await old.open();
    t = performance.now();
    await old.table('mentions').bulkAdd(data.mentions);
    const fillRowsV5 = performance.now() - t;
    old.close();
    upgraded = new BackstoryDB(oldName);
    t = performance.now();
    await upgraded.open();
    const upgradeMs = performance.now() - t;
    // The upgrade, the import and the fill must all hold the same mentions.
    if ((await countMentions(upgraded)) !== data.mentions.length) throw new Error('upgrade lost mentions');
    for (const id of ['card-0', 'card-7', 'card-1999']) {
      const counts = await Promise.all([db, target, upgraded].map((d) => countSeenIn(d, id)));
      const firsts = await Promise.all([db, target, upgraded].map(async (d) => (await listMentions(d, id))[0]));
      if (new Set(counts).size !== 1 || counts[0] === 0 || new Set(firsts.map((m) => JSON.stringify(m))).size !== 1)
        throw new Error(`${id}: fill, import and upgrade disagree (${counts.join(', ')})`);
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
      fillRowsV5,
      upgradeMs,
      keysWithHits,
      exportCpu,
      importCpu,
    };
  } finally {
    for (const d of [db, target, upgraded ?? old]) await d.delete().catch(() => undefined);
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
