/**
 * Public API of the named-entity detector used by the background worker,
 * the scripts and the tests. The model is parsed once and reused.
 */
import { ENTITY_KINDS, type EntityKind, type SpotResult } from '../entity';
import { Gazetteer, PhraseMap, checkGazetteerData } from './gazetteer';
import { decodeTagger, type TaggerModel } from './model-format';
import { spotArticle, createRuntime, type KnownName } from './spot';
import { originalSpan, visibleText } from './invisible-chars';

/** Tagger weights plus gazetteer, as parsed from the files in public/model/. */
export interface ModelData {
  tagger: TaggerModel;
  gazetteer: Gazetteer;
}

/** The detector: spots names in an article and accepts the reader's card names. */
export interface Detector {
  /** Spots names in an article given as text blocks in reading order (paragraphs, headline...). Offsets are per block. Resolution runs across all blocks. */
  spot(blocks: string[]): SpotResult;
  /** Replaces the extra gazetteer of the reader's card names/aliases. */
  setKnownNames(names: { name: string; kind: EntityKind }[]): void;
}

export { MODEL_FILES } from './model-files';

function asText(name: string, v: string | undefined): string {
  if (v === undefined) throw new Error(`model file ${name} is missing`);
  return v;
}

/** Parses the model files' text, throwing a clear Error on malformed data. */
export function parseModel(files: Record<string, string>): ModelData {
  const tagger = decodeTagger(asText('tagger.json', files['tagger.json']));
  let gaz: unknown;
  try {
    gaz = JSON.parse(asText('gazetteer.json', files['gazetteer.json']));
  } catch (e) {
    throw new Error(`gazetteer.json is not valid JSON: ${(e as Error).message}`);
  }
  return { tagger, gazetteer: new Gazetteer(checkGazetteerData(gaz)) };
}

/** Creates a detector over a parsed model. */
export function createDetector(model: ModelData): Detector {
  let known = new PhraseMap<KnownName>();
  const rt = createRuntime(model);
  return {
    spot(blocks: string[]): SpotResult {
      if (!Array.isArray(blocks)) return { entities: [], spans: [] };
      const texts = blocks.map((b) => visibleText(typeof b === 'string' ? b : ''));
      const result = spotArticle(
        model,
        rt,
        known,
        texts.map((t) => t.text),
      );
      if (texts.every((t) => !t.at)) return result;
      const spans = result.spans.map((s) => {
        const t = texts[s.block];
        return t ? { ...s, ...originalSpan(t, s.start, s.end) } : s;
      });
      return { ...result, spans };
    },
    setKnownNames(names) {
      const next = new PhraseMap<KnownName>();
      for (const n of names ?? []) {
        if (!n || typeof n.name !== 'string' || !(ENTITY_KINDS as readonly string[]).includes(n.kind)) continue;
        const name = n.name.trim();
        if (name.length < 2 || name.length > 200) continue;
        // Every way the cards write a name is kept: the page must write it the same way (known-names.ts casedAlike).
        next.add(name, { name, kind: n.kind, forms: [name] }, (old, v) => ({
          ...v,
          forms: [...(old.forms ?? []), name],
        }));
      }
      known = next;
    },
  };
}
