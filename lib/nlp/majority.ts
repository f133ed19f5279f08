/** Majority vote of a kind per surface name in an article, for within-article resolution (resolve.ts). */
import type { EntityKind } from '../entity';
import type { Mention } from './resolve';

/** Index of each kind in the vote arrays, and back. */
export const KIND_AT: Record<EntityKind, number> = { person: 0, organization: 1, place: 2, event: 3 };
export const KIND_OF: EntityKind[] = ['person', 'organization', 'place', 'event'];
/** Reused arrays of resolveMentions (allocating typed arrays per article is costly); only the first entries are valid. */
export const scratch = {
  ki: new Int32Array(256),
  n: new Int32Array(1024),
  first: new Int32Array(1024),
  best: new Int8Array(256),
};

/**
 * Majority kind per distinct surface key (`ki`: each mention's key index, `uniq`: the keys);
 * ties go to the kind seen first. Returns per key the kind's index (KIND_OF), or -1 when every
 * mention of the key has a rule-given name (no vote).
 */
export function majorityKinds(ms: Mention[], ki: Int32Array, uniq: string[]): Int8Array {
  const U = uniq.length;
  if (scratch.n.length < U * 4) scratch.n = new Int32Array(U * 8);
  if (scratch.first.length < U * 4) scratch.first = new Int32Array(U * 8);
  if (scratch.best.length < U) scratch.best = new Int8Array(U * 2);
  const { n, first } = scratch;
  n.fill(0, 0, U * 4);
  for (let i = 0, seq = 0; i < ms.length; i++) {
    const m = ms[i]!;
    if (m.name) continue;
    const v = ki[i]! * 4 + KIND_AT[m.kind];
    if (n[v]!++ === 0) first[v] = seq++;
  }
  const best = scratch.best.fill(-1, 0, U);
  let personParts: Set<string> | null = null,
    orgHeads: Set<string> | null = null;
  for (let k = 0; k < U; k++) {
    let b = -1;
    for (let c = 0; c < 4; c++) {
      const v = k * 4 + c;
      if (n[v]! > 0 && (b < 0 || n[v]! > n[k * 4 + b]! || (n[v] === n[k * 4 + b] && first[v]! < first[k * 4 + b]!)))
        b = c;
    }
    best[k] = b;
    const key = uniq[k]!,
      sp = key.indexOf(' ');
    if (sp < 0 || b < 0) continue;
    if (b === 0) {
      personParts ??= new Set();
      personParts.add(key.slice(0, sp));
      personParts.add(key.slice(key.lastIndexOf(' ') + 1));
    } else if (b === 1) (orgHeads ??= new Set()).add(key.slice(0, sp));
  }
  // "Magna" tagged as a person in an article about "Magna International" is the company.
  if (orgHeads)
    for (let k = 0; k < U; k++) if (best[k] === 0 && !personParts?.has(uniq[k]!) && orgHeads.has(uniq[k]!)) best[k] = 1;
  // "Parnevik" tagged as an organisation in an article about "Jesper Parnevik" is the person.
  if (personParts)
    for (let k = 0; k < U; k++) if ((best[k] === 1 || best[k] === 2) && personParts.has(uniq[k]!)) best[k] = 0;
  return best;
}
