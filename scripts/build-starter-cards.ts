/**
 * Builds public/starter-cards.json from the `world-countries` package and the curated cards
 * in scripts/starter/curated.json. Run with `npm run build:starter`.
 *
 * Every card is validated against the same schema the extension installs with; a name two
 * cards share is kept only by the card it names (or the better-ranked one), so a look-up of
 * "Dominican" or "Dutch" has one answer. Fails when a name the reference article needs is missing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { nameKey } from '../lib/entity';
import { cardKeys } from '../lib/db/card-keys';
import { starterCardSchema, type StarterCard } from '../lib/db/starter';
import { countryCards } from './starter/countries';
import { REQUIRED } from './starter/required';

const root = fileURLToPath(new URL('..', import.meta.url));
const CURATED = `${root}scripts/starter/curated.json`;
const OUT = `${root}public/starter-cards.json`;

type Ranked = StarterCard & { rank: number };

/** Reads the curated cards; they outrank every generated card. */
function curatedCards(): Ranked[] {
  const raw = JSON.parse(readFileSync(CURATED, 'utf8')) as Record<string, unknown>[];
  return raw.map((c) => ({ ...c, keys: [], source: 'starter', edited: false, rank: 1e12 }) as unknown as Ranked);
}

/** Drops aliases and demonyms that several cards share from all but the card that owns them. */
function resolveSharedNames(cards: Ranked[]): string[] {
  const holders = new Map<string, Ranked[]>();
  for (const card of cards) for (const k of cardKeys(card)) holders.set(k, [...(holders.get(k) ?? []), card]);
  const dropped: string[] = [];
  for (const [key, list] of holders) {
    if (list.length < 2) continue;
    const named = list.filter((c) => nameKey(c.name) === key);
    // A card whose own name this is keeps it (two such cards keep it both: kind decides at look-up).
    const keepers = named.length > 0 ? named : [list.reduce((a, b) => (b.rank > a.rank ? b : a))];
    for (const card of list) {
      if (keepers.includes(card)) continue;
      card.aliases = card.aliases.filter((a) => nameKey(a) !== key);
      if (card.demonyms) card.demonyms = card.demonyms.filter((d) => nameKey(d) !== key);
      dropped.push(`${card.id}: "${key}" (kept by ${keepers.map((k) => k.id).join(', ')})`);
    }
  }
  return dropped;
}

function main(): void {
  const curated = curatedCards();
  const curatedIds = new Set(curated.map((c) => c.id));
  const all = [...curated, ...countryCards().filter((c) => !curatedIds.has(c.id))];
  const ids = new Set<string>();
  for (const c of all) {
    if (ids.has(c.id)) throw new Error(`duplicate card id ${c.id}`);
    ids.add(c.id);
  }
  const dropped = resolveSharedNames(all);

  const out: StarterCard[] = all.map(({ rank: _rank, ...card }) => {
    const full = { ...card, keys: cardKeys(card) };
    if (full.demonyms?.length === 0) delete full.demonyms;
    const parsed = v.safeParse(starterCardSchema, full);
    if (!parsed.success) throw new Error(`card ${card.id}: ${parsed.issues[0].message}`);
    return parsed.output;
  });

  const missing = REQUIRED.filter(
    ([name, kind]) => !out.some((c) => c.kind === kind && c.keys.includes(nameKey(name))),
  );
  if (missing.length)
    throw new Error(`missing starter cards for: ${missing.map(([n, k]) => `${n} (${k})`).join(', ')}`);

  writeFileSync(OUT, `[\n${out.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`);
  const byKind = out.reduce<Record<string, number>>((n, c) => ({ ...n, [c.kind]: (n[c.kind] ?? 0) + 1 }), {});
  console.log(`wrote ${out.length} cards to public/starter-cards.json`, byKind);
  console.log(`${dropped.length} shared names kept by one card only, e.g.:\n  ${dropped.slice(0, 8).join('\n  ')}`);
}

main();
