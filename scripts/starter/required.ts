import type { EntityKind } from '../../lib/entity';

/** Names the reference article's README says a reader must be able to look up. */
export const REQUIRED: [string, EntityKind][] = [
  ['Jens Stoltenberg', 'person'],
  ['Sergei Skripal', 'person'],
  ['Nato', 'organization'],
  ['Nato-Russia Council', 'organization'],
  ['AFP', 'organization'],
  ['Russia', 'place'],
  ['Moscow', 'place'],
  ['Ukraine', 'place'],
  ['Crimea', 'place'],
  ['Europe', 'place'],
  ['Salisbury', 'place'],
  ['Cold War', 'event'],
  ['annexation of Crimea', 'event'],
  ['Skripal poisoning', 'event'],
  ['Expulsion of Russian diplomats from Nato', 'event'],
  ["Closure of Russia's mission to Nato", 'event'],
  ['Nato summit', 'event'],
];
