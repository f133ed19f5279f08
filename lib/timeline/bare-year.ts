import { resolvedYear, type When } from './calendar';

/**
 * Bare years ("since 2014", "in 2018"), which chrono leaves alone. Skips amounts ("2000 people",
 * "1800 troops", "$2014", "2014%"), years BC, and numbers glued to other digits or signs.
 */
export const BARE_YEAR =
  /(?<![\d$£€#.,/:^-])\b(1[6-9]\d\d|20\d\d)\b(?![\d%]|[.,]\d|\s*(?:BCE?|B\.C\.)|\s+(?:people|men|women|children|staff|police|personnel|cattle|sheep)\b|\s+(?!(?:was|has|is|as|his|its|this|does)\b)[a-z]+s\b)/g;

/** Resolves a bare-year match. */
export function bareYear(m: RegExpExecArray): When {
  return resolvedYear(Number(m[1]));
}
