/** The `keys` index of the cards table: what a name written on a page is matched against. */
import { nameKey } from '../entity';
import type { Card } from './records';

/** The `keys` a card is found by: nameKey() of its name and every alias, deduplicated, no empties. */
export function keysFor(name: string, aliases: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const n of [name, ...aliases]) {
    const k = nameKey(n);
    if (k) keys.add(k);
  }
  return [...keys];
}

/** The `keys` of a card: its name, aliases and demonyms through keysFor(). */
export function cardKeys(card: Pick<Card, 'name' | 'aliases' | 'demonyms'>): string[] {
  return keysFor(card.name, [...card.aliases, ...(card.demonyms ?? [])]);
}
