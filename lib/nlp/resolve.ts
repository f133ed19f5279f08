/**
 * Within-article resolution: mentions of one name become one ArticleEntity.
 * Rules: one kind per surface form (majority vote), short person names link to
 * the fullest person name that ends or starts with them ("Stoltenberg" →
 * "Jens Stoltenberg"), and an acronym in brackets after its expansion
 * ("North Atlantic Treaty Organization (Nato)") is the same entity.
 */
import { KIND_AT, KIND_OF, majorityKinds, scratch } from './majority';
import { nameKey as rawNameKey, type ArticleEntity, type BlockSpan, type EntityKind, type SpotResult } from '../entity';

/** One detected mention before resolution. */
export interface Mention {
  block: number;
  start: number;
  end: number;
  kind: EntityKind;
  text: string;
  /** A canonical name chosen by a rule (event frames), used instead of the surface text. */
  name?: string;
  /** An honorific right before the name ("Mr"), kept as an alias form "Mr Stoltenberg". */
  honorific?: string;
}

/** nameKey is called several times per mention; names repeat, so it is memoised (bounded). */
const keyMemo = new Map<string, string>();
function nameKey(text: string): string {
  let k = keyMemo.get(text);
  if (k === undefined) {
    if (keyMemo.size > 50_000) keyMemo.clear();
    keyMemo.set(text, (k = rawNameKey(text)));
  }
  return k;
}

const SKIP_INITIAL = new Set(['of', 'and', 'the', 'for', 'de', 'du', 'des', 'la', 'le', 'von', 'van', '&', 'in', 'on']);

/** Initials of an expansion's significant words: "North Atlantic Treaty Organization" → "nato". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !SKIP_INITIAL.has(w.toLowerCase()))
    .map((w) => w[0]!.toLowerCase())
    .join('');
}

/** Acronyms in brackets right after their expansion: "North Atlantic Treaty Organization (Nato)". */
function findAcronyms(ms: Mention[], keys: string[], blocks: string[]): Map<string, Mention> {
  const out = new Map<string, Mention>();
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!,
      b = ms[i + 1]!;
    if (a.block !== b.block || a.name || b.name || b.start - a.end > 4) continue;
    const between = blocks[a.block]!.slice(a.end, b.start);
    const after = blocks[b.block]!.slice(b.end, b.end + 3);
    const acr = keys[i + 1]!;
    if (/^\s*\(\s*$/.test(between) && /^\s*\)/.test(after) && initials(a.text) === acr.replace(/[^a-z0-9]/g, ''))
      out.set(acr, a);
  }
  return out;
}

/**
 * Resolves mentions (sorted or not) into entities and non-overlapping, sorted spans.
 * `blocks` gives the text around mentions for the acronym rule.
 */
export function resolveMentions(mentions: Mention[], blocks: string[]): SpotResult {
  const ms = [...mentions].sort((a, b) => a.block - b.block || a.start - b.start || b.end - a.end);
  // Each mention's surface key, computed once (names repeat, and these are fresh substrings).
  const keys = ms.map((m) => nameKey(m.text));
  // Each distinct key gets an index, so votes and resolved keys live in flat arrays.
  const index = new Map<string, number>(),
    uniq: string[] = [],
    ki = scratch.ki.length >= ms.length ? scratch.ki : (scratch.ki = new Int32Array(ms.length * 2));
  for (let i = 0; i < ms.length; i++) {
    let j = index.get(keys[i]!);
    if (j === undefined) {
      index.set(keys[i]!, (j = uniq.length));
      uniq.push(keys[i]!);
    }
    ki[i] = j;
  }
  const acronyms = findAcronyms(ms, keys, blocks);
  const best = majorityKinds(ms, ki, uniq);
  // An acronym takes its expansion's kind everywhere in the article.
  for (const [acr, exp] of acronyms) best[index.get(acr)!] = KIND_AT[exp.kind];
  for (let i = 0; i < ms.length; i++) if (!ms[i]!.name && best[ki[i]!]! >= 0) ms[i]!.kind = KIND_OF[best[ki[i]!]!]!;

  // Canonical surface key for each mention; union through `link`.
  const link = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    for (let guard = 0, next = link.get(r); next !== undefined && guard < 50; guard++, next = link.get(r)) r = next;
    return r;
  };

  for (const [acr, exp] of acronyms) {
    const k = `${exp.kind}:${acr}`,
      target = `${exp.kind}:${nameKey(exp.text)}`;
    if (k !== target) link.set(k, target);
  }

  // Short person names link to the fullest person name containing them at the start or end.
  // Linear: every leading and trailing word run of a full name points at its longest owner.
  const persons = new Set<string>();
  for (let i = 0; i < ms.length; i++) if (ms[i]!.kind === 'person' && !ms[i]!.name) persons.add(keys[i]!);
  const owner = new Map<string, string>();
  for (const q of persons) {
    // Keys have single spaces between words (nameKey), so the leading and trailing runs of k words
    // are slices at the k-th space from either end.
    for (
      let a = q.indexOf(' '), b = q.lastIndexOf(' ');
      a > 0;
      a = q.indexOf(' ', a + 1), b = q.lastIndexOf(' ', b - 1)
    ) {
      for (const part of [q.slice(0, a), q.slice(b + 1)]) {
        const cur = owner.get(part);
        if (cur === undefined || q.length > cur.length) owner.set(part, q);
      }
    }
  }
  for (const p of persons) {
    const best = owner.get(p);
    if (best) link.set(`person:${p}`, `person:${best}`);
  }

  // Surface forms per entity, in first-seen order (a few per entity: arrays beat a Map per entity);
  // `hon` marks an honorific form ("Mr Stoltenberg"), never the canonical name.
  type Ent = { e: ArticleEntity; forms: string[]; hon: boolean[] };
  const byKey = new Map<string, Ent>();
  // Entity per (surface key, kind) of unnamed mentions, so each distinct name is joined and looked up once.
  const entAt: (Ent | undefined)[] = new Array(uniq.length * 4);
  const spans: BlockSpan[] = [];
  let lastBlock = -1,
    lastEnd = 0;
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    if (m.block === lastBlock && m.start < lastEnd) continue; // overlaps an earlier, longer span
    const at = m.name ? -1 : ki[i]! * 4 + KIND_AT[m.kind];
    let ent = at >= 0 ? entAt[at] : undefined;
    if (!ent) {
      const key = find(`${m.kind}:${m.name ? nameKey(m.name) : keys[i]!}`);
      ent = byKey.get(key);
      if (!ent) {
        ent = { e: { key, name: m.name ?? m.text, kind: m.kind, aliases: [], count: 0 }, forms: [], hon: [] };
        byKey.set(key, ent);
      }
      if (at >= 0) entAt[at] = ent;
    }
    const key = ent.e.key;
    ent.e.count++;
    if (ent.forms.indexOf(m.text) < 0) {
      ent.forms.push(m.text);
      ent.hon.push(false);
    }
    if (m.honorific) {
      const f = `${m.honorific} ${m.text}`,
        at = ent.forms.indexOf(f);
      if (at >= 0) ent.hon[at] = true;
      else {
        ent.forms.push(f);
        ent.hon.push(true);
      }
    }
    spans.push({ block: m.block, start: m.start, end: m.end, entityKey: key });
    lastBlock = m.block;
    lastEnd = m.end;
  }
  const entities = [...byKey.values()].map(({ e, forms, hon }) => {
    if (e.kind !== 'event') {
      // The fullest form seen is the canonical name ("Jens Stoltenberg" over "Stoltenberg").
      for (let k = 0; k < forms.length; k++) if (!hon[k] && forms[k]!.length > e.name.length) e.name = forms[k]!;
    }
    e.aliases = forms.filter((f) => f !== e.name);
    return e;
  });
  entities.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { entities, spans };
}
