/**
 * Company names that are also a landform's ("Amazon": the river and its forest), and how an article
 * shows it means the landform: a reader's card for the company must not mark the forest.
 */
/** Words after a name that make it a landform, not the company a card names so ("the Amazon rainforest"). */
export const LANDFORM_AFTER = new Set(
  'rainforest rainforests rain forest forests river basin jungle delta region biome'.split(' '),
);
/** One-word company names that are also a place's ("Amazon": the river and its forest). */
const PLACE_HOMONYMS = ['amazon'];
const HOMONYM = `(${PLACE_HOMONYMS.join('|')})`;
const ANY_HOMONYM = new RegExp(PLACE_HOMONYMS.join('|'), 'i');
/** Nouns after "the Amazon" that make it the company ("wildfires in the Amazon warehouse"). */
const COMPANY_NOUN =
  '(?:warehouses?|stores?|app|account|workers|employees|founder|shares|stock|cloud|sellers?|devices?)';
/**
 * One of them used for the place: followed by a landform word ("Amazon rainforest", "Amazon rain
 * forest"); after a country's adjective ("the Brazilian Amazon"); or as "the Amazon" after a
 * preposition with the clause ending there ("fires in the Amazon.", "across the Amazon, where"); or
 * after what only befalls a forest or lives in one ("Deforestation in the Amazon has slowed").
 * "The Amazon founder" or "from the Amazon warehouse" stay the company's.
 */
const LANDFORM_NAME = new RegExp(
  [
    `\\b${HOMONYM}\\s+(?:${[...LANDFORM_AFTER].join('|')})\\b`,
    `\\b(?:brazilian|peruvian|colombian|ecuadorian|bolivian|venezuelan)\\s+${HOMONYM}\\b`,
    `\\b(?:in|across|into|through|throughout|of|from|to)\\s+the\\s+${HOMONYM}(?=\\s*(?:[.,;:!?)]|$))`,
    `\\b(?:deforestation|wildfires|tribes|indigenous\\s+peoples?)\\s+(?:in|of|across|throughout)\\s+the\\s+${HOMONYM}\\b(?!\\s+${COMPANY_NOUN})`,
  ].join('|'),
  'gi',
);

/**
 * The names in PLACE_HOMONYMS that `blocks` (an article) use for the place somewhere (see
 * LANDFORM_NAME). The company's card is then not applied anywhere in the article ("Deforestation
 * in the Amazon has..." is the forest too).
 */
export function landformNames(blocks: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const b of blocks) {
    // Most blocks name none of them: one plain search skips LANDFORM_NAME's alternations.
    if (!ANY_HOMONYM.test(b)) continue;
    for (const m of b.matchAll(LANDFORM_NAME)) found.add((m[1] ?? m[2] ?? m[3] ?? m[4])!.toLowerCase());
  }
  return found;
}
