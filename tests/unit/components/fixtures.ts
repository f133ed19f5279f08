import type { Card, Note } from '../../../lib/db/records';

/** A complete card for tests; override any field. */
export function makeCard(over: Partial<Card> = {}): Card {
  return {
    id: 'jens-stoltenberg',
    name: 'Jens Stoltenberg',
    kind: 'person',
    aliases: ['Stoltenberg', 'Mr Stoltenberg'],
    keys: ['jens stoltenberg', 'stoltenberg', 'mr stoltenberg'],
    description: 'Secretary General of Nato (2014–2024)',
    summary: 'Norwegian politician who led Nato for ten years after serving as Prime Minister of Norway.',
    url: 'https://en.wikipedia.org/wiki/Jens_Stoltenberg',
    source: 'starter',
    edited: false,
    createdAt: 1_600_000_000_000,
    updatedAt: 1_600_000_000_000,
    ...over,
  };
}

/** A note for tests; override any field. */
export function makeNote(over: Partial<Note> = {}): Note {
  return {
    id: 'n1',
    cardId: 'jens-stoltenberg',
    body: 'A note',
    createdAt: Date.now() - 60_000,
    updatedAt: Date.now() - 60_000,
    ...over,
  };
}
