/**
 * Within-article resolution: mentions of one name become one ArticleEntity.
 * Rules: one kind per surface form (majority vote), short person names link to
 * the fullest person name that ends or starts with them ("Stoltenberg" →
 * "Jens Stoltenberg"), and an acronym in brackets after its expansion
 * ("North Atlantic Treaty Organization (Nato)") is the same entity.
 */
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

/** Majority kind per surface key; ties go to the kind seen first. */
function majorityKinds(ms: Mention[], keys: string[]): Map<string, EntityKind> {
  // Per key: the kinds in the order first seen, and their counts (parallel arrays; at most four kinds).
  const votes = new Map<string, { kinds: EntityKind[]; n: number[] }>();
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    if (m.name) continue;
    const k = keys[i]!;
    let v = votes.get(k);
    if (!v) votes.set(k, (v = { kinds: [], n: [] }));
    const at = v.kinds.indexOf(m.kind);
    if (at < 0) {
      v.kinds.push(m.kind);
      v.n.push(1);
    } else v.n[at]!++;
  }
  const out = new Map<string, EntityKind>();
  const personParts = new Set<string>(),
    orgHeads = new Set<string>();
  for (const [k, v] of votes) {
    let b = 0;
    for (let j = 1; j < v.kinds.length; j++) if (v.n[j]! > v.n[b]!) b = j;
    const best = v.kinds[b]!;
    out.set(k, best);
    const sp = k.indexOf(' ');
    if (best === 'person' && sp > 0) {
      personParts.add(k.slice(0, sp));
      personParts.add(k.slice(k.lastIndexOf(' ') + 1));
    } else if (best === 'organization' && sp > 0) orgHeads.add(k.slice(0, sp));
  }
  // "Magna" tagged as a person in an article about "Magna International" is the company.
  for (const [k, kind] of out)
    if (kind === 'person' && !personParts.has(k) && orgHeads.has(k)) out.set(k, 'organization');
  // "Parnevik" tagged as an organisation in an article about "Jesper Parnevik" is the person.
  for (const [k, kind] of out) if (kind !== 'person' && kind !== 'event' && personParts.has(k)) out.set(k, 'person');
  return out;
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
  const acronyms = findAcronyms(ms, keys, blocks);
  const kinds = majorityKinds(ms, keys);
  // An acronym takes its expansion's kind everywhere in the article.
  for (const [acr, exp] of acronyms) kinds.set(acr, exp.kind);
  for (let i = 0; i < ms.length; i++) if (!ms[i]!.name) ms[i]!.kind = kinds.get(keys[i]!) ?? ms[i]!.kind;

  // Canonical surface key for each mention; union through `link`.
  const link = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    for (let guard = 0; link.has(r) && guard < 50; guard++) r = link.get(r)!;
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
    const w = q.split(' ');
    for (let k = 1; k < w.length; k++) {
      for (const part of [w.slice(0, k).join(' '), w.slice(w.length - k).join(' ')]) {
        const cur = owner.get(part);
        if (cur === undefined || q.length > cur.length) owner.set(part, q);
      }
    }
  }
  for (const p of persons) {
    const best = owner.get(p);
    if (best) link.set(`person:${p}`, `person:${best}`);
  }

  // Surface forms per entity; true marks an honorific form ("Mr Stoltenberg"), never the canonical name.
  const byKey = new Map<string, { e: ArticleEntity; forms: Map<string, boolean> }>();
  const resolved = new Map<EntityKind, Map<string, string>>();
  const spans: BlockSpan[] = [];
  let lastBlock = -1,
    lastEnd = 0;
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    if (m.block === lastBlock && m.start < lastEnd) continue; // overlaps an earlier, longer span
    // Resolved entity key per (kind, surface key), so each distinct name is joined and looked up once.
    const sk = m.name ? nameKey(m.name) : keys[i]!;
    let perKind = resolved.get(m.kind);
    if (!perKind) resolved.set(m.kind, (perKind = new Map()));
    let key = perKind.get(sk);
    if (key === undefined) perKind.set(sk, (key = find(`${m.kind}:${sk}`)));
    let ent = byKey.get(key);
    if (!ent) {
      ent = { e: { key, name: m.name ?? m.text, kind: m.kind, aliases: [], count: 0 }, forms: new Map() };
      byKey.set(key, ent);
    }
    ent.e.count++;
    if (!ent.forms.has(m.text)) ent.forms.set(m.text, false);
    if (m.honorific) ent.forms.set(`${m.honorific} ${m.text}`, true);
    spans.push({ block: m.block, start: m.start, end: m.end, entityKey: key });
    lastBlock = m.block;
    lastEnd = m.end;
  }
  const entities = [...byKey.values()].map(({ e, forms }) => {
    if (e.kind !== 'event') {
      // The fullest form seen is the canonical name ("Jens Stoltenberg" over "Stoltenberg").
      for (const [f, honorific] of forms) if (!honorific && f.length > e.name.length) e.name = f;
    }
    e.aliases = [...forms.keys()].filter((f) => f !== e.name);
    return e;
  });
  entities.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { entities, spans };
}
