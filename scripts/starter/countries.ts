/**
 * Starter cards for every country and territory in the `world-countries` package:
 * names, capital, region, demonyms and alternative spellings, all taken from the data.
 */
import { createRequire } from 'node:module';
import type { Countries, Country } from 'world-countries';
import type { StarterCard } from '../../lib/db/starter';

const require = createRequire(import.meta.url);

/** The package's data (read as JSON: its ESM entry re-exports JSON without import attributes). */
export function loadCountries(): Countries {
  return require('world-countries/countries.json') as Countries;
}

/** Wikipedia titles where the common name leads to a disambiguation page or another article. */
const TITLE_OVERRIDES: Record<string, string> = {
  GE: 'Georgia (country)',
  IE: 'Republic of Ireland',
  FM: 'Federated States of Micronesia',
  CD: 'Democratic Republic of the Congo',
  PS: 'State of Palestine',
  GS: 'South Georgia and the South Sandwich Islands',
  TR: 'Turkey',
};

/** Names the news uses that the data lacks. */
const EXTRA_ALIASES: Record<string, string[]> = {
  TR: ['Turkey'],
  GB: ['Britain', 'UK', 'U.K.'],
  US: ['US', 'U.S.', 'U.S.A.'],
  CZ: ['Czech Republic'],
  NL: ['Holland'],
};

/** Alternative spellings that are not names of the place (codes, common words, IPA). */
const DENIED_ALIASES = new Set(['Island', 'Mann', 'Prathet']);

/** Wikidata ids of well-known countries (only those we are sure of). */
const WIKIDATA: Record<string, string> = {
  RU: 'Q159',
  UA: 'Q212',
  US: 'Q30',
  GB: 'Q145',
  FR: 'Q142',
  DE: 'Q183',
  CN: 'Q148',
  IN: 'Q668',
  JP: 'Q17',
  IT: 'Q38',
  ES: 'Q29',
  CA: 'Q16',
  BR: 'Q155',
  AU: 'Q408',
  NO: 'Q20',
  SE: 'Q34',
  FI: 'Q33',
  PL: 'Q36',
  BE: 'Q31',
  NL: 'Q55',
  IR: 'Q794',
  IL: 'Q801',
  TR: 'Q43',
  EG: 'Q79',
  MX: 'Q96',
  AR: 'Q414',
  KR: 'Q884',
  KP: 'Q423',
  SA: 'Q851',
  GE: 'Q230',
  DK: 'Q35',
  IE: 'Q27',
  CH: 'Q39',
  AT: 'Q40',
  GR: 'Q41',
  PT: 'Q45',
  HU: 'Q28',
  CZ: 'Q213',
  RO: 'Q218',
  BG: 'Q219',
  BY: 'Q184',
  EE: 'Q191',
  LV: 'Q211',
  LT: 'Q37',
};

/** How a place whose status is contested is described, instead of "Country"/"Territory". */
const STATUS_OVERRIDES: Record<string, string> = {
  XK: 'Partially recognised state',
  TW: 'Partially recognised state',
  PS: 'Partially recognised state',
  EH: 'Disputed territory',
};

/** Letters of Latin-script names (Basic Latin, Latin-1, Extended-A/B), digits and name punctuation. */
const LATIN_NAME = /^[A-Za-z\u00C0-\u024F0-9 .'’()&-]+$/;

/** A lowercase slug for ids: "Côte d'Ivoire" → "cote-d-ivoire". */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "https://en.wikipedia.org/wiki/Georgia_(country)" for a title. */
export function wikipediaUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/${encodeURI(title.replace(/ /g, '_'))}`;
}

/** "a, b and c". */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "the Caribbean" reads right; "Eastern Europe" needs no article. */
function area(c: Country): string {
  const where = c.subregion || c.region;
  return where === 'Caribbean' ? 'the Caribbean' : where;
}

/** English demonyms ("Antiguan, Barbudan" is two), without ones equal to the name ("Gibraltar"). */
function demonymsOf(c: Country): string[] {
  const all = Object.values(c.demonyms?.eng ?? {}).flatMap((d) => d.split(/, | or /));
  return [...new Set(all.map((d) => d.trim()))].filter((d) => d && d !== c.name.common);
}

/** The usable aliases of a country: official name, alt spellings (not codes, not demonyms), extras. */
function aliasesOf(c: Country): string[] {
  const demonyms = new Set(demonymsOf(c));
  const alts = c.altSpellings.filter(
    (a) =>
      a !== c.cca2 &&
      a.length > 2 &&
      !a.includes(', ') &&
      LATIN_NAME.test(a) &&
      !DENIED_ALIASES.has(a) &&
      !demonyms.has(a),
  );
  const all = [c.name.official, ...alts, ...(EXTRA_ALIASES[c.cca2] ?? [])];
  return [...new Set(all.map((a) => a.trim()))].filter((a) => a && a !== c.name.common);
}

/** Names English puts "the" before: "the United States", "the Cayman Islands". */
function withArticle(name: string): string {
  const the =
    /^United |Islands$|^(Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Vatican City|Caribbean Netherlands)$/;
  return the.test(name) ? `the ${name}` : name;
}

/** Ends a sentence without doubling a full stop ("Washington D.C."). */
function sentence(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}

/** "Eastern Europe", or "the Caribbean (Americas)" when the subregion does not name its region. */
function areaWithRegion(c: Country): string {
  const stem = c.region.replace(/s$/, '');
  return c.subregion && !c.subregion.includes(stem) ? `${area(c)} (${c.region})` : area(c);
}

/** One or two sentences built only from the data. */
function summaryOf(c: Country, nameOf: (cca3: string) => string | undefined): string {
  if (c.cca2 === 'AQ')
    return 'Antarctica is the continent around the South Pole. It has no permanent population or capital.';
  const what = STATUS_OVERRIDES[c.cca2]?.toLowerCase() ?? (c.independent ? 'country' : 'territory');
  const officially = c.name.official !== c.name.common ? `, officially the ${c.name.official},` : '';
  const subject = withArticle(c.name.common);
  const parts = [
    `${subject.charAt(0).toUpperCase()}${subject.slice(1)}${officially} is a ${what} in ${areaWithRegion(c)}.`,
  ];
  if (c.capital.length === 1) parts.push(sentence(`Its capital is ${c.capital[0]}`));
  else if (c.capital.length > 1) parts.push(sentence(`Its capitals are ${listWords(c.capital)}`));
  const neighbours = c.borders
    .map(nameOf)
    .filter((n): n is string => !!n)
    .map(withArticle);
  if (neighbours.length > 6)
    parts.push(`It borders ${neighbours.slice(0, 6).join(', ')} and ${neighbours.length - 6} other countries.`);
  else if (neighbours.length > 0) parts.push(`It borders ${listWords(neighbours)}.`);
  const languages = Object.values(c.languages ?? {});
  if (languages.length > 0) parts.push(`${languages.length > 1 ? 'Languages' : 'Language'}: ${listWords(languages)}.`);
  if (c.unMember) parts.push('It is a member of the United Nations.');
  return parts.join(' ');
}

/** A starter card for each country and territory of the data set. */
export function countryCards(countries: Countries = loadCountries()): (StarterCard & { rank: number })[] {
  const byCca3 = new Map(countries.map((c) => [c.cca3, c.name.common]));
  return countries.map((c) => {
    const kindWord = STATUS_OVERRIDES[c.cca2] ?? (c.independent ? 'Country' : 'Territory');
    const capital = c.capital.length
      ? `; ${c.capital.length > 1 ? 'capitals' : 'capital'} ${listWords(c.capital)}`
      : '';
    const card: StarterCard & { rank: number } = {
      id: slug(c.name.common),
      name: c.name.common,
      kind: 'place',
      aliases: aliasesOf(c),
      demonyms: demonymsOf(c),
      keys: [],
      description: c.cca2 === 'AQ' ? 'Continent around the South Pole' : `${kindWord} in ${area(c)}${capital}`,
      summary: summaryOf(c, (cca3) => byCca3.get(cca3)),
      url: wikipediaUrl(TITLE_OVERRIDES[c.cca2] ?? c.name.common),
      source: 'starter',
      edited: false,
      // Which country keeps a name two of them share ("Dominican", "Dutch"): independent, then larger.
      rank: (c.independent ? 1e9 : 0) + c.area,
    };
    const wikidata = WIKIDATA[c.cca2];
    if (wikidata) card.wikidata = wikidata;
    return card;
  });
}
