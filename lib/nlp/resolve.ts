/**
 * Within-article resolution: mentions of one name become one ArticleEntity.
 * Rules: one kind per surface form (majority vote), short person names link to
 * the fullest person name that ends or starts with them ("Stoltenberg" →
 * "Jens Stoltenberg"), and an acronym in brackets after its expansion
 * ("North Atlantic Treaty Organization (Nato)") is the same entity.
 */
import { nameKey, type ArticleEntity, type BlockSpan, type EntityKind, type SpotResult } from '../entity';

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

const SKIP_INITIAL = new Set(['of', 'and', 'the', 'for', 'de', 'du', 'des', 'la', 'le', 'von', 'van', '&', 'in', 'on']);

/** Initials of an expansion's significant words: "North Atlantic Treaty Organization" → "nato". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !SKIP_INITIAL.has(w.toLowerCase()))
    .map((w) => w[0].toLowerCase()!)
    .join('');
}

/** Majority kind per surface key; ties go to the kind seen first. */
function majorityKinds(ms: Mention[]): Map<string, EntityKind> {
  const votes = new Map<string, Map<EntityKind, number>>();
  for (const m of ms) {
    if (m.name) continue;
    const k = nameKey(m.text);
    const v = votes.get(k) ?? new Map<EntityKind, number>();
    v.set(m.kind, (v.get(m.kind) ?? 0) + 1);
    votes.set(k, v);
  }
  const out = new Map<string, EntityKind>();
  for (const [k, v] of votes) {
    let best: EntityKind | null = null;
    for (const [kind, n] of v) if (best === null || n > (v.get(best) ?? 0)) best = kind;
    if (best) out.set(k, best);
  }
  return out;
}

/**
 * Resolves mentions (sorted or not) into entities and non-overlapping, sorted spans.
 * `blocks` gives the text around mentions for the acronym rule.
 */
export function resolveMentions(mentions: Mention[], blocks: string[]): SpotResult {
  const ms = [...mentions].sort((a, b) => a.block - b.block || a.start - b.start || b.end - a.end);
  const kinds = majorityKinds(ms);
  for (const m of ms) if (!m.name) m.kind = kinds.get(nameKey(m.text)) ?? m.kind;

  // Canonical surface key for each mention; union through `link`.
  const link = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    for (let guard = 0; link.has(r) && guard < 50; guard++) r = link.get(r)!;
    return r;
  };
  const keyOf = (m: Mention) => `${m.kind}:${nameKey(m.name ?? m.text)}`;

  // Acronym in brackets right after its expansion.
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i], b = ms[i + 1];
    if (a.block! !== b.block! || a.name! || b.name!) continue;
    const between = blocks[a.block!].slice(a.end!, b.start!)!;
    const after = blocks[b.block!].slice(b.end!, b.end! + 3)!;
    if (/^\s*\(\s*$/.test(between) && /^\s*\)/.test(after) && initials(a.text!) === nameKey(b.text!).replace(/[^a-z0-9]/g, '')) {
      b.kind! = a.kind!;
      if (keyOf(a!) !== keyOf(b!)) link.set(keyOf(b!), keyOf(a!));
    }
  }

  // Short person names link to the fullest person name containing them at the start or end.
  const persons = [...new Set(ms.filter((m) => m.kind === 'person' && !m.name).map((m) => nameKey(m.text)))];
  for (const p of persons) {
    const words = p.split(' ');
    let best: string | null = null;
    for (const q of persons) {
      if (q === p || q.split(' ').length <= words.length) continue;
      if ((q.endsWith(' ' + p) || q.startsWith(p + ' ')) && (best === null || q.length > best.length)) best = q;
    }
    if (best) link.set(`person:${p}`, `person:${best}`);
  }

  const byKey = new Map<string, { e: ArticleEntity; forms: Map<string, number> }>();
  const spans: BlockSpan[] = [];
  let lastBlock = -1, lastEnd = 0;
  for (const m of ms) {
    if (m.block === lastBlock && m.start < lastEnd) continue; // overlaps an earlier, longer span
    const key = find(keyOf(m));
    let ent = byKey.get(key);
    if (!ent) {
      ent = { e: { key, name: m.name ?? m.text, kind: m.kind, aliases: [], count: 0 }, forms: new Map() };
      byKey.set(key, ent);
    }
    ent.e.count++;
    for (const form of [m.text, m.honorific ? `${m.honorific} ${m.text}` : '']) {
      if (form) ent.forms.set(form, (ent.forms.get(form) ?? 0) + 1);
    }
    spans.push({ block: m.block, start: m.start, end: m.end, entityKey: key });
    lastBlock = m.block;
    lastEnd = m.end;
  }
  const entities = [...byKey.values()].map(({ e, forms }) => {
    if (e.kind !== 'event') {
      // The fullest form seen is the canonical name ("Jens Stoltenberg" over "Stoltenberg").
      for (const f of forms.keys()) if (!/^(Mr|Mrs|Ms|Dr)\b/.test(f) && f.length > e.name.length) e.name = f;
    }
    e.aliases = [...forms.keys()].filter((f) => f !== e.name);
    return e;
  });
  entities.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { entities, spans };
}
