/**
 * The other names of the page a name was met on: the context a look-up scores Wikipedia's
 * candidate articles against ("Salisbury" next to "Wiltshire" is the English city). The page that
 * asks sends them, so the worker needs no memory of its own that a restart would lose.
 */

/** Most names sent as context with one getCard (most-mentioned first). */
export const CONTEXT_MAX = 40;

/** The names of `entities` other than `except`, most-mentioned first, at most CONTEXT_MAX. */
export function contextNames(entities: Iterable<{ name: string; count: number }>, except: string): string[] {
  return [...entities]
    .filter((e) => e.name !== except)
    .sort((a, b) => b.count - a.count)
    .slice(0, CONTEXT_MAX)
    .map((e) => e.name);
}
